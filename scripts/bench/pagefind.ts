/**
 * Atvira's search beside Pagefind over the same built sites: the 10,000-document
 * corpus and the seeded demo city. Pagefind runs unconfigured (as `npx pagefind --site`
 * would), searches in Chromium on a loopback static server, and every byte the browser
 * fetches for a first query is counted. Recall is measured on the relevance table's
 * lt and en rows (tests/fixtures/relevance.ts), the way the test counts a hit.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import * as pagefind from 'pagefind'
import type { Browser } from 'playwright-core'

import { rootDir } from '../../cms/model/env'
import type { LocaleIndex } from '../../site/templates/src/lib/search/indexer'
import { LocaleSearch } from '../../site/templates/src/lib/search/query'
import type { Snapshot } from '../../cms/model/snapshot'
import { launchBrowser } from '../../tests/e2e/browser'
import { relevanceTable } from '../../tests/fixtures/relevance'
import { buildSite } from '../../site/publisher/siteBuild'
import { payloadSource } from '../../cms/plugins/publishing/localSource'
import { treeHash } from '../../site/publisher/processes'
import {
  bytesOf,
  corpusSite,
  median,
  pageQueries,
  runInChild,
  startBuiltServer,
  visitResultsPage,
  type Bytes,
  type PageVisit,
} from './search-page'

export type Fetched = { path: string; kind: string; raw: number; gzip: number }

export type FirstQuery = {
  locale: string
  query: string
  atvira: { hits: number; html: Bytes; firstVisit: Bytes }
  pagefind: { results: number; fetched: Fetched[]; total: Bytes; byKind: Record<string, Bytes>; browserCounted: number }
}

export type RecallRow = { locale: string; query: string; expected: string; note: string; atvira: string[]; pagefind: string[]; atviraHit: boolean; pagefindHit: boolean }

export type SiteComparison = {
  site: string
  htmlPages: number
  pagefindIndex: { ms: number; pages: number; files: number; bytes: number; languages: string[] }
  firstQueries: FirstQuery[]
  summary: { atviraFirstVisitGzip: { median: number; max: number }; atviraHtmlGzip: { median: number; max: number }; pagefindGzip: { median: number; max: number } }
}

export type PagefindBench = {
  corpus: SiteComparison
  demo: SiteComparison
  recall: { rows: RecallRow[]; byLocale: Record<string, { rows: number; atvira: number; pagefind: number }> }
}

export const demoSiteDir = path.join(rootDir, 'data/bench/demo-site')
const demoSnapshotFile = path.join(rootDir, 'data/bench/demo-snapshot.json')

/** In a child process (runInChild): the demo city seeded into a throwaway CMS and built. */
export async function buildDemoSite(): Promise<{ documents: Record<string, number> }> {
  // Imported here: the CMS is configured through process.env when it starts.
  const { startCms } = await import('../../tests/int/helpers')
  const { seed } = await import('../../cms/seed/index')
  const { loadContent } = await import('../../cms/seed/load')
  const { makeAssets } = await import('../lib/assets')
  const cms = await startCms()
  try {
    const contentDir = path.join(rootDir, 'content')
    await seed(cms.payload, {
      content: loadContent(contentDir, ['lt', 'en'], 'lt'),
      assets: await makeAssets({ contentDir, outDir: path.join(cms.dir, 'assets') }),
    })
    const { snapshot } = await buildSite({
      outDir: demoSiteDir,
      snapshotFile: demoSnapshotFile,
      env: { ...process.env, SITE_URL: 'http://127.0.0.1:4321' },
      source: payloadSource(cms.payload),
    })
    return { documents: Object.fromEntries(Object.entries(snapshot.content).map(([l, c]) => [l, c.docs.length])) }
  } finally {
    await cms.close().catch(() => {})
  }
}

/**
 * The demo city as the site fixture builds it: content/ seeded into a throwaway SQLite
 * CMS, exported and rendered with buildSite into data/bench/demo-site. Reused while
 * the content, the CMS and the site's sources are unchanged.
 */
