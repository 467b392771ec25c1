import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { documentHash } from '../../cms/model/docHash'
import type { Snapshot } from '../../cms/model/snapshot'
import type { PlannedRoute, Templates } from './templates'

/**
 * The plan of a site update: what changed since the live build, and so which pages to
 * render again (the fast path: the new build starts as hard links to the live one), or
 * why everything is rendered (the full path). Anything that shows on every page
 * (settings, alerts), a topic or page change, or new templates take the full path. The
 * route list comes from the templates being rendered.
 */

export type Plan = { mode: 'full'; reason: string } | { mode: 'fast'; render: string[]; remove: string[] }

/**
 * What the next update compares against, written into every build: hashes of the
 * documents and of what each route renders from. Much smaller than the snapshot, so a
 * fast update never parses the live build's snapshot again.
 */
export type PlanIndex = {
  site: string
  settings: Record<string, string>
  alerts: Record<string, string>
  /** `locale collection:id` → hash of the document as rendered. */
  docs: Record<string, string>
  /** Route path → what its page renders from (`fingerprint`). */
  routes: Record<string, string>
  /** The news lists' topic filters: which topics have news. */
  newsFilters: string
  /** Per locale: what its search index is built from (the same key, the same index). */
  search: Record<string, string>
  /** HTML pages in the build. */
  pages?: number
}

export const planIndexFile = 'plan-index.json'

function routesOf(templates: Templates, snapshotFile: string, snapshot: Snapshot): PlannedRoute[] {
  templates.useSnapshot(snapshotFile, snapshot)
  const before = process.env.ATVIRA_SNAPSHOT
  process.env.ATVIRA_SNAPSHOT = snapshotFile
  try {
    return templates.allRoutes()
  } finally {
    if (before === undefined) delete process.env.ATVIRA_SNAPSHOT
    else process.env.ATVIRA_SNAPSHOT = before
  }
}

const json = (v: unknown) => JSON.stringify(v)
const sha1 = (text: string) => crypto.createHash('sha1').update(text).digest('base64')
// One hash per document object (list routes embed the same documents many times),
// mostly computed already while writing the snapshot.
const docHash = documentHash

/** What a route renders from, cheaply: documents by hash, the rest as JSON. */
function fingerprint(route: PlannedRoute): string {
  switch (route.kind) {
    case 'doc':
      return `${docHash(route.doc)}|${json(route.alternates)}`
    case 'list':
      return json({ ...route, items: route.items.map(docHash), topic: route.topic ? docHash(route.topic) : undefined })
    default:
      return json(route)
  }
}

/**
 * The settings every page shows. The top tasks are left out: only the home page shows
 * them, and it is rendered on every update; so retitling or unpublishing a guide that is
 * a top task stays a fast update.
 */
function everyPageSettings(snapshot: Snapshot, locale: string): unknown {
  const settings = snapshot.content[locale]?.settings
  if (!settings) return settings
  const { topTasks: _homeOnly, ...rest } = settings
  return rest
}

/** The plan index of a snapshot, and its routes (the file is the snapshot's, written). */
export function planIndexOf(templates: Templates, snapshot: Snapshot, snapshotFile: string): { index: PlanIndex; routes: PlannedRoute[] } {
  const routes = routesOf(templates, snapshotFile, snapshot)
  const perLocale = (pick: (locale: string) => unknown) => Object.fromEntries(snapshot.locales.map((l) => [l, sha1(json(pick(l)))]))
  const docs: Record<string, string> = {}
  for (const locale of snapshot.locales) {
    for (const d of snapshot.content[locale]?.docs ?? []) docs[`${locale} ${d.collection}:${d.id}`] = docHash(d)
  }
  const index: PlanIndex = {
    site: json([snapshot.locales, snapshot.defaultLocale, snapshot.siteUrl, snapshot.timeZone]),
    settings: perLocale((l) => everyPageSettings(snapshot, l)),
    alerts: perLocale((l) => snapshot.content[l]?.alerts),
    docs,
    routes: Object.fromEntries(routes.map((r) => [r.path, fingerprint(r)])),
    // The topics that have news (their first list page): what the filters show. Not every
    // topic list page, or each new archive page would count as a change of filters.
    newsFilters: json(routes.filter((r) => r.kind === 'list' && r.collection === 'news' && r.topic && r.pager.kind === 'archive' && r.pager.n === null).map((r) => r.path)),
    // Every document of the locale in order (the index numbers them), and the setting
    // that cuts their text; the search code itself is in the templates' hash.
    search: perLocale((l) => [templates.BODY_WORDS, (snapshot.content[l]?.docs ?? []).map(docHash)]),
  }
  return { index, routes }
}

export function readPlanIndex(buildDir: string): PlanIndex | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(buildDir, planIndexFile), 'utf8')) as PlanIndex
  } catch {
    return null
  }
}

/** Collections with any document added, removed or changed, in any locale. */
export function changedCollections(before: PlanIndex, after: PlanIndex): Set<string> {
  const changed = new Set<string>()
  const collection = (key: string) => key.slice(key.indexOf(' ') + 1, key.indexOf(':'))
  for (const [key, hash] of Object.entries(after.docs)) if (before.docs[key] !== hash) changed.add(collection(key))
  for (const key of Object.keys(before.docs)) if (!Object.hasOwn(after.docs, key)) changed.add(collection(key))
  return changed
}

export function planUpdate(before: PlanIndex, after: { index: PlanIndex; routes: PlannedRoute[] }): Plan {
  const a = before
  const b = after.index
  if (a.site !== b.site) return { mode: 'full', reason: 'site configuration changed' }
  for (const locale of Object.keys(b.settings)) {
    if (a.settings[locale] !== b.settings[locale]) return { mode: 'full', reason: 'settings changed' }
    if (a.alerts[locale] !== b.alerts[locale]) return { mode: 'full', reason: 'alerts changed' }
  }
  const changed = changedCollections(a, b)
  // Topic names and the page tree appear on many pages (navigation, filters, footer).
  if (changed.has('topics')) return { mode: 'full', reason: 'a topic changed' }
  if (changed.has('pages')) return { mode: 'full', reason: 'a page changed' }

  const old = new Map(Object.entries(a.routes))
  // News lists show the topic filters: which topics have news. When that set changes,
  // every news list changes; otherwise only lists whose items changed.
  const filtersChanged = a.newsFilters !== b.newsFilters
  const render = after.routes
    .filter((r) => {
      if (r.kind === 'list') return (r.collection === 'news' && filtersChanged) || old.get(r.path) !== b.routes[r.path]
      if (r.kind !== 'doc') return true // home and section indexes read everything
      if (r.doc.collection === 'topics') return changed.size > 0 // lists everything on the topic
      if (r.doc.collection === 'guides' && changed.has('guides')) return true // previous/next
      return old.get(r.path) !== b.routes[r.path]
    })
    .map((r) => r.path)
  const remove = [...old.keys()].filter((p) => !Object.hasOwn(b.routes, p))
  return { mode: 'fast', render: [...new Set(render)], remove }
}
