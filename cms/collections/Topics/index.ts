import type { CollectionConfig } from 'payload'

import { slugField } from '../../fields/slug'
import { contentCollection } from '../shared'

export const Topics: CollectionConfig = contentCollection({
  slug: 'topics',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', '_status'], group: 'Structure' },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, maxLength: 120 },
    { name: 'description', type: 'textarea', localized: true, maxLength: 500 },
    slugField({ from: 'name' }),
  ],
})
