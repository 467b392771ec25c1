import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeOperationHook,
  GlobalAfterChangeHook,
  GlobalBeforeOperationHook,
} from 'payload'

import { requestSiteUpdate } from '../siteUpdates'
import { isSeeding } from '../../../hooks/context'

const DRAFT_SAVE = 'atviraDraftSave'

/**
 * Saving a draft (autosave included) only writes a version: it must not rebuild the
 * site. The operation knows; the afterChange hook does not, so it is noted here.
 */
export const noteDraftSave: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create' || operation === 'update') {
    const a = args as { draft?: boolean; data?: { _status?: string } }
    req.context[DRAFT_SAVE] = Boolean(a.draft) && a.data?._status !== 'published'
  }
  // Restoring as a draft writes only a newer version too.
  if (operation === 'restoreVersion') req.context[DRAFT_SAVE] = Boolean((args as { draft?: boolean }).draft)
  return args
}

/** True during a draft save (autosave included): the live document did not change. */
export const isDraftSave = (context: Record<string, unknown>): boolean => Boolean(context[DRAFT_SAVE])

function titleOf(doc: Record<string, unknown>): string | undefined {
  const t = doc.title ?? doc.name ?? doc.question ?? doc.message
  return typeof t === 'string' ? t.slice(0, 120) : undefined
}

/** Publishing, unpublishing or changing live content updates the site. */
export const siteUpdateAfterChange: CollectionAfterChangeHook = async ({ collection, context, doc, previousDoc, req }) => {
  if (isSeeding(context) || context[DRAFT_SAVE]) return doc
  const now = doc._status === 'published'
  const before = previousDoc?._status === 'published'
  if (!now && !before) return doc
  const operation = now && !before ? 'publish' : !now && before ? 'unpublish' : 'update'
  await requestSiteUpdate(
    req.payload,
    { collection: collection.slug, id: doc.id, title: titleOf(doc), operation, at: new Date().toISOString() },
    req,
  )
  return doc
}

export const siteUpdateAfterDelete: CollectionAfterDeleteHook = async ({ collection, context, doc, req }) => {
  if (isSeeding(context) || doc?._status !== 'published') return doc
  await requestSiteUpdate(
    req.payload,
    { collection: collection.slug, id: doc.id, title: titleOf(doc), operation: 'delete', at: new Date().toISOString() },
    req,
  )
  return doc
}

const GLOBAL_DRAFT_SAVE = 'atviraGlobalDraftSave'

/** As `noteDraftSave`, for globals (the settings). */
export const noteGlobalDraftSave: GlobalBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'update') {
    const a = args as { draft?: boolean; data?: { _status?: string } }
    req.context[GLOBAL_DRAFT_SAVE] = Boolean(a.draft) && a.data?._status !== 'published'
  }
  return args
}

export const isGlobalDraftSave = (context: Record<string, unknown>): boolean => Boolean(context[GLOBAL_DRAFT_SAVE])

/**
 * Every save of a global that is not a draft save writes the live version: publishing,
 * unpublishing and editing it live all update the site. (`previousDoc` is the newest
 * version, possibly a draft, so it cannot tell whether the global was live before.)
 */
export const siteUpdateAfterGlobalChange: GlobalAfterChangeHook = async ({ context, doc, global, req }) => {
  if (isSeeding(context) || context[GLOBAL_DRAFT_SAVE]) return doc
  const operation = doc?._status === 'published' ? 'update' : 'unpublish'
  await requestSiteUpdate(req.payload, { collection: global.slug, operation, at: new Date().toISOString() }, req)
  return doc
}