export async function demoSite(log = console.log): Promise<{ outDir: string; snapshot: Snapshot }> {
  const stampFile = path.join(demoSiteDir, '.bench-demo-stamp')
  const stamp = treeHash(['content', 'cms', 'site', 'public', 'package-lock.json', 'scripts/lib'], (rel) =>
    ['cms/.next', 'site/dist', 'site/.astro', 'site/node_modules'].some((p) => rel.startsWith(p)),
  )
  const ready = ['server/entry.mjs', 'search/lt.json', 'search/en.json'].every((f) => fs.existsSync(path.join(demoSiteDir, f)))
  if (ready && fs.existsSync(demoSnapshotFile) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
    log('The demo city site is up to date (data/bench/demo-site).')
  } else {
    log('Seeding the demo city into a throwaway CMS and building it…')
    fs.rmSync(stampFile, { force: true })
    await runInChild(fileURLToPath(import.meta.url), 'buildDemoSite', [], log)
    fs.writeFileSync(stampFile, stamp)
  }
  return { outDir: demoSiteDir, snapshot: JSON.parse(fs.readFileSync(demoSnapshotFile, 'utf8')) as Snapshot }
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

/** Pagefind's Node API over a built site's client/, written to client/pagefind/. */
async function runPagefind(clientDir: string, log: (line: string) => void): Promise<SiteComparison['pagefindIndex']> {
  const outputPath = path.join(clientDir, 'pagefind')
  fs.rmSync(outputPath, { recursive: true, force: true })
  log(`Indexing ${path.relative(rootDir, clientDir)} with Pagefind…`)
  const started = Date.now()
  const { index, errors } = await pagefind.createIndex({})
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
  const added = await index.addDirectory({ path: clientDir })
  if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`)
  const written = await index.writeFiles({ outputPath })
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`)
  const ms = Date.now() - started
  await pagefind.close()
  const files = filesUnder(outputPath)
  const entry = JSON.parse(fs.readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> }
  return {
    ms,
    pages: added.page_count,
    files: files.length,
    bytes: files.reduce((s, f) => s + fs.statSync(f).size, 0),
    languages: Object.keys(entry.languages),
  }
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
}

/**
 * A static server for a client/ dir on a loopback port, recording every file it sends
 * (worker fetches included). /__bench/<lang>.html is an empty page in that language:
 * Pagefind picks its index from <html lang>.
 */
