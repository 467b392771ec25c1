import type { CollectionBeforeOperationHook } from 'payload'

import { authorMayNotPublish, authorMustRestoreAsDraft } from '../access/refusal'
import { roleOf } from '../access/roles'

/**
 * Authors write drafts; only editors and admins change what the public sees. An author
 * may not publish, unpublish or overwrite a published document directly (saving a draft
 * over it is fine: the published version stays live). What an author creates or
 * duplicates is always a draft, whatever the request asks; a restore, see below.
 */
type Args = Parameters<CollectionBeforeOperationHook>[0]['args']

async function isLive(req: Parameters<CollectionBeforeOperationHook>[0]['req'], collection: string, id: number | string) {
  const current = await req.payload.findByID({
    collection: collection as 'news',
    id,
    depth: 0,
    draft: false,
    overrideAccess: true,
    disableErrors: true,
    select: { _status: true },
    req,
  })
  return (current as { _status?: string } | null)?._status === 'published'
}

/**
 * An author restores as a draft (a newer version; the live document is left as it is).
 * Restoring straight over the document is allowed only where nothing is live and the
 * version is a draft: anything else would publish, unpublish or revert live content.
 */
async function guardRestore(args: Args, collection: string, req: Parameters<CollectionBeforeOperationHook>[0]['req']) {
  if ((args as { draft?: boolean }).draft) return args
  const versionId = (args as { id?: number | string }).id
  if (versionId === undefined) return args
  const version = await req.payload.findVersionByID({
    collection: collection as 'news',
    id: versionId as string,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!version) return args
  const restoresLive = (version.version as { _status?: string })._status === 'published'
  if (restoresLive || (await isLive(req, collection, version.parent as number | string))) throw authorMustRestoreAsDraft()
  return args
}

export const guardAuthorPublishing: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'restoreVersion') return args
  if (args.overrideAccess !== false && req.user == null) return args
  if (roleOf(req.user) !== 'author') return args

  if (operation === 'restoreVersion') return guardRestore(args, collection.slug, req)

  const data = (args.data ?? {}) as { _status?: string }
  if (data._status === 'published') throw authorMayNotPublish()
  // A duplicate copies the original's status: it must start as a draft.
  if (operation === 'create') return { ...args, draft: true, data: { ...data, _status: 'draft' } }
  if (args.draft) return args

  // A non-draft update writes the live document: refuse it when that document is live
  // (and refuse bulk non-draft updates outright: they could reach live documents).
  const id = (args as { id?: number | string }).id
  if (id === undefined) throw authorMayNotPublish()
  if (await isLive(req, collection.slug, id)) throw authorMayNotPublish()
  return args
}
