/**
 * Builds the search indexes of a snapshot into a directory. Run as its own process by
 * the site build, so indexing (CPU-bound) overlaps with Astro rendering.
 */
import fs from 'node:fs'
import path from 'node:path'

import { buildSearchIndexes } from '../site/src/lib/search/indexer'
import type { Snapshot } from '../site/src/lib/types'

const [snapshotFile, outDir] = process.argv.slice(2)
if (!snapshotFile || !outDir) {
  console.error('Usage: tsx scripts/build-search.ts <snapshot.json> <output dir>')
  process.exit(2)
}
const snapshot = JSON.parse(fs.readFileSync(snapshotFile, 'utf8')) as Snapshot
fs.mkdirSync(outDir, { recursive: true })
for (const index of buildSearchIndexes(snapshot)) {
  fs.writeFileSync(path.join(outDir, `${index.locale}.json`), JSON.stringify(index))
}
