import type { CollectionConfig } from 'payload'

import { internalNoteField, publishedAtField, summaryField, topicsField } from '../../fields/common'
import { slugField } from '../../fields/slug'
import { contentCollection } from '../shared'

const audiences = ['residents', 'seniors', 'families', 'youth', 'businesses', 'visitors'] as const

export const Leaflets: CollectionConfig = contentCollection({
  slug: 'leaflets',
  admin: { useAsTitle: 'title', defaultColumns: ['title', '_status', 'updatedAt'], group: 'Content' },
  indexes: [{ fields: ['_status', 'publishedAt'] }],
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, maxLength: 200 },
    summaryField,
    {
      name: 'body',
      type: 'richText',
      localized: true,
      required: true,
      admin: { description: 'The complete leaflet as a web page: this is the primary, accessible version.' },
    },
    {
      name: 'pdf',
      type: 'upload',
      relationTo: 'documents',
      localized: true,
      admin: {
        description: 'Printable PDF in this language. Its size, page count and language are shown next to the link.',
      },
    },
    {
      name: 'audience',
      type: 'select',
      hasMany: true,
      options: audiences.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })),
      admin: { position: 'sidebar' },
    },
    slugField({ from: 'title' }),
    publishedAtField,
    topicsField,
    internalNoteField,
  ],
})
