import type { CollectionConfig } from 'payload'

import { deleteContent } from '../access/deleteContent'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { staff } from '../access/staff'
import { updateContent } from '../access/updateContent'
import { publicVersions } from '../fields/common'
import { createdByField, firstPublishedAtField } from '../fields/ownership'
import { syncFileUseAfterChange, syncFileUseAfterDelete } from '../files/usage'
import { endRestoreContext } from '../hooks/endRestoreContext'
import { guardAuthorPublishing } from '../hooks/guardAuthorPublishing'
import { publicReadsPublished } from '../hooks/publicReadsPublished'
import { noteDraftSave } from '../hooks/draftSave'
import { noteWasLive } from '../hooks/wasLive'
import { previewUrl } from '../lib/preview'
import { registry, type Registry } from '../model/registry'

/** The public reads published documents; staff write; authors never publish. */
const contentAccess: CollectionConfig['access'] = {
  read: publishedOrStaff,
  readVersions: staff,
  create: staff,
  update: updateContent,
  delete: deleteContent,
}

/**
 * Everything a published-content collection shares: access, drafts, author guard, file
 * use. The feature plugins (cms/plugins) append their hooks after these: the site
 * update (publishing), then the subscribers' notice (newsletter).
 */
export function contentCollection(config: CollectionConfig, types: Registry = registry): CollectionConfig {
  // The registry's flags (cms/model/registry.ts); a type it does not list is not previewable.
  const previewable = types.get(config.slug)?.flags.previewable ?? false
  return {
    ...config,
    fields: [...config.fields, createdByField, firstPublishedAtField],
    admin: {
      ...config.admin,
      ...(previewable ? { preview: (doc: Record<string, unknown>, { locale }: { locale?: unknown }) => previewUrl(config.slug, doc.id, locale) } : {}),
    },
    access: { ...contentAccess, ...config.access },
    versions: publicVersions,
    hooks: {
      ...config.hooks,
      beforeOperation: [guardAuthorPublishing, publicReadsPublished, noteDraftSave, ...(config.hooks?.beforeOperation ?? [])],
      // First, before any hook changes what is stored.
      beforeChange: [noteWasLive, ...(config.hooks?.beforeChange ?? [])],
      afterChange: [
        endRestoreContext,
        ...(config.hooks?.afterChange ?? []),
        // Which images and documents live content uses: only those are public.
        syncFileUseAfterChange,
      ],
      afterDelete: [...(config.hooks?.afterDelete ?? []), syncFileUseAfterDelete],
    },
  }
}
