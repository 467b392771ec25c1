/**
 * Bytes sent for a search results page: the generated corpus rendered as the real site
 * (Astro, node server), results pages fetched over loopback, sizes gzipped here (the
 * node server sends them uncompressed; a reverse proxy in front compresses them).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import zlib from 'node:zlib'

import { rootDir } from '../../cms/model/env'
import { freePort, waitFor } from '../../tests/e2e/server'
import { buildSite } from '../../site/publisher/siteBuild'
import { generateCorpus } from './corpus'

/** Queries for the results pages: words of the demo city, which the corpus is made of. */
export const pageQueries: Record<string, string[]> = {
  lt: ['šildymo kompensacija', 'mokesciu lengvatos', 'atliekų rūšiavimas', 'daugiabučio renovacija', 'autobusų tvarkaraštis'],
  en: ['heating compensation', 'property tax', 'kindergarten registration', 'recycle waste', 'bus timetable'],
}

/** The path of the results page for a query, as the site routes it. */
export function searchUrl(locale: string, q: string): string {
  return `${locale === 'lt' ? '/paieska' : `/${locale}/search`}?q=${encodeURIComponent(q)}`
}

export type Bytes = { raw: number; gzip: number }
export type PageVisit = { locale: string; query: string; hits: number; html: Bytes; assets: Record<string, Bytes>; firstVisit: Bytes }

export type SearchPageBench = {
  documents: number
  siteBuildMs: number | null
  pages: PageVisit[]
  html: { medianGzip: number; maxGzip: number; medianRaw: number; maxRaw: number }
  firstVisit: { medianGzip: number; maxGzip: number }
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** Size as sent and gzipped (level 6, as most servers); never more than as sent. */
export function bytesOf(body: Buffer | string): Bytes {
  const buf = typeof body === 'string' ? Buffer.from(body) : body
  return { raw: buf.length, gzip: Math.min(buf.length, zlib.gzipSync(buf, { level: 6 }).length) }
}

export const corpusSiteDir = path.join(rootDir, 'data/bench/corpus-site')
export const corpusSnapshotFile = path.join(rootDir, 'data/bench/corpus-snapshot.json')

/**
 * Calls `name` exported by `file` in a fresh `node --import tsx` process and returns its
 * result. Site builds run this way: a process that built a locale's search index once
 * writes an unloadable one the second time (lunr pipeline function registered per
 * process), and the demo city's CMS stays out of the benchmark's own process.
 */
export function runInChild<T>(file: string, name: string, args: unknown[], log: (line: string) => void): Promise<T> {
  const marker = '@@bench-result '
  const code = `const m = await import(${JSON.stringify(pathToFileURL(file).href)});
const r = await m[${JSON.stringify(name)}](...${JSON.stringify(args)});
process.stdout.write('\\n${marker}' + JSON.stringify(r ?? null) + '\\n');
process.exit(0);`
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: rootDir,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let result: T | undefined
    let errors = ''
    let buffer = ''
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString('utf8')
      const lines = buffer.split('\n')
      buffer = lines.pop()!
      for (const line of lines) {
        if (line.startsWith(marker)) result = JSON.parse(line.slice(marker.length)) as T
        else if (line.trim()) log(`  ${line.trim()}`)
      }
    })
    child.stderr.on('data', (d: Buffer) => (errors += d.toString('utf8')))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0 && buffer.startsWith(marker)) result = JSON.parse(buffer.slice(marker.length)) as T
      if (code === 0 && result !== undefined) resolve(result)
      else reject(new Error(`${name} failed (exit ${code}):\n${errors.slice(-4000)}`))
    })
  })
}

/** In a child process (runInChild): renders the corpus, unless the built one is current. */
export async function buildCorpusSite(documents: number): Promise<{ rendered: boolean }> {
  const { rendered } = await buildSite({
    snapshot: generateCorpus({ documents }),
    outDir: corpusSiteDir,
    snapshotFile: corpusSnapshotFile,
    onlyIfStale: true,
  })
  return { rendered }
}

