import fs from 'node:fs'
import path from 'node:path'

import { buildSnapshot } from './snapshot'
import { handoff, settings } from '../../cms/model/env'
import { politeFetch } from './source/politeFetch'
import { createRegistry, registry as builtinRegistry, type ContentTypeDef, type Registry } from '../../cms/model/registry'
import type { ContentSource, RawDoc, ResponseFacts } from '../../cms/model/source'
import type { PreviewService } from '../../cms/model/services/preview'

/**
 * Draft previews ask the CMS, with the visitor's own CMS session, for the draft: the
 * CMS decides who may see it (staff only), so the site server holds no secret.
 */

export function cmsUrl(): string {
  return settings().CMS_URL ?? settings().PAYLOAD_PUBLIC_SERVER_URL
}

/** The CMS as browsers reach it (the sign-in link, live preview's messages, new files): CMS_URL may be an internal address. */
export function publicCmsUrl(): string {
  return settings().PAYLOAD_PUBLIC_SERVER_URL.replace(/\/$/, '')
}

/** The CMS session from the `payload-token` cookie (same host or shared cookie domain). */
export function credential(request: Request): string | null {
  const header = request.headers.get('authorization')
  if (header && /^JWT \S+$/.test(header)) return header
  const cookie = request.headers.get('cookie') ?? ''
  const match = /(?:^|;\s*)payload-token=([^;]+)/.exec(cookie)
  return match ? `JWT ${decodeURIComponent(match[1]!)}` : null
}

export async function staffUser(authorization: string): Promise<{ email: string; role: string } | null> {
  try {
    const res = await fetch(`${cmsUrl()}/api/users/me`, {
      headers: { authorization, accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    })
    if (!res.ok) return null
    const body = (await res.json()) as { user?: { email: string; role?: string } | null }
    return body.user && body.user.role ? { email: body.user.email, role: body.user.role } : null
  } catch {
    return null
  }
}

/** The types a preview can show (cms/model/registry.ts); a live build's own types added. */
export const previewCollections = builtinRegistry.withFlag('previewable')

/**
 * What a preview needs of every other published document: enough to link to it (title,
 * address, summary) and to name its topics, not its body (each type's `linkFields`).
 * At 10,000 documents that is a few MB instead of the whole site, read once per live
 * build (below).
 */
function linkFields(registry: Registry, collection: string): string[] | undefined {
  const type = registry.get(collection)
  return type && type.linkFields.length ? type.linkFields : undefined
}

/**
 * Published content, shared by every preview until another build goes live: it is the
 * public's view (read without the editor's session), so sharing it reveals nothing.
 */
let shared: { build: string; reads: Map<string, Promise<unknown>> } | undefined

function sharedRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  let build = ''
  try {
    build = fs.realpathSync(handoff().ATVIRA_SITE_DIR ?? '')
  } catch {
    // no live build: nothing is kept
  }
  if (!shared || shared.build !== build) shared = { build, reads: new Map() }
  const reads = shared.reads
  let pending = reads.get(key) as Promise<T> | undefined
  if (!pending) {
    pending = read()
    pending.catch(() => reads.delete(key))
    reads.set(key, pending)
  }
  return pending
}

async function getJson(url: string, authorization?: string): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' }
  const apiKey = settings().CMS_API_KEY
  if (authorization) headers.authorization = authorization
  else if (apiKey) headers.authorization = `users API-Key ${apiKey}`
  // An editor waits for a preview: a few short waits at most when the CMS is busy.
  const res = await politeFetch(url, { headers, timeoutMs: 30_000 }, { attempts: 4, maxWaitSeconds: 5 })
  if (!res.ok) throw new Error(`The CMS answered ${res.status} for ${url}.`)
  return res.json()
}

/**
 * The draft, as its page will look: read in full with the editor's session; every
 * other document only as far as links to it need, from the published content.
 */
