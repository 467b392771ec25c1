import type { Access, Where } from 'payload'

import { roleOf } from './roles'

/**
 * Editors and admins delete anything. Authors delete only drafts they created that were
 * never published: a deleted document takes all its versions with it, so nothing an
 * editor published, or another author wrote, can be lost through an author.
 */
export const deleteContent: Access = ({ req: { user } }) => {
  const role = roleOf(user)
  if (role === 'admin' || role === 'editor') return true
  if (role === 'author' && user) {
    const own: Where[] = [
      { createdBy: { equals: user.id } },
      { _status: { not_equals: 'published' } },
      { firstPublishedAt: { exists: false } },
    ]
    return { and: own }
  }
  return false
}
