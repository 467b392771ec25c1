import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
  RequestContext,
} from 'payload'

import { isSeeding } from '../../../hooks/context'
import { isDraftSave } from '../../../hooks/draftSave'
import { wasLive } from '../../../hooks/wasLive'
import { requestSiteUpdate } from '../siteUpdates'
import { keepingLocale, livePaths, type LivePaths } from './livePaths'

/**
 * Addresses never break: when a live document's address changes, or it stops being
 * live, its old address is kept in `redirects` (301 to where it is now, or to the
 * document the editor named as its replacement, else 410 "withdrawn"). The addresses
 * before a save are read in beforeChange (inside the save's transaction), those after
 * it in afterChange. Draft saves change no address and are skipped.
 */

const BEFORE = 'atviraLivePaths'
/** Rows written here are part of the content save's own site update. */
const ADDRESS_WRITE = 'atviraAddressWrite'

type Ref = { relationTo: string; value: number | string }
type Retirement = { unpublishAs?: string | null; replacedBy?: Ref | { relationTo: string; value: { id: number | string } } | null }

const key = (collection: string, id: unknown) => `${collection}:${String(id)}`

function noteBefore(context: RequestContext, collection: string, id: unknown, paths: LivePaths): void {
  ;((context[BEFORE] ??= {}) as Record<string, LivePaths>)[key(collection, id)] = paths
}

function takeBefore(context: RequestContext, collection: string, id: unknown): LivePaths {
  const noted = context[BEFORE] as Record<string, LivePaths> | undefined
  const paths = noted?.[key(collection, id)] ?? {}
  if (noted) delete noted[key(collection, id)]
  return paths
}

function refOf(value: Retirement['replacedBy']): Ref | null {
  if (!value || typeof value !== 'object') return null
  const id = typeof value.value === 'object' && value.value !== null ? value.value.id : value.value
  return id === undefined || id === null ? null : { relationTo: value.relationTo, value: id }
}

// Written from the registry's collections, so typed by the rows' shape, not one collection's.
type RedirectData = { kind: 'moved' | 'withdrawn'; target: Ref | null; doc: Ref | null; locale: string; section: string }

async function keepAddress(req: PayloadRequest, from: string, data: RedirectData): Promise<void> {
  const context = { [ADDRESS_WRITE]: true }
  const existing = await req.payload.find({ collection: 'redirects', where: { from: { equals: from } }, limit: 1, depth: 0, overrideAccess: true, req })
  const row = existing.docs[0]
  if (row) await req.payload.update({ collection: 'redirects', id: row.id, data: data as never, depth: 0, overrideAccess: true, req, context })
  else await req.payload.create({ collection: 'redirects', data: { from, ...data } as never, depth: 0, overrideAccess: true, req, context })
}

/**
 * What the change did to each locale's address. `self` is null for a deleted document
 * (its id may be given to the next one: the row keeps only its section).
 */
async function recordAddresses(req: PayloadRequest, collection: string, self: Ref | null, before: LivePaths, after: LivePaths, retirement: Retirement): Promise<void> {
  const replacement = retirement.unpublishAs === 'replaced' ? refOf(retirement.replacedBy) : null
  const context = { [ADDRESS_WRITE]: true }
  for (const locale of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[locale]
    const now = after[locale]
    // A live page wins over an old address that named the same path.
    if (now) await req.payload.delete({ collection: 'redirects', where: { from: { equals: now } }, overrideAccess: true, req, context })
    if (!old || old === now) continue
    const owner = { doc: self, locale, section: collection } as const
    if (now) await keepAddress(req, old, { kind: 'moved', target: self, ...owner })
    else if (replacement) await keepAddress(req, old, { kind: 'moved', target: replacement, ...owner })
    else await keepAddress(req, old, { kind: 'withdrawn', target: null, ...owner })
  }
  // The document's earlier addresses follow it to its replacement.
  if (self && replacement && Object.keys(after).length === 0) {
    await req.payload.update({
      collection: 'redirects',
      where: { and: [{ 'doc.relationTo': { equals: self.relationTo } }, { 'doc.value': { equals: self.value } }] },
      data: { kind: 'moved', target: replacement } as never,
      overrideAccess: true,
      req,
      context,
    })
  }
}

export const noteAddressesBeforeChange: CollectionBeforeChangeHook = async ({ collection, context, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || isSeeding(context) || isDraftSave(context) || originalDoc?.id === undefined) return data
  if (!wasLive(context, collection.slug, originalDoc as { id: unknown }, originalDoc)) return data
  noteBefore(context, collection.slug, originalDoc.id, await livePaths(req, collection.slug, originalDoc.id as number | string))
  return data
}

export const recordAddressesAfterChange: CollectionAfterChangeHook = async ({ collection, context, doc, req }) => {
  if (isSeeding(context) || isDraftSave(context)) return doc
  const before = takeBefore(context, collection.slug, doc.id)
  if (doc._status !== 'published' && Object.keys(before).length === 0) return doc
  const after = doc._status === 'published' ? await livePaths(req, collection.slug, doc.id) : {}
  await keepingLocale(req, () => recordAddresses(req, collection.slug, { relationTo: collection.slug, value: doc.id }, before, after, doc as Retirement))
  return doc
}

export const noteAddressesBeforeDelete: CollectionBeforeDeleteHook = async ({ collection, context, id, req }) => {
  if (isSeeding(context)) return
  noteBefore(context, collection.slug, id, await livePaths(req, collection.slug, id))
}

export const recordAddressesAfterDelete: CollectionAfterDeleteHook = async ({ collection, context, doc, id, req }) => {
  if (isSeeding(context)) return doc
  const before = takeBefore(context, collection.slug, id)
  if (Object.keys(before).length === 0) return doc
  await keepingLocale(req, () => recordAddresses(req, collection.slug, null, before, {}, doc as Retirement))
  return doc
}

/** An old address staff added, changed or removed goes live with the next build. */
export const redirectSiteUpdate: CollectionAfterChangeHook & CollectionAfterDeleteHook = async ({ context, doc, req }) => {
  if (isSeeding(context) || context[ADDRESS_WRITE]) return doc
  await requestSiteUpdate(req.payload, { collection: 'redirects', id: doc.id, title: String(doc.from ?? ''), operation: 'update', at: new Date().toISOString() }, req)
  return doc
}
