import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../../cms/model/env'
import { allRoutes, type Route } from '../templates/src/pages/_lib/routes'
import { documentHash } from '../../cms/model/docHash'
import { useSnapshot } from '../templates/src/lib/load'
import { BODY_WORDS, rowKey, rowKeyOfHash, searchableIn } from '../templates/src/lib/search/indexer'
import type { Snapshot } from '../../cms/model/snapshot'
import type { SearchList } from './searchWorker'
import { run } from './processes'
import { buildSearchInBackground, buildStamp, finishBuild, replaceWithCopy, templatesDir } from './siteBuild'

/**
 * The fast path of a site update: the new build starts as hard links to the live one,
 * and only the pages a change affects are rendered again. Anything that shows on every
 * page (settings, alerts), a topic or page change, or new templates take the full path.
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

function routesOf(snapshotFile: string, snapshot: Snapshot): Route[] {
  useSnapshot(snapshotFile, snapshot)
  const before = process.env.ATVIRA_SNAPSHOT
  process.env.ATVIRA_SNAPSHOT = snapshotFile
  try {
    return allRoutes()
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
function fingerprint(route: Route): string {
  switch (route.kind) {
    case 'doc':
      return `${docHash(route.doc)}|${json(route.alternates)}`
    case 'list':
      return json({ ...route, items: route.items.map(docHash), topic: route.topic ? docHash(route.topic) : undefined })
    default:
      return json(route)
  }
}

/** The plan index of a snapshot, and its routes (the file is the snapshot's, written). */
export function planIndexOf(snapshot: Snapshot, snapshotFile: string): { index: PlanIndex; routes: Route[] } {
  const routes = routesOf(snapshotFile, snapshot)
  const perLocale = (pick: (locale: string) => unknown) => Object.fromEntries(snapshot.locales.map((l) => [l, sha1(json(pick(l)))]))
  const docs: Record<string, string> = {}
  for (const locale of snapshot.locales) {
    for (const d of snapshot.content[locale]?.docs ?? []) docs[`${locale} ${d.collection}:${d.id}`] = docHash(d)
  }
  const index: PlanIndex = {
    site: json([snapshot.locales, snapshot.defaultLocale, snapshot.siteUrl, snapshot.timeZone]),
    settings: perLocale((l) => snapshot.content[l]?.settings),
    alerts: perLocale((l) => snapshot.content[l]?.alerts),
    docs,
    routes: Object.fromEntries(routes.map((r) => [r.path, fingerprint(r)])),
    // The topics that have news (their first list page): what the filters show. Not every
    // topic list page, or each new archive page would count as a change of filters.
    newsFilters: json(routes.filter((r) => r.kind === 'list' && r.collection === 'news' && r.topic && r.pager.kind === 'archive' && r.pager.n === null).map((r) => r.path)),
    // Every document of the locale in order (the index numbers them), and the setting
    // that cuts their text; the search code itself is in the templates' hash.
    search: perLocale((l) => [BODY_WORDS, (snapshot.content[l]?.docs ?? []).map(docHash)]),
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

export function planUpdate(before: PlanIndex, after: { index: PlanIndex; routes: Route[] }): Plan {
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

// Run in its own process: synchronous calls are the quickest way to make tens of
// thousands of links, and they then run on the other core while Astro renders.
const linkScript = `
const fs = require('node:fs'), path = require('node:path')
const [from, to, ...skip] = process.argv.slice(1)
const link = (a, b, top) => {
  fs.mkdirSync(b, { recursive: true })
  for (const e of fs.readdirSync(a, { withFileTypes: true })) {
    if (top && skip.includes(e.name)) continue
    if (e.isDirectory()) link(path.join(a, e.name), path.join(b, e.name), false)
    else if (e.isFile()) fs.linkSync(path.join(a, e.name), path.join(b, e.name))
  }
}
link(from, to, true)`

/** Hard links for every file of the live build (but `skip` at its top): no data is copied. */
function linkTree(from: string, to: string, skip: Set<string>, signal?: AbortSignal): Promise<void> {
  return run(process.execPath, ['-e', linkScript, from, to, ...skip], { capture: true, signal })
}

/** Copies the rendered files over the links; returns how many HTML pages are new. */
function copyTree(from: string, to: string): number {
  let added = 0
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name)
    const dst = path.join(to, entry.name)
    if (entry.isDirectory()) added += copyTree(src, dst)
    else {
      if (entry.name.endsWith('.html') && !fs.existsSync(dst)) added++
      replaceWithCopy(src, dst)
    }
  }
  return added
}

/** The file a route's page is written to (`build.format: 'directory'`). */
function pageFile(clientDir: string, routePath: string): string {
  return path.join(clientDir, decodeURI(routePath), 'index.html')
}

/** Files of the live build that every build writes itself. */
const ownFiles = new Set(['snapshot.json', '.atvira-build', 'runtime-snapshot.json', 'server-hash', 'search', planIndexFile])

/**
 * What a fast update can start before it knows what changed: the hard links, from the
 * start (they need only the live build). Dropped when the update turns out to need a
 * full build, or nothing. The search indexes are started with Astro.
 */
export class HeadStart {
  readonly linked: Promise<void>
  search?: Promise<void>

  constructor(
    readonly liveDir: string,
    readonly outDir: string,
    readonly signal?: AbortSignal,
  ) {
    this.linked = linkTree(liveDir, outDir, ownFiles, signal)
    this.linked.catch(() => {})
  }

  get searchDir(): string {
    return `${this.outDir}.search`
  }

  /**
   * A locale whose documents are all as in the live build keeps its index (linked);
   * the others are built again, reusing unchanged documents' terms.
   */
  startSearch(snapshot: Snapshot, snapshotFile: string, before?: PlanIndex | null, after?: PlanIndex): void {
    const liveSearch = path.join(this.liveDir, 'search')
    const files = (l: string) => [`${l}.json`, `${l}.terms.json`]
    const same = (l: string) =>
      before?.search?.[l] !== undefined && before.search[l] === after?.search[l] && files(l).every((f) => fs.existsSync(path.join(liveSearch, f)))
    fs.rmSync(this.searchDir, { recursive: true, force: true })
    fs.mkdirSync(this.searchDir, { recursive: true })
    for (const l of snapshot.locales.filter(same)) for (const f of files(l)) fs.linkSync(path.join(liveSearch, f), path.join(this.searchDir, f))
    const changed = snapshot.locales.filter((l) => !same(l))
    const lists = before ? Object.fromEntries(changed.map((l) => [l, this.writeSearchList(snapshot, l, before)])) : {}
    const listFiles = Object.values(lists)
    // The lists live as long as the search processes that read them.
    this.search = (changed.length ? buildSearchInBackground(changed, snapshotFile, this.searchDir, liveSearch, this.signal, lists) : Promise.resolve()).finally(() => {
      for (const file of listFiles) fs.rmSync(file, { force: true })
    })
    this.search.catch(() => {})
  }

  /**
   * A locale's searchable documents as hashes, with in full only those the live build
   * does not have: its search process then reads a few kilobytes, not the snapshot.
   */
  private writeSearchList(snapshot: Snapshot, locale: string, before: PlanIndex): string {
    const live = new Set(Object.entries(before.docs).filter(([key]) => key.startsWith(`${locale} `)).map(([, hash]) => rowKeyOfHash(hash)))
    const docs = (snapshot.content[locale]?.docs ?? []).filter(searchableIn(snapshot.types))
    const hashes = docs.map((d) => rowKey(d))
    const list: SearchList = { hashes, docs: docs.flatMap((d, i) => (live.has(hashes[i]!) ? [] : [[hashes[i]!, d] as [string, typeof d]])) }
    const file = `${this.outDir}.search-${locale}.json`
    fs.writeFileSync(file, JSON.stringify(list))
    return file
  }

  async drop(): Promise<void> {
    await Promise.allSettled([this.linked, this.search])
    for (const dir of [this.outDir, this.searchDir]) fs.rmSync(dir, { recursive: true, force: true })
  }
}

export async function fastBuild(options: {
  head: HeadStart
  snapshot: Snapshot
  snapshotFile: string
  plan: Extract<Plan, { mode: 'fast' }>
  /** The live build's plan index and the new one: locales with no change keep their search index. */
  before?: PlanIndex | null
  index?: PlanIndex
  templates: string
  log?: (line: string) => void
  env?: NodeJS.ProcessEnv
  signal?: AbortSignal
}): Promise<{ rendered: number; added: number; removed: number }> {
  const env = options.env ?? process.env
  const log = options.log ?? console.log
  const { head, plan } = options
  const { outDir, linked, searchDir } = head
  const partial = `${outDir}.partial`
  const onlyFile = `${outDir}.paths.json`
  fs.writeFileSync(onlyFile, JSON.stringify(plan.render))
  const rendered = run(process.execPath, [path.join(rootDir, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', templatesDir(env), '--silent'], {
    env: {
      ...env,
      ATVIRA_SNAPSHOT: options.snapshotFile,
      ATVIRA_ONLY_PATHS: onlyFile,
      ATVIRA_SITE_OUT_DIR: partial,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    capture: true,
    signal: options.signal,
  })
  try {
    // Once Astro is started: its start-up is mostly waiting on the file system.
    if (!head.search) head.startSearch(options.snapshot, options.snapshotFile, options.before, options.index)
    log(`Rendering ${plan.render.length} changed pages (links and search indexes alongside)…`)
    await rendered
    log('Rendered; waiting for the links…')
    await linked
    log('Copying the changed pages…')
    const added = copyTree(path.join(partial, 'client'), path.join(outDir, 'client'))
    const clientDir = path.join(outDir, 'client')
    let removed = 0
    for (const p of plan.remove) {
      const file = pageFile(clientDir, p)
      if (fs.existsSync(file)) removed++
      fs.rmSync(file, { force: true })
      // Remove the emptied directories up to the client root.
      for (let dir = path.dirname(file); dir.startsWith(clientDir) && dir !== clientDir; dir = path.dirname(dir)) {
        if (fs.readdirSync(dir).length) break
        fs.rmdirSync(dir)
      }
    }
    log('Waiting for the search indexes…')
    await head.search
    log('Search indexes, images and documents…')
    finishBuild(outDir, options.snapshot, options.templates, buildStamp(options.snapshot, options.templates), searchDir)
    return { rendered: plan.render.length, added, removed }
  } finally {
    await Promise.allSettled([linked, rendered, head.search])
    fs.rmSync(partial, { recursive: true, force: true })
    fs.rmSync(onlyFile, { recursive: true, force: true })
    fs.rmSync(searchDir, { recursive: true, force: true })
  }
}
