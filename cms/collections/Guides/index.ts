import type { CollectionConfig } from 'payload'

import { internalNoteField, publishedAtField, summaryField, topicsField } from '../../fields/common'
import { slugField } from '../../fields/slug'
import { contentCollection } from '../shared'

export const Guides: CollectionConfig = contentCollection({
  slug: 'guides',
  admin: { useAsTitle: 'title', defaultColumns: ['title', '_status', 'updatedAt'], group: 'Content' },
  indexes: [{ fields: ['_status', 'publishedAt'] }],
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, maxLength: 200 },
    summaryField,
    {
      name: 'steps',
      type: 'array',
      required: true,
      minRows: 1,
      maxRows: 30,
      labels: { singular: 'Step', plural: 'Steps' },
      admin: { initCollapsed: false },
      fields: [
        { name: 'title', type: 'text', localized: true, required: true },
        { name: 'body', type: 'richText', localized: true, required: true },
      ],
    },
    {
      name: 'relatedServices',
      type: 'relationship',
      relationTo: 'services',
      hasMany: true,
    },
    slugField({ from: 'title' }),
    publishedAtField,
    topicsField,
    internalNoteField,
  ],
})
