import fs from 'node:fs'

import { docsOf, localeContent, snapshot } from '../../lib/load'
import {
  homePath,
  listPath,
  newsTopicPath,
  sectionPath,
  type RouteContext,
  type SectionCollection,
} from '../../lib/routes'
import type { GuideDoc, LeafletDoc, Locale, NewsDoc, SiteDoc, TopicDoc } from '../../lib/types'

/**
 * Every page the site builds, derived from the snapshot alone. The catch-all page,
 * the sitemap and the language switcher all read this one list, so a page that is
 * built is also in the sitemap, and a translation link never points nowhere.
 */

export const PAGE_SIZE = 10

export type Listed = NewsDoc | GuideDoc | LeafletDoc

type Common = { locale: Locale; path: string; alternates: Record<Locale, string> }
export type Route = Common &
  (
    | { kind: 'home' }
    | { kind: 'list'; collection: 'news' | 'guides' | 'leaflets'; page: number; pages: number; items: Listed[]; topic?: TopicDoc }
    | { kind: 'handbook' | 'services' | 'consultations' | 'topics' }
    | { kind: 'doc'; doc: SiteDoc }
  )

export function ctx(): RouteContext {
  return { defaultLocale: snapshot().defaultLocale }
}

const collators = new Map<Locale, Intl.Collator>()
export function byTitle(locale: Locale) {
  let c = collators.get(locale)
  if (!c) collators.set(locale, (c = new Intl.Collator(locale)))
  return (a: { title: string }, b: { title: string }) => c.compare(a.title, b.title)
}

const newest = (a: { publishedAt?: string }, b: { publishedAt?: string }) =>
  (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '')

// Lists are asked for once per page of every list: memoised per snapshot, or building
// 10,000 documents' routes is quadratic.
const memo = new WeakMap<object, Map<string, unknown>>()
function remember<T>(key: string, make: () => T): T {
  const s = snapshot()
  let m = memo.get(s)
  if (!m) memo.set(s, (m = new Map()))
  if (!m.has(key)) m.set(key, make())
  return m.get(key) as T
}

/** The order a section lists its documents in (also the guides' previous/next order). */
export function sortedDocs<C extends 'news' | 'guides' | 'leaflets' | 'services' | 'topics'>(locale: Locale, collection: C) {
  return remember(`sorted:${locale}:${collection}`, () => {
    const docs = [...docsOf(locale, collection)]
    return collection === 'news' ? docs.sort(newest) : docs.sort(byTitle(locale))
  })
}

export function newsOnTopic(locale: Locale, topicId: string): NewsDoc[] {
  return remember(`topic:${locale}:${topicId}`, () => sortedDocs(locale, 'news').filter((n) => n.topics.some((t) => t.id === topicId)))
}

function pageCount(n: number): number {
  return Math.max(1, Math.ceil(n / PAGE_SIZE))
}

/** Same section in every locale: page n where the other locale has one, else its first page. */
function sectionAlternates(path: (locale: Locale) => string | undefined): Record<Locale, string> {
  const out: Record<Locale, string> = {}
  for (const l of snapshot().locales) {
    const p = path(l)
    if (p) out[l] = p
  }
  return out
}

function listRoutes(locale: Locale, collection: 'news' | 'guides' | 'leaflets', items: Listed[], topic?: TopicDoc): Route[] {
  const c = ctx()
  const pages = pageCount(items.length)
  const pathOf = (l: Locale, page: number): string | undefined => {
    if (!topic) {
      const n = pageCount(sortedDocs(l, collection).length)
      return page <= n ? listPath(collection, l, page, c) : undefined
    }
    const t = docsOf(l, 'topics').find((x) => x.id === topic.id)
    if (!t) return undefined
    return page <= pageCount(newsOnTopic(l, t.id).length) ? newsTopicPath(l, t.slug, page, c) : undefined
  }
  return Array.from({ length: pages }, (_, i) => ({
    kind: 'list' as const,
    collection,
    locale,
    page: i + 1,
    pages,
    topic,
    items: items.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE),
    path: pathOf(locale, i + 1)!,
    alternates: sectionAlternates((l) => pathOf(l, i + 1)),
  }))
}

let cache: { from: object; routes: Route[] } | undefined

export function allRoutes(): Route[] {
  if (cache?.from === snapshot()) return cache.routes
  const c = ctx()
  const routes: Route[] = []
  for (const locale of snapshot().locales) {
    routes.push({ kind: 'home', locale, path: homePath(locale, c), alternates: sectionAlternates((l) => homePath(l, c)) })
    for (const collection of ['news', 'guides', 'leaflets'] as const) {
      routes.push(...listRoutes(locale, collection, sortedDocs(locale, collection)))
    }
    for (const topic of sortedDocs(locale, 'topics')) {
      const news = newsOnTopic(locale, topic.id)
      if (news.length) routes.push(...listRoutes(locale, 'news', news, topic))
    }
    for (const kind of ['handbook', 'services', 'consultations', 'topics'] as const) {
      const section = (l: Locale) => sectionPath(kind as SectionCollection, l, c)
      routes.push({ kind, locale, path: section(locale), alternates: sectionAlternates(section) })
    }
    for (const doc of localeContent(locale).docs) {
      routes.push({ kind: 'doc', locale, doc, path: doc.url, alternates: doc.alternates })
    }
  }
  cache = { from: snapshot(), routes }
  return routes
}

/**
 * The routes a fast (partial) build renders, from ATVIRA_ONLY_PATHS (a JSON array of
 * paths); all routes when it is not set. Feeds, sitemap and 404 are always rendered.
 */
export function routesToRender(): Route[] {
  const file = process.env.ATVIRA_ONLY_PATHS
  const routes = allRoutes()
  if (!file) return routes
  const only = new Set(JSON.parse(fs.readFileSync(file, 'utf8')) as string[])
  return routes.filter((r) => only.has(r.path))
}

/** `getStaticPaths` wants the path without its slashes; the home page is `undefined`. */
export function pathParam(path: string): string | undefined {
  const trimmed = path.replace(/^\/+|\/+$/g, '')
  return trimmed === '' ? undefined : decodeURI(trimmed)
}
