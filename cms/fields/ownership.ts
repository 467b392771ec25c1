import type { DateField, FieldAccess, RelationshipField } from 'payload'

import { staffField } from '../access/staffField'

/** Written by the system only: no API input (REST, GraphQL, admin) can set or change it. */
export const systemOnly: { create: FieldAccess; update: FieldAccess; read: FieldAccess } = {
  create: () => false,
  update: () => false,
  read: staffField,
}

/**
 * Who created the document: set on create (a duplicate belongs to whoever duplicated
 * it) and never changed. Authors may delete only their own never-published drafts.
 * Field access strips any value sent through the API before this hook sets it.
 */
export const createdByField: RelationshipField = {
  name: 'createdBy',
  type: 'relationship',
  relationTo: 'users',
  index: true,
  access: systemOnly,
  admin: { readOnly: true, position: 'sidebar', description: 'Set when the document is created.' },
  hooks: {
    beforeChange: [
      ({ operation, req, value, originalDoc }) => {
        if (operation === 'create') return req.user?.collection === 'users' ? req.user.id : (value ?? null)
        const kept = originalDoc?.createdBy ?? value
        return kept && typeof kept === 'object' ? (kept as { id: unknown }).id : kept
      },
    ],
  },
}

/**
 * When the document first went live; kept when it is unpublished. A document that was
 * ever published is no longer an author's private draft (links and emails may point to it).
 */
export const firstPublishedAtField: DateField = {
  name: 'firstPublishedAt',
  type: 'date',
  access: systemOnly,
  admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
  hooks: {
    beforeChange: [
      ({ siblingData, originalDoc, value }) => {
        const earlier = (originalDoc as { firstPublishedAt?: string } | undefined)?.firstPublishedAt
        if (earlier) return earlier
        if (siblingData._status === 'published') return new Date().toISOString()
        return value ?? null
      },
    ],
  },
}
