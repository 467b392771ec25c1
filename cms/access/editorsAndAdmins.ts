import type { Access } from 'payload'

import { hasRole } from './roles'

/** Editors and admins: publishing, unpublishing and deleting published content. */
export const editorsAndAdmins: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
