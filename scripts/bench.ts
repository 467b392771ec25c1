/**
 * `npm run bench [-- search] [pagefind] [publish] [newsletter] [api]`: speed, memory and size targets, measured outside
 * the tests, and Atvira's search beside Pagefind.
 * Results are printed and saved under data/bench/ for docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { rootDir, settings } from '../cms/model/env'
import { benchApi } from './bench/api'
import { benchNewsletter } from './bench/newsletter'
import { benchPagefind, type SiteComparison } from './bench/pagefind'
import { benchPublish } from './bench/publish'
import { benchSearch } from './bench/search'
import { benchSearchPage } from './bench/search-page'

const available = ['search', 'pagefind', 'publish', 'newsletter', 'api'] as const
const args = process.argv.slice(2)
const unknown = args.filter((a) => !(available as readonly string[]).includes(a))
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}.`)
  process.exit(2)
}
const selected = args.length ? args : [...available]
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`
const out = path.join(rootDir, 'data/bench')
fs.mkdirSync(out, { recursive: true })

const f1 = (n: number) => (Math.round(n * 10) / 10).toString()
const kb = (bytes: number) => `${f1(bytes / 1024)} KB`

if (selected.includes('search')) {
  const r = await benchSearch()
  const page = await benchSearchPage(r.documents)
  const ok = (cond: boolean) => (cond ? 'met' : 'MISSED')
  console.log(`
## Search (${r.documents} documents: ${Object.entries(r.perLocale).map(([l, n]) => `${n} ${l}`).join(', ')})
| measure | result | target |
|---|---|---|
| index build | ${Object.entries(r.buildMs).map(([l, ms]) => `${l} ${f1(ms / 1000)} s`).join(', ')} | — |
| index files | ${Object.entries(r.indexBytes).map(([l, b]) => `${l} ${f1(b.raw / 1048576)} MB (${f1(b.gzip / 1048576)} MB gzip)`).join(', ')} | — |
| server memory for all loaded indexes | heap +${f1(r.load.heapMB)} MB; RSS +${f1(r.load.rssMB)} MB, process RSS ${f1(r.load.rssTotalMB)} MB (load ${f1(r.load.loadMs / 1000)} s) | ≤ 200 MB, on the heap the indexes hold: ${ok(r.load.heapMB <= 200)} (RSS: ${ok(r.load.rssMB <= 200)}) |
| query latency (${r.load.queries} queries) | p50 ${f1(r.load.p50)} ms, p95 ${f1(r.load.p95)} ms, max ${f1(r.load.max)} ms | p95 ≤ 30 ms: ${ok(r.load.p95 <= 30)} |
| results page HTML, gzip (${page.pages.length} pages) | median ${kb(page.html.medianGzip)}, max ${kb(page.html.maxGzip)} (uncompressed median ${kb(page.html.medianRaw)}) | ≤ 15 KB: ${ok(page.html.maxGzip <= 15 * 1024)} |
| results page + CSS + JS (first visit), gzip | median ${kb(page.firstVisit.medianGzip)}, max ${kb(page.firstVisit.maxGzip)} | ≤ 15 KB: ${ok(page.firstVisit.maxGzip <= 15 * 1024)} |
machine: ${machine}`)
  fs.writeFileSync(path.join(out, 'search.json'), JSON.stringify({ machine, ...r, resultsPage: page }, null, 2))
}

if (selected.includes('pagefind')) {
  const r = await benchPagefind()
  const sites = [r.corpus, r.demo]
  const row = (label: string, cell: (s: SiteComparison) => string) => `| ${label} | ${sites.map(cell).join(' | ')} |`
  const kind = (s: SiteComparison, k: string) => {
    const xs = s.firstQueries.map((q) => q.pagefind.byKind[k]?.gzip ?? 0).sort((a, b) => a - b)
    return xs[Math.floor(xs.length / 2)]!
  }
  const recallRow = (locale: string) => {
    const b = r.recall.byLocale[locale]!
    return `| ${locale} (${b.rows} rows) | ${b.atvira}/${b.rows} | ${b.pagefind}/${b.rows} |`
  }
  const misses = r.recall.rows.filter((x) => !x.atviraHit || !x.pagefindHit)
  console.log(`
## Pagefind beside Atvira (same built sites; first query = empty browser cache; gzip as a server would send it)
| | ${sites.map((s) => s.site).join(' | ')} |
|---|---|---|
${row('HTML pages Pagefind indexed', (s) => String(s.pagefindIndex.pages))}
${row('Pagefind indexing time', (s) => `${f1(s.pagefindIndex.ms / 1000)} s`)}
${row('Pagefind files written', (s) => `${f1(s.pagefindIndex.bytes / 1048576)} MB in ${s.pagefindIndex.files} files`)}
${row(`first query (${r.corpus.firstQueries.length} queries, lt and en): Atvira results page HTML`, (s) => `median ${kb(s.summary.atviraHtmlGzip.median)}, max ${kb(s.summary.atviraHtmlGzip.max)}`)}
${row('first query: Atvira results page + CSS + JS', (s) => `median ${kb(s.summary.atviraFirstVisitGzip.median)}, max ${kb(s.summary.atviraFirstVisitGzip.max)}`)}
${row('first query: Pagefind, everything fetched for search + 5 results', (s) => `median ${kb(s.summary.pagefindGzip.median)}, max ${kb(s.summary.pagefindGzip.max)}`)}
${row('… of which wasm / JS (main + worker) / meta / index chunks / fragments (medians)', (s) => `${kb(kind(s, 'wasm'))} / ${kb(kind(s, 'pagefind.js') + kind(s, 'worker'))} / ${kb(kind(s, 'meta'))} / ${kb(kind(s, 'index chunks'))} / ${kb(kind(s, 'fragments'))}`)}

Relevance table (tests/fixtures/relevance.ts) on the demo city: expected title in the top 3
| rows | Atvira | Pagefind |
|---|---|---|
${Object.keys(r.recall.byLocale).map(recallRow).join('\n')}
${misses.map((x) => `- [${x.locale}] "${x.query}" → "${x.expected}" (${x.note}): ${!x.atviraHit ? `Atvira missed (${JSON.stringify(x.atvira)})` : ''}${!x.atviraHit && !x.pagefindHit ? '; ' : ''}${!x.pagefindHit ? `Pagefind missed (${JSON.stringify(x.pagefind)})` : ''}`).join('\n')}
machine: ${machine}`)
  fs.writeFileSync(path.join(out, 'pagefind.json'), JSON.stringify({ machine, ...r }, null, 2))
}

if (selected.includes('publish')) {
  // BENCH_PUBLISH_DOCUMENTS: a smaller CMS to check the benchmark itself (the target is at 10,000).
  const documents = settings().BENCH_PUBLISH_DOCUMENTS
  const r = await benchPublish(documents, 5)
  const p50 = (c: keyof typeof r.samples) => median(r.samples[c])
  const s = (ms: number) => `${f1(ms / 1000)} s`
  const target = (ms: number) => (ms <= 5_000 ? 'met, stretch 5 s met' : ms <= 15_000 ? 'met (stretch 5 s: missed)' : 'MISSED')
  const row = (c: keyof typeof r.samples, label: string) =>
    `| ${label}, ${r.samples[c].length} warm samples | p50 **${s(p50(c))}** (${r.samples[c].map(s).join(', ')}) | p50 ≤ 15 s: ${target(p50(c))} |`
  console.log(`
## Publish → live (${r.documents} generated news articles in lt and en, ${r.pages} pages)
| measure | result | target |
|---|---|---|
${row('publish', 'publish a new article (publish call returned → its page served)')}
${row('edit', 'edit a published article\'s title (→ the new title served)')}
${row('unpublish', 'unpublish an article (→ its page answers 404)')}
| cold: the runner's first update after it started (an edit) | ${s(r.coldMs)} | — |
| full build (read the CMS, render every page, search indexes) | ${s(r.fullBuildMs)} | — |
| Astro floor (the same pages from the snapshot JSON) | ${s(r.floorMs)} | — |

What each update did (mode, build time, detail from the build status view):
- cold: ${r.coldDetail}
${(['publish', 'edit', 'unpublish'] as const).map((c) => r.details[c].map((d, i) => `- ${c} ${i + 1}: ${d}`).join('\n')).join('\n')}
machine: ${machine}`)
  fs.writeFileSync(path.join(out, documents === 10_000 ? 'publish.json' : `publish-${documents}.json`), JSON.stringify({ machine, ...r }, null, 2))
}

if (selected.includes('api') && selected.length > 1) {
  // Its own process, as the newsletter one: it opens Payload on a database of its own.
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts/bench.ts'), 'api'], { stdio: 'inherit' })
  if (child.status !== 0) process.exitCode = child.status ?? 1
} else if (selected.includes('api')) {
  const r = await benchApi()
  const ms = (n: number) => `${Math.round(n)} ms`
  const ok = (cond: boolean) => (cond ? 'met' : 'MISSED')
  const codes = (s: Record<string, number>) => Object.entries(s).map(([c, n]) => `${n} × ${c}`).join(', ')
  const lat = (l: { p50: number; p95: number; p99: number; count: number }) => `p50 ${ms(l.p50)}, p95 **${ms(l.p95)}**, p99 ${ms(l.p99)} (${l.count})`
  const u = r.unlimited
  const l = r.limited
  console.log(`
## API under load (/api/news?limit=10, anonymous, ${r.documents} published news, 50 connections × ${l.seconds} s, autocannon on loopback)
| measure | result | target |
|---|---|---|
| one request at a time, no load | ${lat(r.single)} | — |
| flood, limits off (as before): all answers | ${lat(u.all)}; ${Math.round(u.requestsPerSecond)} req/s; ${u.timeouts} timeouts; ${codes(u.statuses)} | — |
| flood, limits on: all answers | ${lat(l.all)}; ${Math.round(l.requestsPerSecond)} req/s; ${l.timeouts} timeouts; ${codes(l.statuses)} | p95 ≤ 50 ms: ${ok(l.all.p95 <= 50)} |
| … of which 200 | ${lat(l.ok)} | — |
| … of which refused (429) | ${lat(l.refused)} | answered before it degrades: ${ok(l.refused.p95 <= 50 && l.timeouts === 0)} |
| meanwhile, another anonymous client (one request at a time) | ${lat(l.otherClient)}; ${codes(l.otherClient.statuses)} | served |
| meanwhile, a signed-in editor (one request at a time) | ${lat(l.staff)}; ${codes(l.staff.statuses)} | served |
machine: ${machine}`)
  fs.writeFileSync(path.join(out, 'api.json'), JSON.stringify({ machine, ...r }, null, 2))
}

if (selected.includes('newsletter') && selected.length > 1) {
  // Its own process: it opens Payload on a database of its own, and the config (read
  // from the environment once per process) may already belong to another benchmark.
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts/bench.ts'), 'newsletter'], { stdio: 'inherit' })
  if (child.status !== 0) process.exitCode = child.status ?? 1
} else if (selected.includes('newsletter')) {
  const r = await benchNewsletter()
  const ok = (cond: boolean) => (cond ? 'met' : 'MISSED')
  const rawMean = (r.raw[0]!.rate + r.raw[1]!.rate) / 2
  console.log(`
## Newsletter (${r.subscribers} confirmed subscribers, one daily digest each, ${kb(r.messageBytes)} a message)
| measure | result | target |
|---|---|---|
| digest built (outbox rows queued) | ${f1(r.digestBuildMs / 1000)} s | — |
| nodemailer raw pooled sending (${r.raw[0]!.messages} messages, before / after) | ${r.raw.map((x) => `${Math.round(x.rate)} msg/s`).join(' / ')} | — |
| dispatcher (claims, sends, marks every row) | ${Math.round(r.atvira.rate)} msg/s (${f1(r.atvira.seconds)} s; ${f1(r.atvira.wallSeconds)} s with process start) | ≥ 70 % of raw: ${ok(r.ratio >= 0.7)} |
| ratio dispatcher / raw (mean of both raw runs, ${Math.round(rawMean)} msg/s) | ${f1(r.ratio * 100)} % | ≥ 70 % |
| dispatcher peak RSS | ${f1(r.atvira.maxRssMB)} MB | ≤ 300 MB: ${ok(r.atvira.maxRssMB <= 300)} |
machine: ${machine}`)
  fs.writeFileSync(path.join(out, 'newsletter.json'), JSON.stringify({ machine, ...r }, null, 2))
}
// Open handles (Payload, pools) would keep the process alive.
process.exit(process.exitCode ?? 0)
