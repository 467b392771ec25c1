import type { CollectionBeforeOperationHook } from 'payload'

import { roleOf } from '../access/roles'

/**
 * `?draft=true` means "the latest version" to staff. For the public it is ignored, so
 * anonymous readers always get the live version (the read rule still filters drafts).
 */
export const publicReadsPublished: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || roleOf(req.user) !== null) return args
  // Trusted server code (Local API with access overridden) may read drafts.
  if ((args as { overrideAccess?: boolean }).overrideAccess === true) return args
  if ((args as { draft?: boolean }).draft) return { ...args, draft: false }
  return args
}
