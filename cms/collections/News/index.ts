import type { CollectionConfig } from 'payload'

import {
  departmentField,
  internalNoteField,
  publishedAtField,
  summaryField,
  topicsField,
} from '../../fields/common'
import { slugField } from '../../fields/slug'
import { contentCollection } from '../shared'

export const News: CollectionConfig = contentCollection({
  slug: 'news',
  graphQL: { singularName: 'NewsArticle', pluralName: 'News' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'publishedAt', '_status', 'urgent'],
    group: 'Content',
  },
  defaultSort: '-publishedAt',
  indexes: [{ fields: ['_status', 'publishedAt'] }],
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, maxLength: 200 },
    summaryField,
    { name: 'body', type: 'richText', localized: true, required: true },
    {
      name: 'heroImage',
      type: 'upload',
      relationTo: 'media',
      admin: { description: 'The image’s alt text comes from the media library.' },
    },
    {
      name: 'related',
      type: 'relationship',
      relationTo: ['news', 'guides', 'leaflets', 'services', 'consultations', 'pages'],
      hasMany: true,
      maxRows: 6,
    },
    slugField({ from: 'title' }),
    publishedAtField,
    topicsField,
    { ...departmentField, admin: { position: 'sidebar' } },
    {
      name: 'urgent',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: {
        position: 'sidebar',
        description: 'Urgent news is shown on the home page and sent at once to alert subscribers.',
      },
    },
    internalNoteField,
  ],
})
