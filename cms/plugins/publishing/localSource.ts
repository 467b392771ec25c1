import path from 'node:path'

import type { Payload } from 'payload'

import { responseFacts } from '../consultations/facts'
import type { ContentSource, OpenSource, RawDoc, SourceCollection } from '../../model/source'
import { settings } from '../../model/env'

/**
 * Reads the local database through Payload's Local API *with the public's access
 * rules* (`overrideAccess: false`, no user), so only published documents can come out.
 * The Payload instance is the caller's (the job runner, `npm start`, a test): it is
 * never opened or closed here.
 */
export async function localSource(payload: Payload): Promise<ContentSource> {
  const mediaDir = settings().MEDIA_DIR
  const loc = payload.config.localization
  const locales = loc ? loc.localeCodes : ['lt']
  const defaultLocale = loc ? loc.defaultLocale : 'lt'

  return {
    name: 'local database',
    locales: () => ({ locales, defaultLocale }),
    async published(collection: SourceCollection, locale: string, fallback: boolean) {
      const result = await payload.find({
        collection,
        locale: locale as never,
        fallbackLocale: (fallback ? defaultLocale : false) as never,
        where: { _status: { equals: 'published' } },
        draft: false,
        depth: 0,
        pagination: false,
        overrideAccess: false,
        user: null,
      })
      return result.docs as unknown as RawDoc[]
    },
    async uploads(collection, locale) {
      const result = await payload.find({
        collection,
        locale: locale as never,
        depth: 0,
        pagination: false,
        overrideAccess: false,
        user: null,
      })
      return result.docs as unknown as RawDoc[]
    },
    async settings(locale) {
      return (await payload.findGlobal({
        slug: 'settings',
        locale: locale as never,
        depth: 0,
        draft: false,
        overrideAccess: false,
        user: null,
      })) as unknown as Record<string, unknown>
    },
    responseFacts: () => responseFacts(payload),
    async redirects() {
      const result = await payload.find({ collection: 'redirects', depth: 0, pagination: false, sort: 'from', overrideAccess: false, user: null })
      return result.docs as unknown as RawDoc[]
    },
    async filePath(collection, filename) {
      return path.join(mediaDir, collection === 'media' ? 'images' : 'documents', filename)
    },
    close: async () => {},
  }
}

/**
 * The publisher's way to the local database: with `reuse`, documents read by an earlier
 * read through the same Payload instance are kept and only those added or changed since
 * are read again (`incrementalSource`); the snapshot is built from them exactly as from
 * a full read.
 */
export function payloadSource(payload: Payload): OpenSource {
  return async ({ reuse }) => incrementalSource(await localSource(payload), payload, reuse)
}

type Kept = { updatedAt: unknown; doc: RawDoc }
const kept = new WeakMap<Payload, Map<string, Map<string, Kept>>>()

// Always read in full: a consultation's status follows the clock (an afterRead hook,
// with no update of the document), and alerts are few.
const readInFull = new Set<string>(['consultations', 'alerts'])

/**
 * A content source that asks the database for every published document's id and
 * `updatedAt` (cheap), and reads in full only the documents it has not seen at that
 * version. Deleted and unpublished documents are simply missing from the id list.
 * Documents come out in the order of that list, the collection's default order, on
 * every read, full or not. Nothing is kept between exports unless `reuse` is set.
 */
export function incrementalSource(source: ContentSource, payload: Payload, reuse: boolean): ContentSource {
  let store = kept.get(payload)
  if (!store || !reuse) kept.set(payload, (store = new Map()))
  const lists = new Map<string, Promise<RawDoc[]>>()
  const access = { depth: 0, overrideAccess: false, user: null } as const

  /** `query`: the locale options the full read uses, so documents read again match it. */
  async function read(
    collection: string,
    query: Record<string, unknown>,
    where: Record<string, unknown> | undefined,
    key: string,
    full: () => Promise<RawDoc[]>,
  ) {
    // Ids and update times do not depend on the locale: one query per collection.
    let list = lists.get(collection)
    if (!list) {
      list = payload
        .find({ collection: collection as never, where: where as never, draft: false, pagination: false, select: { updatedAt: true } as never, ...access })
        .then((r) => r.docs as unknown as RawDoc[])
      lists.set(collection, list)
    }
    const ids = await list
    const known = store!.get(key)
    const stale = new Set(ids.filter((v) => known?.get(String(v.id))?.updatedAt !== v.updatedAt).map((v) => String(v.id)))
    let fresh: RawDoc[]
    if (!known || stale.size > ids.length / 2) fresh = await full()
    else if (stale.size === 0) fresh = []
    else {
      const byId = { id: { in: [...stale] } }
      const result = await payload.find({
        collection: collection as never,
        ...query,
        where: (where ? { and: [where, byId] } : byId) as never,
        pagination: false,
        ...access,
      })
      fresh = result.docs as unknown as RawDoc[]
    }
    const next = new Map<string, Kept>()
    const freshById = new Map(fresh.map((d) => [String(d.id), d]))
    const docs: RawDoc[] = []
    for (const v of ids) {
      const id = String(v.id)
      const doc = freshById.get(id)
      // A document read again is kept at the version read (it may be newer than the list's).
      const entry = doc ? { updatedAt: doc.updatedAt, doc } : known?.get(id)
      // Missing: unpublished or deleted between the two queries.
      if (!entry || (!doc && stale.has(id))) continue
      next.set(id, entry)
      docs.push(entry.doc)
    }
    store!.set(key, next)
    return docs
  }

  return {
    ...source,
    published(collection: SourceCollection, locale: string, fallback: boolean) {
      if (readInFull.has(collection)) return source.published(collection, locale, fallback)
      // As the local source reads them (source/local.ts).
      const query = { locale, fallbackLocale: fallback ? source.locales().defaultLocale : false, draft: false }
      const published = { _status: { equals: 'published' } }
      return read(collection, query, published, `${collection}|${locale}|${fallback}`, () => source.published(collection, locale, fallback))
    },
    uploads(collection, locale) {
      return read(collection, { locale }, undefined, `${collection}|${locale}`, () => source.uploads(collection, locale))
    },
  }
}

