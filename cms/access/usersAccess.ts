import type { Access } from 'payload'

import { hasRole, roleOf } from './roles'

/** Admins see every account; other staff only their own; the public nothing. */
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin')) return true
  if (roleOf(user) !== null && user) return { id: { equals: user.id } }
  return false
}
