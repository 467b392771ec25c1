import type { CollectionBeforeOperationHook } from 'payload'
import { Forbidden } from 'payload'

import { roleOf } from '../access/roles'

/**
 * Authors write drafts; only editors and admins change what the public sees. An author
 * may not publish, may not unpublish and may not overwrite a published document
 * directly (saving a draft over it is fine: the published version stays live).
 */
export const guardAuthorPublishing: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  if (args.overrideAccess !== false && req.user == null) return args
  if (roleOf(req.user) !== 'author') return args

  const data = (args.data ?? {}) as { _status?: string }
  if (data._status === 'published') throw new Forbidden(req.t)
  if (operation === 'create' || args.draft) return args

  // A non-draft update writes the live document: refuse it when that document is live.
  const id = (args as { id?: number | string }).id
  if (id === undefined) throw new Forbidden(req.t)
  const current = await req.payload.findByID({
    collection: collection.slug,
    id,
    depth: 0,
    draft: false,
    overrideAccess: true,
    select: { _status: true },
    req,
  })
  if ((current as { _status?: string })._status === 'published') throw new Forbidden(req.t)
  return args
}
