import type { CollectionConfig, DateField, RelationshipField, TextareaField, TextField } from 'payload'

import { staffField } from '../access/staffField'

/** Set once, when a document is first published; editors may backdate it. */
export const publishedAtField: DateField = {
  name: 'publishedAt',
  type: 'date',
  index: true,
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayAndTime' },
    description: 'Filled in automatically when first published.',
  },
  hooks: {
    beforeChange: [
      ({ siblingData, value }) => {
        if (!value && siblingData._status === 'published') return new Date().toISOString()
        return value
      },
    ],
  },
}

export const summaryField: TextareaField = {
  name: 'summary',
  type: 'textarea',
  localized: true,
  required: true,
  maxLength: 400,
  admin: { description: 'One or two plain sentences shown in lists, search results and emails.' },
}

export const topicsField: RelationshipField = {
  name: 'topics',
  type: 'relationship',
  relationTo: 'topics',
  hasMany: true,
  admin: { position: 'sidebar' },
}

/** Notes between staff: never returned to anonymous readers. */
export const internalNoteField: TextareaField = {
  name: 'internalNote',
  type: 'textarea',
  access: { read: staffField, create: staffField, update: staffField },
  admin: { position: 'sidebar', description: 'Visible to staff only.' },
}

export const departmentField: TextField = {
  name: 'department',
  type: 'text',
  localized: true,
}

/** Drafts with autosave and scheduled publishing, shared by every public collection. */
export const publicVersions: CollectionConfig['versions'] = {
  drafts: {
    autosave: { interval: 2000 },
    // The schedule drawer's time list on a 24-hour clock (its default is 12-hour).
    schedulePublish: { timeFormat: 'HH:mm' },
  },
  maxPerDoc: 50,
}
