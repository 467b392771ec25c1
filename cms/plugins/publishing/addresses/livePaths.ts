import type { PayloadRequest } from 'payload'

import { getDefaultLocale, getLocaleCodes } from '../../../model/locales'
import { docPath } from '../../../model/routes'
import { registry } from '../../../model/registry'

/** locale → the document's public address there (`/naujienos/slug/`), for the locales it is live in. */
export type LivePaths = Record<string, string>

type Localized = Record<string, unknown> | string | null | undefined
type Stored = { id: number | string; _status?: string; slug?: Localized; parent?: unknown } & Record<string, unknown>

const inLocale = (value: Localized, locale: string): string | undefined => {
  const v = value && typeof value === 'object' ? value[locale] : value
  return typeof v === 'string' && v.trim() !== '' ? v : undefined
}

/**
 * Runs Local API calls that share the request (its transaction) and gives the request
 * back as it was: Payload sets the shared request's locale and fallback to the call's
 * (the save this runs inside would then write and read in those) and replaces its
 * context with a copy (notes the save's later hooks read would be lost).
 */
export async function keepingLocale<T>(req: PayloadRequest, call: () => Promise<T>): Promise<T> {
  const { locale, fallbackLocale, context } = req
  try {
    return await call()
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
    req.context = context
  }
}

/**
 * The live document in every locale (`locale: 'all'`), as stored: its published
 * version, whatever drafts follow it. Read inside the request's transaction, so the
 * hooks around a save see the state before and after it.
 */
async function liveDoc(req: PayloadRequest, collection: string, id: number | string): Promise<Stored | null> {
  // The adapter, not the Local API: a Local API call inside a bulk update's hooks left
  // that update writing nothing; the stored row is the live version anyway.
  const doc = await req.payload.db.findOne<Stored>({ collection: collection as 'news', where: { id: { equals: id } }, locale: 'all', req })
  if (!doc) return null
  const hasDrafts = Boolean(req.payload.collections[collection as 'news']?.config.versions)
  return !hasDrafts || doc._status === 'published' ? doc : null
}

/**
 * Where the site shows a document, by the same rules as the snapshot
 * (site/publisher/snapshot.ts): a document exists in a locale when its title is
 * translated there; its slug (else its id) under its section, pages under their
 * parents' slugs (the parent's own locale, else the default's). The URL scheme is the
 * live build's (cms/plugins/publishing/routeScheme.ts), as in the e-mails' links.
 */
export async function livePaths(req: PayloadRequest, collection: string, id: number | string): Promise<LivePaths> {
  const locales = getLocaleCodes()
  const defaultLocale = getDefaultLocale()
  const type = registry.get(collection)
  if (!type || type.route === 'none') return {}
  const doc = await liveDoc(req, collection, id)
  if (!doc) return {}
  const ctx = { defaultLocale }
  const parents = new Map<string, Stored | null>()
  const slugOf = (d: Stored, locale: string) => inLocale(d.slug, locale) ?? inLocale(d.slug, defaultLocale) ?? String(d.id)
  const pageSlugs = async (page: Stored, locale: string, seen: Set<string>): Promise<string[]> => {
    const own = slugOf(page, locale)
    const parentId = page.parent && typeof page.parent === 'object' ? (page.parent as { id?: unknown }).id : page.parent
    if (parentId === null || parentId === undefined || parentId === '') return [own]
    const key = String(parentId)
    if (seen.has(key)) return [own]
    seen.add(key)
    if (!parents.has(key)) parents.set(key, await liveDoc(req, 'pages', parentId as number | string))
    const parent = parents.get(key)
    // As the snapshot does: an unpublished parent drops out of the path.
    return parent ? [...(await pageSlugs(parent, locale, seen)), own] : [own]
  }
  const paths: LivePaths = {}
  for (const locale of locales) {
    if (!inLocale(doc[type.titleField] as Localized, locale)) continue
    const slugs = collection === 'pages' ? await pageSlugs(doc, locale, new Set([String(doc.id)])) : [slugOf(doc, locale)]
    paths[locale] = docPath(collection, slugs, locale, ctx)
  }
  return paths
}
