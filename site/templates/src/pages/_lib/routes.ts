import fs from 'node:fs'

import { handoff } from '@atvira/model/env'
import { docsOf, localeContent, snapshot } from '../../lib/load'
import {
  homePath,
  listPath,
  newsArchivePath,
  newsTopicPath,
  pageSize,
  sectionPath,
  type RouteContext,
  type SectionCollection,
} from '@atvira/model/routes'
import type { GuideDoc, LeafletDoc, Locale, NewsDoc, SiteDoc, TopicDoc } from '@atvira/model/snapshot'

/**
 * Every page the site builds, derived from the snapshot alone. The catch-all page,
 * the sitemap and the language switcher all read this one list, so a page that is
 * built is also in the sitemap, and a translation link never points nowhere.
 */

/** Items on a list page: 10 unless the templates' src/routes.json says otherwise. */
const PAGE_SIZE = () => pageSize()

export type Listed = NewsDoc | GuideDoc | LeafletDoc

type Common = { locale: Locale; path: string; alternates: Record<Locale, string> }

/**
 * How a list page links to the others. Lists in title order (guides, leaflets) have
 * numbered pages. News has its newest items on the section page and an archive numbered
 * from the oldest, linked newer / older: publishing an item changes the section page
 * and the newest archive page, never the rest (a numbered list would shift every page).
 * Only what the page shows is kept here: it is also the page's fingerprint for fast
 * updates.
 */
export type Pager =
  | { kind: 'numbers'; page: number; pages: number }
  | { kind: 'archive'; n: number | null; newer?: string; older?: string; newest?: string; oldest?: string }

export type Route = Common &
  (
    | { kind: 'home' }
    | { kind: 'list'; collection: 'news' | 'guides' | 'leaflets'; pager: Pager; items: Listed[]; topic?: TopicDoc }
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
  return Math.max(1, Math.ceil(n / PAGE_SIZE()))
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

function listRoutes(locale: Locale, collection: 'guides' | 'leaflets', items: Listed[]): Route[] {
  const c = ctx()
  const pages = pageCount(items.length)
  const pathOf = (l: Locale, page: number): string | undefined =>
    page <= pageCount(sortedDocs(l, collection).length) ? listPath(collection, l, page, c) : undefined
  return Array.from({ length: pages }, (_, i) => ({
    kind: 'list' as const,
    collection,
    locale,
    pager: { kind: 'numbers' as const, page: i + 1, pages },
    items: items.slice(i * PAGE_SIZE(), (i + 1) * PAGE_SIZE()),
    path: pathOf(locale, i + 1)!,
    alternates: sectionAlternates((l) => pathOf(l, i + 1)),
  }))
}

/** Archive pages of a news list of n items: all but the section page's `size` newest, `size` a page. */
function archivePageCount(n: number, size = PAGE_SIZE()): number {
  return Math.ceil(Math.max(0, n - size) / size)
}

/**
 * News newest first: the section page holds the PAGE_SIZE newest, archive page k the
 * k-th PAGE_SIZE of the rest counted from the oldest (the newest archive page may be
 * short). `items` is newest first; so is every page.
 */
export function newsArchive<T>(items: T[], size = PAGE_SIZE()): { front: T[]; archive: T[][] } {
  const front = items.slice(0, size)
  const rest = items.slice(size)
  const count = archivePageCount(items.length, size)
  // Archive page k (1 = oldest) holds rest[from, to) counted from the end of the list.
  const archive = Array.from({ length: count }, (_, i) => {
    const to = rest.length - i * size
    return rest.slice(Math.max(0, to - size), to)
  })
  return { front, archive }
}

function newsRoutes(locale: Locale, items: NewsDoc[], topic?: TopicDoc): Route[] {
  const c = ctx()
  const { front, archive } = newsArchive(items)
  const count = archive.length
  const slugIn = (l: Locale) => (topic ? docsOf(l, 'topics').find((x) => x.id === topic.id)?.slug : undefined)
  const frontOf = (l: Locale) => (topic ? newsTopicPath(l, slugIn(l)!, 1, c) : listPath('news', l, 1, c))
  const archiveOf = (l: Locale, n: number) => newsArchivePath(l, n, c, slugIn(l))
  // Archive pages per language (-1: the list does not exist there), counted once per list.
  const counts = new Map<Locale, number>()
  for (const l of snapshot().locales) {
    const listed = topic ? (slugIn(l) ? newsOnTopic(l, topic.id) : []) : sortedDocs(l, 'news')
    counts.set(l, topic && listed.length === 0 ? -1 : archivePageCount(listed.length))
  }
  // The same page in the other languages where they have one: front to front, archive page n to n.
  const alternates = (n: number | null) =>
    sectionAlternates((l) => {
      const has = counts.get(l) ?? -1
      if (has < 0) return undefined
      if (n === null) return frontOf(l)
      return n <= has ? archiveOf(l, n) : undefined
    })
  const routes: Route[] = [
    {
      kind: 'list',
      collection: 'news',
      locale,
      topic,
      items: front,
      pager: { kind: 'archive', n: null, older: count > 0 ? archiveOf(locale, count) : undefined, oldest: count > 1 ? archiveOf(locale, 1) : undefined },
      path: frontOf(locale),
      alternates: alternates(null),
    },
  ]
  archive.forEach((pageItems, i) => {
    const n = i + 1
    routes.push({
      kind: 'list',
      collection: 'news',
      locale,
      topic,
      items: pageItems,
      pager: {
        kind: 'archive',
        n,
        newer: n < count ? archiveOf(locale, n + 1) : frontOf(locale),
        older: n > 1 ? archiveOf(locale, n - 1) : undefined,
        newest: n < count ? frontOf(locale) : undefined,
        oldest: n > 2 ? archiveOf(locale, 1) : undefined,
      },
      path: archiveOf(locale, n),
      alternates: alternates(n),
    })
  })
  return routes
}

let cache: { from: object; routes: Route[] } | undefined

export function allRoutes(): Route[] {
  if (cache?.from === snapshot()) return cache.routes
  const c = ctx()
  const routes: Route[] = []
  for (const locale of snapshot().locales) {
    routes.push({ kind: 'home', locale, path: homePath(locale, c), alternates: sectionAlternates((l) => homePath(l, c)) })
    routes.push(...newsRoutes(locale, sortedDocs(locale, 'news')))
    for (const collection of ['guides', 'leaflets'] as const) {
      routes.push(...listRoutes(locale, collection, sortedDocs(locale, collection)))
    }
    for (const topic of sortedDocs(locale, 'topics')) {
      const news = newsOnTopic(locale, topic.id)
      if (news.length) routes.push(...newsRoutes(locale, news, topic))
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
  const file = handoff().ATVIRA_ONLY_PATHS
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
