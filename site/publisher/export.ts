import type { Payload } from 'payload'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { getTimeZone } from '../../cms/model/locales'
import { settings } from '../../cms/model/env'
import { documentHash, hashDocument } from '../../cms/model/docHash'
import { buildSnapshot } from './snapshot'
import { openContentSource } from './source'
import type { ContentSource, RawDoc, SourceCollection } from '../../cms/model/source'
import type { Snapshot } from '../../cms/model/snapshot'

/**
 * Reads the CMS once and writes the snapshot the Astro build renders from.
 *
 * With `reuse` and a Payload instance (the job runner's), documents read by an earlier
 * export are kept and only those added or changed since are read again (see
 * `incrementalSource`); the snapshot is built from them exactly as from a full read.
 */
export async function exportSnapshot(
  outFile: string,
  env?: NodeJS.ProcessEnv,
  payload?: Payload,
  options: { reuse?: boolean } = {},
): Promise<Snapshot> {
  const opened = await openContentSource(env, payload)
  const local = payload && !settings(env).CMS_URL
  const source = local ? incrementalSource(opened, payload, options.reuse === true) : opened
  try {
    const snapshot = await buildSnapshot(source, {
      siteUrl: settings(env).SITE_URL,
      timeZone: getTimeZone(),
    })
    writeSnapshot(outFile, snapshot)
    return snapshot
  } finally {
    await opened.close()
  }
}

/**
 * Writes the snapshot, each document serialised once for both the file and its hash
 * (the plan of the next update and the build stamp need them): ~100 MB at 10,000
 * documents, so a second serialisation is worth avoiding.
 */
export function writeSnapshot(outFile: string, snapshot: Snapshot): void {
  const { content, ...rest } = snapshot
  const locales = Object.entries(content).map(([locale, { docs, ...other }]) => {
    const shell = JSON.stringify({ ...other, docs: 0 })
    return `${JSON.stringify(locale)}:${shell.slice(0, -2)}[${docs.map((d) => hashDocument(d)).join(',')}]}`
  })
  const shell = JSON.stringify({ ...rest, content: 0 })
  fs.mkdirSync(path.dirname(outFile), { recursive: true })
  const tmp = `${outFile}.tmp`
  fs.writeFileSync(tmp, `${shell.slice(0, -2)}{${locales.join(',')}}}`)
  fs.renameSync(tmp, outFile)
}

/** Hash of everything in the snapshot but the export time. */
export function snapshotContentHash(snapshot: Snapshot): string {
  const { generatedAt: _ignored, content, ...rest } = snapshot
  const hash = crypto.createHash('sha256').update(JSON.stringify(rest))
  for (const [locale, { docs, ...other }] of Object.entries(content)) {
    hash.update(`\0${locale}\0${JSON.stringify(other)}`)
    for (const d of docs) hash.update(documentHash(d))
  }
  return hash.digest('hex')
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
