import type { CollectionConfig } from 'payload'

import { internalNoteField, publishedAtField } from '../../fields/common'
import { slugField } from '../../fields/slug'
import { contentCollection } from '../shared'

/** The citizen's handbook: questions and answers grouped by topic. */
export const Handbook: CollectionConfig = contentCollection({
  slug: 'handbook',
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'topic', 'order', '_status'],
    group: 'Content',
  },
  defaultSort: 'order',
  fields: [
    { name: 'question', type: 'text', localized: true, required: true, maxLength: 300 },
    { name: 'answer', type: 'richText', localized: true, required: true },
    {
      name: 'topic',
      type: 'relationship',
      relationTo: 'topics',
      required: true,
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'order',
      type: 'number',
      defaultValue: 0,
      index: true,
      admin: { position: 'sidebar', description: 'Smaller numbers come first within the topic.' },
    },
    slugField({ from: 'question' }),
    publishedAtField,
    internalNoteField,
  ],
})
