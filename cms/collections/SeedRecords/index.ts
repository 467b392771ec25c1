import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'

/**
 * What the seed loader wrote: one row per content file with the hash it was loaded
 * from, so a second run can tell that nothing changed.
 */
export const SeedRecords: CollectionConfig = {
  slug: 'seed-records',
  admin: { hidden: true },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'collectionSlug', type: 'text', required: true },
    { name: 'docId', type: 'text', required: true },
    { name: 'hash', type: 'text', required: true },
  ],
}