/**
 * The 10,000-document corpus rendered as the site, into data/bench/corpus-site: reused
 * when the corpus and the site's templates are unchanged (buildSite's stamp).
 */
export async function corpusSite(documents = 10_000, log = console.log) {
  log(`Building the ${documents}-document corpus site (reused when unchanged)…`)
  const started = Date.now()
  const { rendered } = await runInChild<{ rendered: boolean }>(fileURLToPath(import.meta.url), 'buildCorpusSite', [documents], log)
  return { outDir: corpusSiteDir, buildMs: rendered ? Date.now() - started : null }
}

/**
 * The production site server (scripts/site-server.ts: static files and on-demand
 * routes), as `npm start` runs it, on a free loopback port.
 */
export async function startBuiltServer(outDir: string): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  let output = ''
  const server: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(rootDir, 'scripts/site-server.ts'), '--dir', outDir, '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: rootDir,
      env: { ...process.env, NODE_ENV: 'production', SEARCH_RATE_LIMIT: '100000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  server.stdout?.on('data', (d) => (output += d))
  server.stderr?.on('data', (d) => (output += d))
  const stop = () =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null || server.signalCode !== null) return resolve()
      const timer = setTimeout(() => server.kill('SIGKILL'), 5_000)
      server.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      server.kill('SIGTERM')
    })
  try {
    await waitFor(`${baseUrl}/`, 30_000)
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error })
  }
  return { baseUrl, stop }
}

async function fetchOk(url: string): Promise<Buffer> {
  const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`)
  return Buffer.from(await res.arrayBuffer())
}

/**
 * A results page as a first visit loads it: the HTML, then the stylesheets and scripts
 * it references (the favicon and the JSON endpoint search.js calls while typing are
 * not counted).
 */
export async function visitResultsPage(baseUrl: string, locale: string, query: string): Promise<PageVisit> {
  const html = (await fetchOk(`${baseUrl}${searchUrl(locale, query)}`)).toString('utf8')
  const refs = [
    ...[...html.matchAll(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g)].map((m) => /\bhref="?([^"\s>]+)/.exec(m[0])?.[1]),
    ...[...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]),
  ].filter((r): r is string => !!r)
  const assets: Record<string, Bytes> = {}
  for (const ref of refs) assets[ref] = bytesOf(await fetchOk(new URL(ref, baseUrl).toString()))
  const page = bytesOf(html)
  const all = [page, ...Object.values(assets)]
  return {
    locale,
    query,
    hits: (html.match(/class="hit-title"/g) ?? []).length,
    html: page,
    assets,
    firstVisit: { raw: all.reduce((s, b) => s + b.raw, 0), gzip: all.reduce((s, b) => s + b.gzip, 0) },
  }
}

/** Results pages for lt and en queries on the corpus site. */
export async function benchSearchPage(documents = 10_000, log = console.log): Promise<SearchPageBench> {
  const site = await corpusSite(documents, log)
  const server = await startBuiltServer(site.outDir)
  try {
    log('Fetching results pages…')
    const pages: PageVisit[] = []
    for (const [locale, queries] of Object.entries(pageQueries)) {
      for (const q of queries) pages.push(await visitResultsPage(server.baseUrl, locale, q))
    }
    const empty = pages.filter((p) => p.hits === 0)
    if (empty.length) throw new Error(`no results on the corpus site for: ${empty.map((p) => `[${p.locale}] ${p.query}`).join(', ')}`)
    return {
      documents,
      siteBuildMs: site.buildMs,
      pages,
      html: {
        medianGzip: median(pages.map((p) => p.html.gzip)),
        maxGzip: Math.max(...pages.map((p) => p.html.gzip)),
        medianRaw: median(pages.map((p) => p.html.raw)),
        maxRaw: Math.max(...pages.map((p) => p.html.raw)),
      },
      firstVisit: {
        medianGzip: median(pages.map((p) => p.firstVisit.gzip)),
        maxGzip: Math.max(...pages.map((p) => p.firstVisit.gzip)),
      },
    }
  } finally {
    await server.stop()
  }
}
