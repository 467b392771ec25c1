import type { GlobalConfig } from 'payload'

import { editorsAndAdmins } from '../access/editorsAndAdmins'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { staff } from '../access/staff'
import { syncFileUseAfterGlobalChange } from '../files/usage'
import { endGlobalRestoreContext } from '../hooks/endRestoreContext'
import { noteGlobalDraftSave } from '../hooks/draftSave'
import { labels } from '../model/i18n'
import { identityFields } from './identity'
import { validateEmail, validateLink, validatePhone } from '../model/validators'

/** City-wide settings: name, identity (logo, colours, top tasks, menu), contacts and links shown on every page. */
export const Settings: GlobalConfig = {
  slug: 'settings',
  label: 'Site settings',
  admin: { group: 'Structure' },
  access: {
    // `?draft=true` would otherwise hand the public an unpublished draft.
    read: publishedOrStaff,
    readVersions: staff,
    update: editorsAndAdmins,
  },
  versions: { drafts: { autosave: { interval: 2000 }, schedulePublish: { timeFormat: 'HH:mm' } }, max: 50 },
  hooks: { beforeOperation: [noteGlobalDraftSave], afterChange: [endGlobalRestoreContext, syncFileUseAfterGlobalChange] },
  fields: [
    { name: 'cityName', type: 'text', localized: true, required: true },
    {
      // Messages that name the city decline it where the language does ("Pajūrio savivaldybė").
      name: 'cityNameCases',
      type: 'group',
      label: labels('admin.settings.cityNameCases'),
      admin: { description: labels('admin.settings.cityNameCases.description') },
      fields: [
        { name: 'genitive', type: 'text', localized: true, label: labels('admin.settings.genitive') },
        { name: 'locative', type: 'text', localized: true, label: labels('admin.settings.locative') },
      ],
    },
    { name: 'tagline', type: 'text', localized: true },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    ...identityFields,
    {
      name: 'contact',
      type: 'group',
      fields: [
        { name: 'phone', type: 'text', validate: (value: unknown) => validatePhone(value) },
        {
          name: 'shortNumber',
          type: 'text',
          validate: (value: unknown) => validatePhone(value),
          admin: { description: 'Short hotline number, e.g. 1860.' },
        },
        { name: 'email', type: 'email', validate: (value: unknown) => validateEmail(value) },
        {
          name: 'address',
          type: 'group',
          fields: [
            { name: 'street', type: 'text' },
            { name: 'postcode', type: 'text' },
            { name: 'city', type: 'text', localized: true },
          ],
        },
        { name: 'hours', type: 'text', localized: true },
      ],
    },
    {
      name: 'footerLinks',
      type: 'array',
      maxRows: 12,
      fields: [
        { name: 'label', type: 'text', localized: true, required: true },
        { name: 'url', type: 'text', required: true, validate: (value: unknown) => validateLink(value) },
      ],
    },
    {
      name: 'socialLinks',
      type: 'array',
      maxRows: 8,
      fields: [
        {
          name: 'platform',
          type: 'select',
          required: true,
          options: ['facebook', 'instagram', 'youtube', 'x', 'linkedin', 'mastodon'].map((v) => ({
            value: v,
            label: v[0]!.toUpperCase() + v.slice(1),
          })),
        },
        { name: 'url', type: 'text', required: true, validate: (value: unknown) => validateLink(value) },
      ],
    },
    {
      name: 'newsletter',
      type: 'group',
      admin: { description: 'Sender of newsletter emails. Empty fields fall back to EMAIL_FROM.' },
      fields: [
        { name: 'fromName', type: 'text', localized: true },
        { name: 'fromAddress', type: 'email', validate: (value: unknown) => validateEmail(value) },
        { name: 'replyTo', type: 'email', validate: (value: unknown) => validateEmail(value) },
      ],
    },
  ],
}
