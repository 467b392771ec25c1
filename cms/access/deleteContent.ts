import type { Access } from 'payload'

import { roleOf } from './roles'

/** Editors and admins delete anything; authors only documents that are not published. */
export const deleteContent: Access = ({ req: { user } }) => {
  const role = roleOf(user)
  if (role === 'admin' || role === 'editor') return true
  if (role === 'author') return { _status: { not_equals: 'published' } }
  return false
}
