/**
 * Child process for the search benchmark: loads the indexes a server would load and
 * measures memory and query latency in isolation. Run with --expose-gc.
 */
import type { LocaleSearch } from '../../site/templates/src/lib/search/query'
import { SearchService } from '../../site/templates/src/lib/search/query'

const [dir, queriesJson] = process.argv.slice(2)
const gc = (globalThis as { gc?: () => void }).gc
const settle = () => {
  for (let i = 0; i < 3; i++) gc?.()
}

settle()
const before = process.memoryUsage()
const started = Date.now()
const service = new SearchService(dir!)
const engines: Record<string, LocaleSearch> = {}
for (const locale of ['lt', 'en']) engines[locale] = service.get(locale)!
const loadMs = Date.now() - started
settle()
const after = process.memoryUsage()

const queries = JSON.parse(queriesJson!) as [string, string][]
const times: number[] = []
for (let round = 0; round < 3; round++) {
  for (const [locale, q] of queries) {
    const t = process.hrtime.bigint()
    engines[locale]!.search({ q })
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
}
times.sort((a, b) => a - b)
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!
console.log(
  JSON.stringify({
    loadMs,
    heapMB: (after.heapUsed - before.heapUsed) / 1048576,
    rssMB: (after.rss - before.rss) / 1048576,
    rssTotalMB: after.rss / 1048576,
    queries: times.length,
    p50: pct(50),
    p95: pct(95),
    max: times[times.length - 1],
  }),
)
