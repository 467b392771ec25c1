import type { FieldAccess } from 'payload'

import { roleOf } from './roles'

/** Internal fields: visible to staff only, never in anonymous API responses. */
export const staffField: FieldAccess = ({ req: { user } }) => roleOf(user) !== null
