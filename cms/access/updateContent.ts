import type { Access } from 'payload'

import { roleOf } from './roles'

/**
 * Staff edit content; only editors and admins publish. Payload asks this with
 * `data._status: 'published'` to decide whether to show Publish and Schedule in the admin,
 * and for every status a restored version would write, so authors get neither.
 *
 * Asked with neither a document nor data, Payload wants the collection-wide answer
 * (`/api/users/access`), which the admin's list uses to offer bulk Edit, Publish and
 * Unpublish. Authors change one draft at a time, so the list offers them none of those
 * (they answered "You are not allowed to perform this action."); every real update, bulk
 * ones included, brings its data and is judged above.
 */
export const updateContent: Access = ({ req: { user }, data }) => {
  const role = roleOf(user)
  if (role === null) return false
  if (role === 'author') return data !== undefined && (data as { _status?: unknown })._status !== 'published'
  return true
}
