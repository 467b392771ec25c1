import type { Access } from 'payload'

import { roleOf } from './roles'

/** Any signed-in staff member (admin, editor or author). */
export const staff: Access = ({ req: { user } }) => roleOf(user) !== null
