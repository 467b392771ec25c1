import type { CollectionConfig } from 'payload'

import { editorsAndAdmins } from '../../../../access/editorsAndAdmins'
import { isAdmin } from '../../../../access/isAdmin'
import { labels, t } from '../../../../model/i18n'
import { getLocales, localeNames } from '../../../../model/locales'
import { isEmail, normalizeEmail } from '../../../../model/email'
import { eraseSubscriberMail } from '../../housekeeping'
import { exportSubscribersEndpoint } from './endpoints/exportCsv'
import { erasePersonEndpoint, exportPersonEndpoint } from './endpoints/person'
import { subscriberStatsEndpoint } from './endpoints/stats'
import { subscriberStatuses } from './options'


const readOnlyDate = { readOnly: true, date: { pickerAppearance: 'dayAndTime' as const } }

/**
 * Newsletter subscribers: personal data. Nothing is sent before the address is
 * confirmed; token hashes never leave the server.
 *
 * Who may do what, the least a data-protection request needs:
 * - Editors and admins find a person (list, search by address, read one) and, on the
 *   subscriber, export that person's data and erase it (`/:id/export`, `/:id/erase`):
 *   the communications team answers these requests.
 * - Only admins create, edit or delete rows, and download the whole list
 *   (`/export.csv`). People join through the double opt-in form and change their own
 *   settings through their emailed link, so a request needs no edit; a row created by
 *   staff would have no consent. Editors erase one person at a time and never hold a
 *   copy of everyone.
 * - Authors and the public: nothing (not even counts; editors' counts are `/stats`).
 */
export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  dbName: 'subscribers',
  admin: {
    group: 'Newsletter',
    useAsTitle: 'email',
    listSearchableFields: ['email'],
    defaultColumns: ['email', 'status', 'frequency', 'locale', 'confirmedAt', 'createdAt'],
    description:
      'People who asked for email updates. Search by email address. On a subscriber, “Export personal data” downloads everything Atvira holds on the person and “Erase subscriber and their data” removes it for good. Addresses of people who left are erased automatically after the retention period.',
  },
  access: { read: editorsAndAdmins, create: isAdmin, update: isAdmin, delete: isAdmin },
  endpoints: [exportSubscribersEndpoint, subscriberStatsEndpoint, exportPersonEndpoint, erasePersonEndpoint],
  hooks: {
    beforeDelete: [eraseSubscriberMail],
    beforeValidate: [
      ({ data }) => {
        if (data && typeof data.email === 'string') data.email = normalizeEmail(data.email)
        return data
      },
    ],
  },
  indexes: [{ fields: ['status', 'frequency'] }],
  fields: [
    {
      name: 'email',
      type: 'email',
      required: true,
      unique: true,
      index: true,
      // The same rule as the sign-up form, so a form-valid address is never refused here.
      validate: (value: null | string | undefined, { req }) =>
        (typeof value === 'string' && isEmail(value)) || t(req.i18n?.language ?? 'en', 'admin.subscribers.email.invalid'),
    },
    {
      name: 'locale',
      type: 'select',
      required: true,
      defaultValue: () => getLocales()[0]!.code,
      options: getLocales().map((l) => ({ value: l.code, label: localeNames(l.code) })),
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: subscriberStatuses.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) })),
    },
    {
      name: 'frequency',
      type: 'select',
      required: true,
      defaultValue: 'daily',
      options: [
        { value: 'immediately', label: 'Each item immediately' },
        { value: 'daily', label: 'Daily digest' },
        { value: 'weekly', label: 'Weekly digest' },
      ],
    },
    { name: 'allTopics', type: 'checkbox', defaultValue: true, label: 'All topics' },
    {
      name: 'topics',
      type: 'relationship',
      relationTo: 'topics',
      hasMany: true,
      admin: { condition: (data) => !data?.allTopics },
    },
    { name: 'urgent', type: 'checkbox', defaultValue: true, label: 'Urgent alerts' },
    {
      name: 'consent',
      type: 'group',
      admin: { description: 'What the person agreed to, when and on which form.' },
      fields: [
        { name: 'at', type: 'date', admin: readOnlyDate },
        { name: 'form', type: 'text', admin: { readOnly: true } },
        { name: 'wording', type: 'textarea', admin: { readOnly: true } },
        {
          name: 'ip',
          type: 'text',
          admin: { readOnly: true, description: 'Only kept when NEWSLETTER_STORE_IP=true.' },
        },
      ],
    },
    {
      // Export and erase, for a data-protection request (no column: a UI field stores nothing).
      name: 'personalData',
      type: 'ui',
      // Its component shows the heading; the label names it elsewhere (field lists, errors).
      label: labels('admin.subscribers.personalData'),
      admin: { position: 'sidebar', components: { Field: '/plugins/newsletter/admin/SubscriberData#SubscriberData' } },
    },
    { name: 'confirmedAt', type: 'date', admin: { ...readOnlyDate, position: 'sidebar' } },
    { name: 'unsubscribedAt', type: 'date', index: true, admin: { ...readOnlyDate, position: 'sidebar' } },
    { name: 'bounceCount', type: 'number', defaultValue: 0, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'lastBounce', type: 'text', admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'digestCursor',
      type: 'date',
      admin: { ...readOnlyDate, position: 'sidebar', description: 'Changes after this moment go into the next digest.' },
    },
    // sha256 of the emailed confirmation token; the token itself is never stored.
    { name: 'confirmTokenHash', type: 'text', index: true, hidden: true },
    { name: 'confirmTokenExpires', type: 'date', hidden: true },
  ],
}
