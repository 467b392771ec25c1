/**
 * Builds the search indexes of a snapshot into a directory. Run as its own process by
 * the site build, so indexing (CPU-bound) overlaps with Astro rendering; one process
 * per locale when a locale is given. The search code is the templates' being rendered
 * (the directory is the first argument).
 *
 * With the live build's search directory, unchanged documents reuse its rows (terms and
 * what results show). With a list of the locale's documents as hashes (a fast update),
 * the snapshot is not even read: the list carries the documents the live build does not
 * have, and the snapshot is parsed only if a row is missing anyway.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { SiteDoc, Snapshot } from '../../cms/model/snapshot'
import { loadTemplates, type TermRow } from './templates'

/** A fast update's list of one locale's searchable documents (their `rowKey`), in order. */
export type SearchList = { hashes: string[]; docs: [key: string, doc: SiteDoc][] }

const [templatesDir, snapshotFile, outDir, previousDir, only, listFile] = process.argv.slice(2)
if (!templatesDir || !snapshotFile || !outDir || (listFile && !only)) {
  console.error('Usage: tsx site/publisher/searchWorker.ts <templates dir> <snapshot.json> <output dir> [<previous search dir>|"" [<locale> [<list.json>]]]')
  process.exit(2)
}
const { buildLocaleIndexWithTerms, indexOfRows, rowKey, searchableIn, termRow } = await loadTemplates(templatesDir)

function previousRows(locale: string): Map<string, TermRow> {
  const file = previousDir && path.join(previousDir, `${locale}.terms.json`)
  if (!file || !fs.existsSync(file)) return new Map()
  return new Map((JSON.parse(fs.readFileSync(file, 'utf8')) as TermRow[]).map((row) => [row[0], row]))
}

let snapshot: Snapshot | undefined
const readSnapshot = () => (snapshot ??= JSON.parse(fs.readFileSync(snapshotFile, 'utf8')) as Snapshot)

function write(locale: string, built: { index: unknown; terms: readonly TermRow[] }): void {
  fs.writeFileSync(path.join(outDir!, `${locale}.json`), JSON.stringify(built.index))
  fs.writeFileSync(path.join(outDir!, `${locale}.terms.json`), JSON.stringify(built.terms))
}

fs.mkdirSync(outDir, { recursive: true })
if (listFile) {
  const list = JSON.parse(fs.readFileSync(listFile, 'utf8')) as SearchList
  const reuse = previousRows(only!)
  const given = new Map(list.docs)
  let fromSnapshot: Map<string, SiteDoc> | undefined
  const rows = list.hashes.map((hash) => {
    const row = reuse.get(hash)
    if (row) return row
    let doc = given.get(hash)
    if (!doc) {
      fromSnapshot ??= new Map((readSnapshot().content[only!]?.docs ?? []).filter(searchableIn(readSnapshot().types)).map((d) => [rowKey(d), d]))
      doc = fromSnapshot.get(hash)
    }
    if (!doc) throw new Error(`Search index (${only}): document ${hash} is neither in the list, the live build's rows nor the snapshot ${snapshotFile}.`)
    return termRow(only!, doc, hash)
  })
  write(only!, { index: indexOfRows(only!, rows), terms: rows })
} else {
  for (const locale of only ? [only] : readSnapshot().locales) {
    write(locale, buildLocaleIndexWithTerms(locale, readSnapshot().content[locale]?.docs ?? [], previousRows(locale), readSnapshot().types))
  }
}
