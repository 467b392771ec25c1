import type { Access } from 'payload'

import { roleOf } from './roles'

/**
 * Staff read everything; the public reads published documents only. The `draft` flag
 * alone does not hide drafts, so the constraint must be returned here.
 */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (roleOf(user) !== null) return true
  return { _status: { equals: 'published' } }
}