function previewSource(options: {
  authorization: string
  draftOf: { collection: string; id: string }
  locales: string[]
  defaultLocale: string
  /** The live build's types (its snapshot's), when it has types beyond the product's. */
  types?: ContentTypeDef[]
  /** Filled as files are read: public path of a file the live build lacks → its address on the CMS. */
  fromCms: Map<string, string>
  /** The CMS's address as browsers reach it. */
  publicCms: string
  /** Filled with the draft's own status as the CMS holds it. */
  status: { value?: 'draft' | 'published' }
}): ContentSource {
  const registry = options.types?.length ? createRegistry(options.types) : builtinRegistry
  const base = cmsUrl()
  const localeQuery = (locale: string, fallback: boolean) => ({
    locale,
    'fallback-locale': fallback ? options.defaultLocale : 'none',
    depth: '0',
  })
  // Files no live content uses are not in the live build (nor in the public's list):
  // read with the editor's session and shown from the CMS, so a new image shows at once.
  const unpublishedFiles = async (collection: 'media' | 'documents', locale: string): Promise<RawDoc[]> => {
    const qs = new URLSearchParams({ locale, depth: '0', limit: '0', pagination: 'false', 'where[inLiveContent][not_equals]': 'true' })
    const docs = ((await getJson(`${base}/api/${collection}?${qs}`, options.authorization)) as { docs: RawDoc[] }).docs
    for (const d of docs) {
      const names = [d.filename, ...Object.values((d.sizes ?? {}) as Record<string, { filename?: unknown }>).map((size) => size.filename)]
      for (const name of names)
        if (typeof name === 'string' && name) options.fromCms.set(`/${collection === 'media' ? 'media' : 'files'}/${name}`, `${options.publicCms}/api/${collection}/file/${encodeURIComponent(name)}`)
    }
    return docs
  }
  const list = (collection: string, query: Record<string, string>, fields?: string[]) => {
    const qs = new URLSearchParams({ ...query, draft: 'false', limit: '0', pagination: 'false' })
    if (collection !== 'media' && collection !== 'documents') qs.set('where[_status][equals]', 'published')
    for (const f of fields ?? []) qs.set(`select[${f}]`, 'true')
    if (fields) qs.set('select[updatedAt]', 'true')
    return sharedRead(`${collection}?${qs}`, async () => ((await getJson(`${base}/api/${collection}?${qs}`)) as { docs: RawDoc[] }).docs)
  }
  return {
    name: `CMS at ${base} (preview)`,
    locales: () => ({ locales: options.locales, defaultLocale: options.defaultLocale }),
    async published(collection, locale, fallback) {
      const fields = linkFields(registry, collection)
      const docs = await list(collection, localeQuery(locale, fallback), fields)
      if (options.draftOf.collection !== collection) return docs
      const qs = new URLSearchParams({ ...localeQuery(locale, fallback), draft: 'true' })
      const latest = (await getJson(`${base}/api/${collection}/${encodeURIComponent(options.draftOf.id)}?${qs}`, options.authorization)) as RawDoc
      if (latest._status === 'published' || latest._status === 'draft') options.status.value = latest._status
      // Shown as if published, so the page renders exactly as it will go live.
      return [...docs.filter((d) => String(d.id) !== String(latest.id)), { ...latest, _status: 'published' }]
    },
    async uploads(collection, locale) {
      const [live, unpublished] = await Promise.all([list(collection, { locale, depth: '0' }), unpublishedFiles(collection, locale)])
      const ids = new Set(live.map((d) => String(d.id)))
      return [...live, ...unpublished.filter((d) => !ids.has(String(d.id)))]
    },
    settings: (locale) =>
      sharedRead(`settings?${locale}`, async () => (await getJson(`${base}/api/globals/settings?locale=${encodeURIComponent(locale)}&depth=0&draft=false`)) as Record<string, unknown>),
    responseFacts: () =>
      sharedRead('responses', async () => (await getJson(`${base}/api/consultation-responses/public`)) as ResponseFacts),
    // The page links images and files by their public path; a preview copies nothing.
    filePath: async (collection, filename) => path.join('/nonexistent', collection, filename),
    close: async () => {},
    ...(options.types?.length ? { types: () => options.types! } : {}),
  }
}

/** The draft rendered into the site's own document shape, with links resolved; `previewStatus` is the CMS's (published once an editor publishes). */
export async function previewDoc(options: Parameters<PreviewService['previewDoc']>[0]): ReturnType<PreviewService['previewDoc']> {
  // Locales and time zone of the live build; templates never import the CMS's code.
  const live = options.live
  const fromCms = new Map<string, string>()
  const status: { value?: 'draft' | 'published' } = {}
  const source = previewSource({
    authorization: options.authorization,
    draftOf: { collection: options.collection, id: options.id },
    locales: live.locales,
    defaultLocale: live.defaultLocale,
    types: live.types,
    fromCms,
    publicCms: publicCmsUrl(),
    status,
  })
  const draft = await buildSnapshot(source, { siteUrl: live.siteUrl, timeZone: live.timeZone })
  const docs = draft.content[options.locale]?.docs ?? draft.content[draft.defaultLocale]?.docs ?? []
  const doc = docs.find((d) => d.collection === options.collection && d.id === String(options.id))
  if (!doc) return null
  return { ...withFilesFromCms(doc, fromCms), previewStatus: status.value ?? 'draft' }
}

/** Every address of a file the live build lacks (image sources, srcsets, links, rendered text) pointed at the CMS. */
export function withFilesFromCms<T>(doc: T, fromCms: ReadonlyMap<string, string>): T {
  if (fromCms.size === 0) return doc
  return JSON.parse(JSON.stringify(doc).replace(/(?<![\w.:/-])\/(?:media|files)\/[^"'\s)<>?#\\,]+/g, (path) => fromCms.get(path) ?? path)) as T
}

/** The preview service the site server hands to the templates' `/preview` route. */
export const previewService: PreviewService = { cmsUrl: publicCmsUrl, credential, staffUser, previewDoc, collections: previewCollections }
