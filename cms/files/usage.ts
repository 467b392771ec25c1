import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  Payload,
  PayloadRequest,
} from 'payload'

import { isDraftSave, isGlobalDraftSave } from '../hooks/draftSave'
import { fileCollections, fileRefs, type FileCollection, type FileRefs } from './refs'

/**
 * Which live documents use each image and document, kept on the file itself
 * (`usedBy: ['news:12', 'settings']`, `inLiveContent`). Anonymous readers may read,
 * list and download only files with `inLiveContent`; authors may not change them.
 * Written straight to the database: it is bookkeeping, not an edit (no version, no hooks).
 */

type UsageDoc = { id: number | string; usedBy?: string[] | null } & Record<string, unknown>

/**
 * The database adapter writes a row as an upsert: required columns must come along or
 * the insert half fails (documents.language). They are read and written back unchanged.
 */
function requiredColumns(payload: Payload, collection: FileCollection): string[] {
  return payload.collections[collection].config.flattenedFields
    .filter((f) => 'required' in f && f.required && !('localized' in f && f.localized) && !['array', 'blocks', 'group', 'tab'].includes(f.type))
    .map((f) => f.name)
}

function usageSelect(payload: Payload, collection: FileCollection) {
  return Object.fromEntries([['usedBy', true], ...requiredColumns(payload, collection).map((name) => [name, true])])
}

function localeCodes(payload: Payload): string[] {
  const loc = payload.config.localization
  return loc ? loc.localeCodes : []
}

function toId(payload: Payload, id: string): number | string {
  return payload.db.defaultIDType === 'number' ? Number(id) : id
}

async function write(req: PayloadRequest, collection: FileCollection, doc: UsageDoc, usedBy: string[]) {
  const kept = Object.fromEntries(requiredColumns(req.payload, collection).map((name) => [name, doc[name]]))
  await req.payload.db.updateOne({
    collection,
    id: doc.id,
    data: { ...kept, usedBy, inLiveContent: usedBy.length > 0 },
    req,
    returning: false,
  })
}

/** Makes `key` (a live document) listed on exactly the files in `refs`. */
async function setFileUse(req: PayloadRequest, key: string, refs: FileRefs): Promise<void> {
  const { payload } = req
  for (const collection of fileCollections) {
    const wanted = refs[collection]
    const listed = (
      await payload.find({
        collection,
        where: { usedBy: { equals: key } },
        depth: 0,
        pagination: false,
        overrideAccess: true,
        select: usageSelect(payload, collection),
        req,
      })
    ).docs as unknown as UsageDoc[]
    for (const doc of listed) {
      if (!wanted.has(String(doc.id))) await write(req, collection, doc, (doc.usedBy ?? []).filter((k) => k !== key))
    }
    const missing = [...wanted].filter((id) => !listed.some((doc) => String(doc.id) === id))
    if (missing.length === 0) continue
    const added = (
      await payload.find({
        collection,
        where: { id: { in: missing.map((id) => toId(payload, id)) } },
        depth: 0,
        pagination: false,
        overrideAccess: true,
        select: usageSelect(payload, collection),
        req,
      })
    ).docs as unknown as UsageDoc[]
    for (const doc of added) await write(req, collection, doc, [...(doc.usedBy ?? []), key])
  }
}

const noRefs = (): FileRefs => ({ media: new Set(), documents: new Set() })

/** The files a collection document uses while it is live (its published version). */
async function liveDocumentRefs(req: PayloadRequest, collection: string, id: number | string): Promise<FileRefs> {
  const config = req.payload.collections[collection as 'news']?.config
  if (!config) return noRefs()
  const live = await req.payload.findByID({
    collection: collection as 'news',
    id,
    draft: false,
    depth: 0,
    locale: 'all',
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!live || (live as { _status?: string })._status !== 'published') return noRefs()
  return fileRefs(config.flattenedFields, live, localeCodes(req.payload))
}

/** After a save that wrote the live document (publish, unpublish, live edit, restore). */
export const syncFileUseAfterChange: CollectionAfterChangeHook = async ({ collection, context, doc, req }) => {
  if (isDraftSave(context)) return doc
  await setFileUse(req, `${collection.slug}:${doc.id}`, await liveDocumentRefs(req, collection.slug, doc.id))
  return doc
}

export const syncFileUseAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await setFileUse(req, `${collection.slug}:${doc.id}`, noRefs())
  return doc
}

async function liveGlobalRefs(req: PayloadRequest, slug: string): Promise<FileRefs> {
  const config = req.payload.config.globals.find((g) => g.slug === slug)
  if (!config) return noRefs()
  const live = await req.payload.findGlobal({
    slug: slug as 'settings',
    draft: false,
    depth: 0,
    locale: 'all',
    overrideAccess: true,
    req,
  })
  if ((live as { _status?: string })._status !== 'published') return noRefs()
  return fileRefs(config.flattenedFields, live, localeCodes(req.payload))
}

export const syncFileUseAfterGlobalChange: GlobalAfterChangeHook = async ({ context, doc, global, req }) => {
  if (isGlobalDraftSave(context)) return doc
  await setFileUse(req, global.slug, await liveGlobalRefs(req, global.slug))
  return doc
}

/**
 * Recomputes every file's use from all live content: for databases that existed before
 * this bookkeeping (the migration runs it) and as a repair.
 */
export async function rebuildFileUse(payload: Payload, req?: PayloadRequest): Promise<{ public: number }> {
  const wanted: Record<FileCollection, Map<string, string[]>> = { media: new Map(), documents: new Map() }
  const add = (key: string, refs: FileRefs) => {
    for (const c of fileCollections) for (const id of refs[c]) wanted[c].set(id, [...(wanted[c].get(id) ?? []), key])
  }
  const locales = localeCodes(payload)
  for (const config of payload.config.collections.filter((c) => c.versions && typeof c.versions === 'object' && c.versions.drafts)) {
    for (let page = 1; ; page++) {
      const result = await payload.find({
        collection: config.slug as 'news',
        where: { _status: { equals: 'published' } },
        draft: false,
        depth: 0,
        locale: 'all',
        limit: 200,
        page,
        overrideAccess: true,
        req,
      })
      for (const doc of result.docs) add(`${config.slug}:${doc.id}`, fileRefs(config.flattenedFields, doc, locales))
      if (!result.hasNextPage) break
    }
  }
  for (const config of payload.config.globals.filter((g) => g.versions && typeof g.versions === 'object' && g.versions.drafts)) {
    const live = await payload.findGlobal({ slug: config.slug as 'settings', draft: false, depth: 0, locale: 'all', overrideAccess: true, req })
    if ((live as { _status?: string })._status === 'published') add(config.slug, fileRefs(config.flattenedFields, live, locales))
  }
  let count = 0
  for (const collection of fileCollections) {
    const all = (
      await payload.find({ collection, depth: 0, pagination: false, overrideAccess: true, select: usageSelect(payload, collection), req })
    ).docs as unknown as UsageDoc[]
    for (const doc of all) {
      const usedBy = wanted[collection].get(String(doc.id)) ?? []
      if (usedBy.length) count++
      const before = doc.usedBy ?? []
      if (before.length === usedBy.length && before.every((k, i) => k === usedBy[i])) continue
      await write(req ?? ({ payload } as PayloadRequest), collection, doc, usedBy)
    }
  }
  return { public: count }
}
