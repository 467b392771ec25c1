import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../../../access/isAdmin'

const outboxStatuses = ['queued', 'sending', 'sent', 'retrying', 'failed', 'skipped'] as const

/**
 * Every email, before it is sent. The unique key (subscriber × change, subscriber ×
 * digest run) makes queueing twice a no-op; a send claims its row, sends, and marks it
 * sent (cms/plugins/newsletter/dispatch.ts). Rows hold ids, not message bodies.
 */
export const EmailOutbox: CollectionConfig = {
  slug: 'email-outbox',
  dbName: 'email_outbox',
  admin: {
    group: 'Newsletter',
    useAsTitle: 'key',
    defaultColumns: ['key', 'kind', 'status', 'attempts', 'sentAt'],
  },
  defaultSort: '-createdAt',
  access: { read: isAdmin, create: () => false, update: () => false, delete: isAdmin },
  indexes: [{ fields: ['status', 'nextAttemptAt'] }, { fields: ['run', 'status'] }],
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: ['confirm', 'immediate', 'digest', 'test', 'receipt'].map((v) => ({ value: v, label: v })),
    },
    { name: 'subscriber', type: 'relationship', relationTo: 'subscribers', index: true },
    { name: 'run', type: 'relationship', relationTo: 'newsletter-runs' },
    { name: 'items', type: 'json', admin: { description: 'Content change ids, or the message data of a confirmation or test.' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      options: outboxStatuses.map((v) => ({ value: v, label: v })),
    },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'nextAttemptAt', type: 'date' },
    { name: 'claimedAt', type: 'date' },
    { name: 'claimedBy', type: 'text' },
    { name: 'sentAt', type: 'date' },
    { name: 'messageId', type: 'text' },
    { name: 'lastError', type: 'text' },
  ],
}
