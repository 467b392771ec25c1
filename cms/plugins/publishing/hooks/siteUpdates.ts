import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'

import { requestSiteUpdate } from '../siteUpdates'
import { isSeeding } from '../../../hooks/context'
import { isDraftSave, isGlobalDraftSave } from '../../../hooks/draftSave'
import { wasLive } from '../../../hooks/wasLive'

function titleOf(doc: Record<string, unknown>): string | undefined {
  const t = doc.title ?? doc.name ?? doc.question ?? doc.message
  return typeof t === 'string' ? t.slice(0, 120) : undefined
}

/** Publishing, unpublishing or changing live content updates the site. */
export const siteUpdateAfterChange: CollectionAfterChangeHook = async ({ collection, context, doc, previousDoc, req }) => {
  if (isSeeding(context) || isDraftSave(context)) return doc
  const now = doc._status === 'published'
  const before = wasLive(context, collection.slug, doc, previousDoc)
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

/**
 * Every save of a global that is not a draft save writes the live version: publishing,
 * unpublishing and editing it live all update the site. (`previousDoc` is the newest
 * version, possibly a draft, so it cannot tell whether the global was live before.)
 */
export const siteUpdateAfterGlobalChange: GlobalAfterChangeHook = async ({ context, doc, global, req }) => {
  if (isSeeding(context) || isGlobalDraftSave(context)) return doc
  const operation = doc?._status === 'published' ? 'update' : 'unpublish'
  await requestSiteUpdate(req.payload, { collection: global.slug, operation, at: new Date().toISOString() }, req)
  return doc
}
