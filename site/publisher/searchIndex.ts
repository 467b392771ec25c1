import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../../cms/model/env'
import type { Snapshot } from '../../cms/model/snapshot'
import type { PlanIndex } from './plan'
import { run } from './processes'
import type { SearchList } from './searchWorker'
import type { Templates } from './templates'

/**
 * The search indexes of a build, one per locale, made with the search code of the
 * templates being rendered. CPU-bound like rendering: built by child processes while
 * Astro runs, into a directory beside the build (Astro empties its output directory).
 */

/** Per locale, the two files of its index. */
export const searchFiles = (locale: string) => [`${locale}.json`, `${locale}.terms.json`]

export async function buildSearchInBackground(options: {
  templatesDir: string
  locales: string[]
  snapshotFile: string
  dir: string
  /** The live build's search directory: unchanged documents reuse its rows. */
  previousDir?: string
  signal?: AbortSignal
  /** Per locale: its list of documents as hashes (see searchWorker.ts), so the snapshot is not read. */
  lists?: Record<string, string>
}): Promise<void> {
  const { dir, lists = {} } = options
  for (const locale of options.locales) for (const f of searchFiles(locale)) fs.rmSync(path.join(dir, f), { force: true })
  // One process per locale: after Astro is done, they have both cores. A larger young
  // generation: indexing makes millions of short-lived objects.
  const script = path.join(rootDir, 'site/publisher/searchWorker.ts')
  const results = await Promise.allSettled(
    options.locales.map((locale) =>
      run(
        process.execPath,
        ['--max-semi-space-size=64', '--import', 'tsx', script, options.templatesDir, options.snapshotFile, dir, options.previousDir ?? '', locale, ...(lists[locale] ? [lists[locale]] : [])],
        { capture: true, signal: options.signal },
      ),
    ),
  )
  const failed = results.find((r) => r.status === 'rejected')
  if (failed) throw failed.reason
}

/**
 * The search indexes of a fast update: a locale whose documents are all as in the live
 * build keeps its index (linked); the others are built again, reusing unchanged
 * documents' terms, from a list of hashes (`writeSearchList`).
 */
export function buildSearchForUpdate(options: {
  templates: Templates
  templatesDir: string
  snapshot: Snapshot
  snapshotFile: string
  liveDir: string
  dir: string
  /** Where the lists are written (beside the build). */
  listPrefix: string
  before?: PlanIndex | null
  after?: PlanIndex
  signal?: AbortSignal
}): Promise<void> {
  const { snapshot, before, after, dir } = options
  const liveSearch = path.join(options.liveDir, 'search')
  const same = (l: string) =>
    before?.search?.[l] !== undefined && before.search[l] === after?.search[l] && searchFiles(l).every((f) => fs.existsSync(path.join(liveSearch, f)))
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  for (const l of snapshot.locales.filter(same)) for (const f of searchFiles(l)) fs.linkSync(path.join(liveSearch, f), path.join(dir, f))
  const changed = snapshot.locales.filter((l) => !same(l))
  const lists = before ? Object.fromEntries(changed.map((l) => [l, writeSearchList(options.templates, snapshot, l, before, `${options.listPrefix}${l}.json`)])) : {}
  const listFiles = Object.values(lists)
  // The lists live as long as the search processes that read them.
  return (
    changed.length
      ? buildSearchInBackground({ templatesDir: options.templatesDir, locales: changed, snapshotFile: options.snapshotFile, dir, previousDir: liveSearch, signal: options.signal, lists })
      : Promise.resolve()
  ).finally(() => {
    for (const file of listFiles) fs.rmSync(file, { force: true })
  })
}

/**
 * A locale's searchable documents as hashes, with in full only those the live build
 * does not have: its search process then reads a few kilobytes, not the snapshot.
 */
function writeSearchList(templates: Templates, snapshot: Snapshot, locale: string, before: PlanIndex, file: string): string {
  const live = new Set(Object.entries(before.docs).filter(([key]) => key.startsWith(`${locale} `)).map(([, hash]) => templates.rowKeyOfHash(hash)))
  const docs = (snapshot.content[locale]?.docs ?? []).filter(templates.searchableIn(snapshot.types))
  const hashes = docs.map((d) => templates.rowKey(d))
  const list: SearchList = { hashes, docs: docs.flatMap((d, i) => (live.has(hashes[i]!) ? [] : [[hashes[i]!, d] as [string, typeof d]])) }
  fs.writeFileSync(file, JSON.stringify(list))
  return file
}

/** What a build lacks in its search indexes, per locale (present and readable; `deep` parses each). */
export function searchProblems(templates: Templates, dir: string, locales: string[], { deep = true }: { deep?: boolean } = {}): string[] {
  return locales.map((l) => templates.searchIndexProblem(path.join(dir, 'search'), l, { deep })).filter((p): p is string => p !== null)
}
