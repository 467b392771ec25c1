import type { CollectionConfig } from 'payload'

import { editorsAndAdmins } from '../../../../access/editorsAndAdmins'
import { isAdmin } from '../../../../access/isAdmin'
import { previewDigestEndpoint, sendTestEndpoint } from './endpoints/preview'

const runKinds = ['immediate', 'daily', 'weekly', 'test'] as const

const count = (name: string, label: string) => ({ name, label, type: 'number' as const, defaultValue: 0, admin: { readOnly: true } })

/**
 * One row per sending: an item sent immediately, a daily or weekly digest, a test.
 * The counts are refreshed by the dispatcher while it sends.
 */
export const NewsletterRuns: CollectionConfig = {
  slug: 'newsletter-runs',
  dbName: 'newsletter_runs',
  admin: {
    group: 'Newsletter',
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'sent', 'pending', 'retrying', 'failed', 'skipped', 'suspended', 'createdAt'],
    description:
      'Every sending: sent, waiting, retrying after a temporary error, failed (refused by the receiving server), skipped (the address left or was suspended before its turn), and addresses suspended after repeated refusals.',
    components: { beforeList: ['/plugins/newsletter/admin/NewsletterPanel#NewsletterPanel'] },
  },
  defaultSort: '-createdAt',
  endpoints: [previewDigestEndpoint, sendTestEndpoint],
  access: { read: editorsAndAdmins, create: () => false, update: () => false, delete: isAdmin },
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true } },
    { name: 'key', type: 'text', required: true, unique: true, admin: { readOnly: true } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: runKinds.map((k) => ({ value: k, label: k[0]!.toUpperCase() + k.slice(1) })),
      admin: { readOnly: true },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'preparing',
      options: [
        { value: 'preparing', label: 'Preparing' },
        { value: 'sending', label: 'Sending' },
        { value: 'done', label: 'Done' },
      ],
      admin: { readOnly: true },
    },
    { name: 'change', type: 'relationship', relationTo: 'content-changes', admin: { readOnly: true } },
    { name: 'cutoff', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    count('total', 'Emails'),
    count('sent', 'Sent'),
    count('pending', 'Waiting'),
    count('retrying', 'Retrying'),
    count('failed', 'Failed'),
    count('skipped', 'Skipped (suspended, unsubscribed or erased)'),
    count('suspended', 'Addresses suspended'),
    { name: 'finishedAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
