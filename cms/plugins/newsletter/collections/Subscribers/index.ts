import type { CollectionConfig } from 'payload'

import { editorsAndAdmins } from '../../../../access/editorsAndAdmins'
import { isAdmin } from '../../../../access/isAdmin'
import { labels, t } from '../../../../model/i18n'
import { getLocales } from '../../../../model/locales'
import { isEmail, normalizeEmail } from '../../../../model/email'
import { eraseSubscriberMail } from '../../housekeeping'
import { exportSubscribersEndpoint } from './endpoints/exportCsv'
import { erasePersonEndpoint, exportPersonEndpoint } from './endpoints/person'
import { subscriberStatsEndpoint } from './endpoints/stats'
import { frequencies, subscriberStatuses } from './options'


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
    description: labels('admin.subscribers.description'),
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
      label: labels('admin.subscribers.email'),
      // The same rule as the sign-up form, so a form-valid address is never refused here.
      validate: (value: null | string | undefined, { req }) =>
        (typeof value === 'string' && isEmail(value)) || t(req.i18n?.language ?? 'en', 'admin.subscribers.email.invalid'),
    },
    {
      name: 'locale',
      type: 'select',
      required: true,
      label: labels('admin.subscribers.locale'),
      defaultValue: () => getLocales()[0]!.code,
      options: getLocales().map((l) => ({ value: l.code, label: l.label })),
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      label: labels('admin.subscribers.status'),
      options: subscriberStatuses.map((s) => ({ value: s, label: labels(`admin.subscribers.status.${s}`) })),
    },
    {
      name: 'frequency',
      type: 'select',
      required: true,
      defaultValue: 'daily',
      label: labels('admin.subscribers.frequency'),
      options: frequencies.map((f) => ({ value: f, label: labels(`admin.subscribers.frequency.${f}`) })),
    },
    { name: 'allTopics', type: 'checkbox', defaultValue: true, label: labels('admin.subscribers.allTopics') },
    {
      name: 'topics',
      type: 'relationship',
      relationTo: 'topics',
      hasMany: true,
      label: labels('admin.subscribers.topics'),
      admin: { condition: (data) => !data?.allTopics },
    },
    { name: 'urgent', type: 'checkbox', defaultValue: true, label: labels('admin.subscribers.urgent') },
    {
      name: 'consent',
      type: 'group',
      label: labels('admin.subscribers.consent'),
      admin: { description: labels('admin.subscribers.consent.description') },
      fields: [
        { name: 'at', type: 'date', label: labels('admin.subscribers.consent.at'), admin: readOnlyDate },
        { name: 'form', type: 'text', label: labels('admin.subscribers.consent.form'), admin: { readOnly: true } },
        { name: 'wording', type: 'textarea', label: labels('admin.subscribers.consent.wording'), admin: { readOnly: true } },
        {
          name: 'ip',
          type: 'text',
          label: labels('admin.subscribers.consent.ip'),
          admin: { readOnly: true, description: labels('admin.subscribers.consent.ip.description') },
        },
      ],
    },
    {
      // Export and erase, for a data-protection request (no column: a UI field stores nothing).
      name: 'personalData',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/plugins/newsletter/admin/SubscriberData#SubscriberData' } },
    },
    { name: 'confirmedAt', type: 'date', label: labels('admin.subscribers.confirmedAt'), admin: { ...readOnlyDate, position: 'sidebar' } },
    { name: 'unsubscribedAt', type: 'date', index: true, label: labels('admin.subscribers.unsubscribedAt'), admin: { ...readOnlyDate, position: 'sidebar' } },
    { name: 'bounceCount', type: 'number', defaultValue: 0, label: labels('admin.subscribers.bounceCount'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'lastBounce', type: 'text', label: labels('admin.subscribers.lastBounce'), admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'digestCursor',
      type: 'date',
      label: labels('admin.subscribers.digestCursor'),
      admin: { ...readOnlyDate, position: 'sidebar', description: labels('admin.subscribers.digestCursor.description') },
    },
    // sha256 of the emailed confirmation token; the token itself is never stored.
    { name: 'confirmTokenHash', type: 'text', index: true, hidden: true },
    { name: 'confirmTokenExpires', type: 'date', hidden: true },
  ],
}
