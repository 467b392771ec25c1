/**
 * Builds the search indexes of a snapshot into a directory. Run as its own process by
 * the site build, so indexing (CPU-bound) overlaps with Astro rendering; one process
 * per locale when a locale is given. With the live build's search directory, documents
 * whose text is unchanged reuse its terms.
 */
import fs from 'node:fs'
import path from 'node:path'

import { buildLocaleIndexWithTerms, type TermRow } from '../site/src/lib/search/indexer'
import type { Snapshot } from '../site/src/lib/types'

const [snapshotFile, outDir, previousDir, only] = process.argv.slice(2)
if (!snapshotFile || !outDir) {
  console.error('Usage: tsx scripts/build-search.ts <snapshot.json> <output dir> [<previous search dir>|"" [<locale>]]')
  process.exit(2)
}

function previousTerms(locale: string): Map<string, TermRow> {
  const file = previousDir && path.join(previousDir, `${locale}.terms.json`)
  if (!file || !fs.existsSync(file)) return new Map()
  return new Map((JSON.parse(fs.readFileSync(file, 'utf8')) as TermRow[]).map((row) => [row[0], row]))
}

const snapshot = JSON.parse(fs.readFileSync(snapshotFile, 'utf8')) as Snapshot
fs.mkdirSync(outDir, { recursive: true })
for (const locale of only ? [only] : snapshot.locales) {
  const { index, terms } = buildLocaleIndexWithTerms(locale, snapshot.content[locale]?.docs ?? [], previousTerms(locale))
  fs.writeFileSync(path.join(outDir, `${locale}.json`), JSON.stringify(index))
  fs.writeFileSync(path.join(outDir, `${locale}.terms.json`), JSON.stringify(terms))
}
