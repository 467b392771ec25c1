import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../../../access/isAdmin'
import { getLocales, localeNames } from '../../../../model/locales'
import { isEmail, normalizeEmail } from '../../../../model/email'
import { eraseSubscriberMail } from '../../housekeeping'
import { exportSubscribersEndpoint } from './endpoints/exportCsv'
import { subscriberStatsEndpoint } from './endpoints/stats'
import { subscriberStatuses } from './options'


const readOnlyDate = { readOnly: true, date: { pickerAppearance: 'dayAndTime' as const } }

/**
 * Newsletter subscribers. Personal data: admins only (editors see counts through
 * `/api/subscribers/stats`). Nothing is sent before the address is confirmed; token
 * hashes never leave the server.
 */
export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  dbName: 'subscribers',
  admin: {
    group: 'Newsletter',
    useAsTitle: 'email',
    defaultColumns: ['email', 'status', 'frequency', 'locale', 'createdAt'],
    description:
      'People who asked for email updates. Deleting a subscriber erases the address and its delivery history (GDPR); addresses of people who left are erased automatically after the retention period.',
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  endpoints: [exportSubscribersEndpoint, subscriberStatsEndpoint],
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
      validate: (value: unknown) => (typeof value === 'string' && isEmail(value)) || 'Enter an email address like name@example.com.',
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
