import type { CollectionConfig } from 'payload'

import { internalNoteField, publishedAtField } from '../../fields/common'
import { slugField } from '../../fields/slug'
import { contentCollection } from '../shared'

/** About, privacy, accessibility statement, contacts…; nested through `parent`. */
export const Pages: CollectionConfig = contentCollection({
  slug: 'pages',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', '_status'], group: 'Content' },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, maxLength: 200 },
    { name: 'summary', type: 'textarea', localized: true, maxLength: 400 },
    { name: 'body', type: 'richText', localized: true, required: true },
    slugField({ from: 'title' }),
    publishedAtField,
    internalNoteField,
  ],
})
