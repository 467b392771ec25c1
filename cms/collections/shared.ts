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
import { noteDraftSave, siteUpdateAfterChange, siteUpdateAfterDelete } from '../plugins/publishing/hooks/siteUpdates'
import { previewUrl } from '../lib/preview'
import { registry, type Registry } from '../model/registry'
import { notifyField, notifySubscribersAfterChange, notifySubscribersBeforeChange, withdrawDeletedChanges } from '../plugins/newsletter/changes'

/** The public reads published documents; staff write; authors never publish. */
export const contentAccess: CollectionConfig['access'] = {
  read: publishedOrStaff,
  readVersions: staff,
  create: staff,
  update: updateContent,
  delete: deleteContent,
}

/** Everything a published-content collection shares: access, drafts, author guard. */
export function contentCollection(config: CollectionConfig, types: Registry = registry): CollectionConfig {
  // The registry's flags (cms/model/registry.ts); a type it does not list is neither.
  const flags = types.get(config.slug)?.flags
  const previewable = flags?.previewable ?? false
  const notifiable = flags?.notifiable ?? false
  return {
    ...config,
    fields: [...config.fields, ...(notifiable ? [notifyField] : []), createdByField, firstPublishedAtField],
    admin: {
      ...config.admin,
      ...(previewable ? { preview: (doc: Record<string, unknown>, { locale }: { locale?: unknown }) => previewUrl(config.slug, doc.id, locale) } : {}),
    },
    access: { ...contentAccess, ...config.access },
    versions: publicVersions,
    hooks: {
      ...config.hooks,
      beforeOperation: [guardAuthorPublishing, publicReadsPublished, noteDraftSave, ...(config.hooks?.beforeOperation ?? [])],
      // Live content changed: queue a site update (coalesced, skipped while seeding).
      beforeChange: [...(config.hooks?.beforeChange ?? []), ...(notifiable ? [notifySubscribersBeforeChange] : [])],
      afterChange: [
        endRestoreContext,
        ...(config.hooks?.afterChange ?? []),
        // Which images and documents live content uses: only those are public.
        syncFileUseAfterChange,
        siteUpdateAfterChange,
        // First publication (or an editor's explicit request) tells subscribers.
        ...(notifiable ? [notifySubscribersAfterChange] : []),
      ],
      afterDelete: [...(config.hooks?.afterDelete ?? []), syncFileUseAfterDelete, siteUpdateAfterDelete, ...(notifiable ? [withdrawDeletedChanges] : [])],
    },
  }
}
