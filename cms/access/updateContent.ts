import type { Access } from 'payload'

import { roleOf } from './roles'

/**
 * Staff edit content; only editors and admins publish. Payload asks this with
 * `data._status: 'published'` to decide whether to show Publish and Schedule in the admin,
 * and for every status a restored version would write, so authors get neither.
 */
export const updateContent: Access = ({ req: { user }, data }) => {
  const role = roleOf(user)
  if (role === null) return false
  if (role === 'author') return (data as { _status?: unknown } | undefined)?._status !== 'published'
  return true
}
