import type { CollectionConfig } from 'payload'

import { anyone } from '../../../../access/anyone'
import { editorsAndAdmins } from '../../../../access/editorsAndAdmins'
import { staffField } from '../../../../access/staffField'
import { labels, t } from '../../../../model/i18n'
import { getLocales, localeNames } from '../../../../model/locales'
import { registry } from '../../../../model/registry'
import { redirectSiteUpdate } from '../../addresses/hooks'
import { normalizeSitePath } from '../../../../model/sitePath'

/** The types whose documents have a page: what an old address can lead to. */
export const addressedCollections = registry.slugs((type) => type.kind === 'document' && type.route !== 'none')

/**
 * Addresses that used to show a page. Atvira writes them when a live document's address
 * changes (301 to where it is now) or it is unpublished or deleted (410, or 301 to the
 * document the editor named as its replacement); staff add their own, e.g. the previous
 * website's addresses. The site answers them (site/server); printed leaflets and QR
 * codes keep working. The public reads them: they are addresses the public already saw.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  admin: {
    group: 'Publishing',
    useAsTitle: 'from',
    defaultColumns: ['from', 'kind', 'target', 'locale', 'updatedAt'],
    listSearchableFields: ['from'],
    description: labels('admin.redirects.description') as never,
  },
  defaultSort: '-updatedAt',
  access: { read: anyone, create: editorsAndAdmins, update: editorsAndAdmins, delete: editorsAndAdmins },
  hooks: { afterChange: [redirectSiteUpdate], afterDelete: [redirectSiteUpdate] },
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: labels('admin.redirects.from'),
      admin: { description: labels('admin.redirects.fromHelp') as never },
      hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? (normalizeSitePath(value) ?? value) : value)] },
      validate: (value: unknown, { req }: { req: { i18n?: { language?: string } } }) =>
        (typeof value === 'string' && normalizeSitePath(value) === value) || t(req.i18n?.language ?? 'en', 'admin.redirects.fromInvalid'),
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'moved',
      label: labels('admin.redirects.kind'),
      options: [
        { value: 'moved', label: labels('admin.redirects.kind.moved') },
        { value: 'withdrawn', label: labels('admin.redirects.kind.withdrawn') },
      ],
    },
    {
      name: 'target',
      type: 'relationship',
      relationTo: addressedCollections as never,
      label: labels('admin.redirects.target'),
      admin: { condition: (data) => data?.kind === 'moved', description: labels('admin.redirects.targetHelp') as never },
      validate: (value: unknown, { siblingData, req }: { siblingData: { kind?: string }; req: { i18n?: { language?: string } } }) =>
        siblingData.kind !== 'moved' || (value !== null && value !== undefined) || t(req.i18n?.language ?? 'en', 'admin.redirects.targetRequired'),
    },
    {
      name: 'locale',
      type: 'select',
      label: labels('admin.redirects.locale'),
      options: getLocales().map((l) => ({ value: l.code, label: localeNames(l.code) })),
      admin: { description: labels('admin.redirects.localeHelp') as never },
    },
    // Whose address it was, while that document exists: if it goes live again elsewhere,
    // its old address leads there (site/publisher/snapshot.ts).
    {
      name: 'doc',
      type: 'relationship',
      relationTo: addressedCollections as never,
      label: labels('admin.redirects.doc'),
      admin: { readOnly: true, position: 'sidebar' },
    },
    // The section the withdrawn page links to (its type), kept when the document is deleted.
    { name: 'section', type: 'text', admin: { hidden: true } },
    { name: 'note', type: 'textarea', label: labels('admin.redirects.note'), access: { read: staffField } },
  ],
}
