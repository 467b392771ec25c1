/**
 * `npm run bench [-- search]`: speed and memory targets, measured outside the tests.
 * Results are printed and saved under data/bench/ for docs/benchmarks.md.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { rootDir } from '../cms/lib/env'
import { benchSearch } from './bench/search'

const available = ['search'] as const
const args = process.argv.slice(2)
const unknown = args.filter((a) => !(available as readonly string[]).includes(a))
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}.`)
  process.exit(2)
}
const selected = args.length ? args : [...available]

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`
const out = path.join(rootDir, 'data/bench')
fs.mkdirSync(out, { recursive: true })

const f1 = (n: number) => (Math.round(n * 10) / 10).toString()

if (selected.includes('search')) {
  const r = await benchSearch()
  const ok = (cond: boolean) => (cond ? 'met' : 'MISSED')
  console.log(`
## Search (${r.documents} documents: ${Object.entries(r.perLocale).map(([l, n]) => `${n} ${l}`).join(', ')})
| measure | result | target |
|---|---|---|
| index build | ${Object.entries(r.buildMs).map(([l, ms]) => `${l} ${f1(ms / 1000)} s`).join(', ')} | — |
| index files | ${Object.entries(r.indexBytes).map(([l, b]) => `${l} ${f1(b.raw / 1048576)} MB (${f1(b.gzip / 1048576)} MB gzip)`).join(', ')} | — |
| server memory for all loaded indexes | heap +${f1(r.load.heapMB)} MB, RSS +${f1(r.load.rssMB)} MB (load ${f1(r.load.loadMs / 1000)} s) | ≤ 200 MB: ${ok(r.load.rssMB <= 200 && r.load.heapMB <= 200)} |
| query latency (${r.load.queries} queries) | p50 ${f1(r.load.p50)} ms, p95 ${f1(r.load.p95)} ms, max ${f1(r.load.max)} ms | p95 ≤ 30 ms: ${ok(r.load.p95 <= 30)} |
machine: ${machine}`)
  fs.writeFileSync(path.join(out, 'search.json'), JSON.stringify({ machine, ...r }, null, 2))
}
process.exit(0)
