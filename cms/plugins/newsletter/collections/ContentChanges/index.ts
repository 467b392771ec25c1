import type { CollectionConfig } from 'payload'

import { editorsAndAdmins } from '../../../../access/editorsAndAdmins'
import { isAdmin } from '../../../../access/isAdmin'

/**
 * One row per thing subscribers are told about: a document's first publication or an
 * editor's "notify subscribers" on a major update. Entries hold each locale's title,
 * summary and URL as published, so emails never read drafts.
 */
export const ContentChanges: CollectionConfig = {
  slug: 'content-changes',
  dbName: 'content_changes',
  admin: {
    group: 'Newsletter',
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'urgent', 'publishedAt'],
    description: 'What subscribers are told about. Recorded when a document is first published.',
  },
  defaultSort: '-publishedAt',
  access: { read: editorsAndAdmins, create: () => false, update: () => false, delete: isAdmin },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, admin: { readOnly: true } },
    { name: 'title', type: 'text', admin: { readOnly: true } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { value: 'published', label: 'First published' },
        { value: 'updated', label: 'Major update' },
        { value: 'opened', label: 'Consultation opened' },
        { value: 'outcome', label: 'Consultation outcome published' },
      ],
      admin: { readOnly: true },
    },
    { name: 'docCollection', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'docId', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'urgent', type: 'checkbox', defaultValue: false, admin: { readOnly: true } },
    { name: 'topicIds', type: 'json', admin: { readOnly: true } },
    { name: 'entries', type: 'json', admin: { readOnly: true, description: 'Per locale: title, summary, url.' } },
    { name: 'publishedAt', type: 'date', required: true, index: true, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'withdrawnAt',
      type: 'date',
      admin: {
        readOnly: true,
        date: { pickerAppearance: 'dayAndTime' },
        description: 'The document was unpublished or deleted: no email mentions it from then on (unless it is published again).',
      },
    },
  ],
}