async function staticServer(clientDir: string) {
  const served: { path: string; bytes: number }[] = []
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const bench = /^\/__bench\/([a-z-]+)\.html$/.exec(url.pathname)
    if (bench) {
      res.writeHead(200, { 'content-type': types['.html']! })
      return res.end(`<!doctype html><html lang="${bench[1]}"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>`)
    }
    let file = path.join(clientDir, decodeURIComponent(url.pathname))
    if (!file.startsWith(clientDir)) return res.writeHead(403).end()
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html')
    if (!fs.existsSync(file)) return res.writeHead(404).end()
    const body = fs.readFileSync(file)
    served.push({ path: url.pathname, bytes: body.length })
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { baseUrl, clientDir, served, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

function kindOf(p: string): string {
  if (p.endsWith('/pagefind.js')) return 'pagefind.js'
  if (p.endsWith('/pagefind-worker.js')) return 'worker'
  if (p.endsWith('pagefind-entry.json')) return 'entry'
  if (/\/wasm\.[^/]*\.pagefind$/.test(p)) return 'wasm'
  if (p.endsWith('.pf_meta')) return 'meta'
  if (p.endsWith('.pf_index')) return 'index chunks'
  if (p.endsWith('.pf_fragment')) return 'fragments'
  if (p.endsWith('.pf_filter')) return 'filters'
  return 'other'
}

type PagefindModule = {
  search: (q: string) => Promise<{ results: { data: () => Promise<{ url: string; meta: { title?: string } }> }[] }>
}

/** Runs in the page: Pagefind's search, then the data of the first `take` results. */
async function searchInPage({ queries, take }: { queries: string[]; take: number }) {
  const url = '/pagefind/pagefind.js'
  const pf = (await import(url)) as PagefindModule
  const out: { results: number; titles: string[] }[] = []
  for (const q of queries) {
    const s = await pf.search(q)
    const data = await Promise.all(s.results.slice(0, take).map((r) => r.data()))
    out.push({ results: s.results.length, titles: data.map((d) => d.meta.title ?? d.url) })
  }
  return out
}

/** A first query in a fresh browser context: every byte fetched for it. */
async function pagefindFirstQuery(browser: Browser, server: Awaited<ReturnType<typeof staticServer>>, locale: string, query: string) {
  const context = await browser.newContext({ serviceWorkers: 'block' })
  const page = await context.newPage()
  const bodies: Promise<number>[] = []
  // Pages' and their workers' responses (Chromium reports a dedicated worker's fetches to its page).
  page.on('response', (r) => {
    if (!new URL(r.url()).pathname.startsWith('/__bench/')) bodies.push(r.body().then((b) => b.length, () => 0))
  })
  await page.goto(`${server.baseUrl}/__bench/${locale}.html`)
  server.served.length = 0
  const [result] = await page.evaluate(searchInPage, { queries: [query], take: 5 })
  await page.waitForTimeout(300)
  const browserCounted = (await Promise.all(bodies)).reduce((s, n) => s + n, 0)
  const fetched = server.served.map((s) => {
    const b = bytesOf(fs.readFileSync(path.join(server.clientDir, s.path)))
    return { path: s.path, kind: kindOf(s.path), raw: b.raw, gzip: b.gzip }
  })
  await context.close()
  const byKind: Record<string, Bytes> = {}
  for (const f of fetched) {
    const k = (byKind[f.kind] ??= { raw: 0, gzip: 0 })
    k.raw += f.raw
    k.gzip += f.gzip
  }
  const total = { raw: fetched.reduce((s, f) => s + f.raw, 0), gzip: fetched.reduce((s, f) => s + f.gzip, 0) }
  return { results: result!.results, fetched, total, byKind, browserCounted }
}

async function compareSite(
  label: string,
  site: { outDir: string },
  browser: Browser,
  log: (line: string) => void,
): Promise<SiteComparison> {
  const clientDir = path.join(site.outDir, 'client')
  const htmlPages = filesUnder(clientDir).filter((f) => f.endsWith('.html') && !f.includes(`${path.sep}pagefind${path.sep}`)).length
  const pagefindIndex = await runPagefind(clientDir, log)
  const statics = await staticServer(clientDir)
  const atvira = await startBuiltServer(site.outDir)
  const firstQueries: FirstQuery[] = []
  try {
    log(`First queries on the ${label}: Atvira's results page and Pagefind in Chromium…`)
    for (const [locale, queries] of Object.entries(pageQueries)) {
      for (const query of queries) {
        const visit: PageVisit = await visitResultsPage(atvira.baseUrl, locale, query)
        const pf = await pagefindFirstQuery(browser, statics, locale, query)
        firstQueries.push({ locale, query, atvira: { hits: visit.hits, html: visit.html, firstVisit: visit.firstVisit }, pagefind: pf })
      }
    }
  } finally {
    await atvira.stop()
    await statics.stop()
  }
  const stat = (xs: number[]) => ({ median: median(xs), max: Math.max(...xs) })
  return {
    site: label,
    htmlPages,
    pagefindIndex,
    firstQueries,
    summary: {
      atviraFirstVisitGzip: stat(firstQueries.map((q) => q.atvira.firstVisit.gzip)),
      atviraHtmlGzip: stat(firstQueries.map((q) => q.atvira.html.gzip)),
      pagefindGzip: stat(firstQueries.map((q) => q.pagefind.total.gzip)),
    },
  }
}

/** The relevance table's lt and en rows on the demo city, top 3 titles from each engine. */
async function recall(snapshot: Snapshot, outDir: string, browser: Browser): Promise<PagefindBench['recall']> {
  const rows = relevanceTable.filter(([locale]) => snapshot.locales.includes(locale))
  const statics = await staticServer(path.join(outDir, 'client'))
  const out: RecallRow[] = []
  try {
    for (const locale of snapshot.locales) {
      const localeRows = rows.filter(([l]) => l === locale)
      if (!localeRows.length) continue
      // The index buildSite wrote with buildLocaleIndex (in its own process), loaded as the server loads it.
      const engine = new LocaleSearch(JSON.parse(fs.readFileSync(path.join(outDir, 'search', `${locale}.json`), 'utf8')) as LocaleIndex)
      const context = await browser.newContext({ serviceWorkers: 'block' })
      const page = await context.newPage()
      await page.goto(`${statics.baseUrl}/__bench/${locale}.html`)
      const pf = await page.evaluate(searchInPage, { queries: localeRows.map(([, q]) => q), take: 3 })
      await context.close()
      localeRows.forEach(([, query, expected, note], i) => {
        const atvira = engine.search({ q: query }).hits.slice(0, 3).map((h) => h.title)
        const pagefindTitles = pf[i]!.titles
        const hit = (titles: string[]) => titles.some((t) => t.toLowerCase().includes(expected.toLowerCase()))
        out.push({ locale, query, expected, note, atvira, pagefind: pagefindTitles, atviraHit: hit(atvira), pagefindHit: hit(pagefindTitles) })
      })
    }
  } finally {
    await statics.stop()
  }
  const byLocale: PagefindBench['recall']['byLocale'] = {}
  for (const r of out) {
    const b = (byLocale[r.locale] ??= { rows: 0, atvira: 0, pagefind: 0 })
    b.rows++
    if (r.atviraHit) b.atvira++
    if (r.pagefindHit) b.pagefind++
  }
  return { rows: out, byLocale }
}

export async function benchPagefind(documents = 10_000, log = console.log): Promise<PagefindBench> {
  const corpus = await corpusSite(documents, log)
  const demo = await demoSite(log)
  const browser = await launchBrowser()
  try {
    const corpusResult = await compareSite(`${documents}-document corpus`, corpus, browser, log)
    const demoResult = await compareSite('demo city', demo, browser, log)
    log('Relevance table on the demo city…')
    const recallResult = await recall(demo.snapshot, demo.outDir, browser)
    return { corpus: corpusResult, demo: demoResult, recall: recallResult }
  } finally {
    await browser.close()
  }
}
