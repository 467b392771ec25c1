import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { rootDir } from '../../cms/model/env'
import { fold } from '../../site/templates/src/lib/search/languages'
import { buildLocaleIndex } from '../../site/templates/src/lib/search/indexer'
import { generateCorpus, rng, vocabulary } from './corpus'

export type SearchBench = {
  documents: number
  perLocale: Record<string, number>
  buildMs: Record<string, number>
  indexBytes: Record<string, { raw: number; gzip: number }>
  load: { loadMs: number; heapMB: number; rssMB: number; rssTotalMB: number; queries: number; p50: number; p95: number; max: number }
}

/** 10,000 generated documents over lt and en: build time, memory, query latency. */
export async function benchSearch(documents = 10_000, log = console.log): Promise<SearchBench> {
  log(`Generating ${documents} documents…`)
  const corpus = generateCorpus({ documents })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-bench-search-'))
  const buildMs: Record<string, number> = {}
  const indexBytes: Record<string, { raw: number; gzip: number }> = {}
  const perLocale: Record<string, number> = {}
  for (const locale of corpus.locales) {
    const docs = corpus.content[locale]!.docs
    perLocale[locale] = docs.length
    log(`Indexing ${docs.length} ${locale} documents…`)
    const t = Date.now()
    const index = buildLocaleIndex(locale, docs)
    const json = JSON.stringify(index)
    buildMs[locale] = Date.now() - t
    fs.writeFileSync(path.join(dir, `${locale}.json`), json)
    indexBytes[locale] = { raw: json.length, gzip: zlib.gzipSync(json).length }
  }

  // Queries: two-word combinations from the same vocabulary, half without diacritics.
  const random = rng(7)
  const queries: [string, string][] = []
  for (const locale of corpus.locales) {
    const words = vocabulary(locale).filter((w) => w.length > 3)
    for (let i = 0; i < 150; i++) {
      const q = `${words[Math.floor(random() * words.length)]} ${words[Math.floor(random() * words.length)]}`
      queries.push([locale, i % 2 ? fold(q) : q])
    }
    for (let i = 0; i < 50; i++) queries.push([locale, `${words[Math.floor(random() * words.length)]}x`])
  }

  log('Loading the indexes in a fresh process and querying…')
  const res = spawnSync(
    process.execPath,
    // --import keeps tsx in this process, so --expose-gc reaches the measured code.
    ['--expose-gc', '--import', 'tsx', path.join(rootDir, 'scripts/bench/search-load.ts'), dir, JSON.stringify(queries)],
    { cwd: rootDir, encoding: 'utf8', maxBuffer: 10 * 1024 * 1024 },
  )
  if (res.status !== 0) throw new Error(`search-load failed: ${res.stderr}`)
  const load = JSON.parse(res.stdout.trim().split('\n').pop()!) as SearchBench['load']
  fs.rmSync(dir, { recursive: true, force: true })
  return { documents, perLocale, buildMs, indexBytes, load }
}
