import fs from 'node:fs'
import path from 'node:path'

import type { Snapshot } from '../../cms/model/snapshot'
import { snapshotContentHash } from './export'
import { runtimeSnapshot } from './runtime'
import { searchProblems } from './searchIndex'
import { writeServerHash } from './store'
import type { Templates } from './templates'

/** The files of a build beside its pages: search indexes, runtime snapshot, images and documents, stamps. */

/**
 * Writes a file by replacing it: a fast build's directory shares unchanged files with
 * the live build (hard links), and writing through a link would change the live site.
 */
export function replaceFile(file: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.rmSync(file, { force: true })
  fs.writeFileSync(file, data)
}

export function replaceWithCopy(source: string, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.rmSync(target, { force: true })
  fs.copyFileSync(source, target)
  // A build is public (a web server may serve it as another user); uploads are kept 0600.
  fs.chmodSync(target, 0o644)
}

/** Everything after rendering, shared by full and fast builds: the search indexes move in from `searchDir`. Returns files copied. */
export function finishBuild(outDir: string, snapshot: Snapshot, templatesHash: string, stamp: string, searchDir: string): number {
  const target = path.join(outDir, 'search')
  fs.rmSync(target, { recursive: true, force: true })
  fs.renameSync(searchDir, target)
  // On-demand pages need the header and footer and a few documents, not every body.
  replaceFile(path.join(outDir, 'runtime-snapshot.json'), JSON.stringify(runtimeSnapshot(snapshot)))
  // Images and documents: exactly those the published content uses.
  const wanted = new Set(Object.keys(snapshot.files))
  for (const dir of ['media', 'files']) {
    const abs = path.join(outDir, 'client', dir)
    if (!fs.existsSync(abs)) continue
    for (const name of fs.readdirSync(abs)) if (!wanted.has(`/${dir}/${name}`)) fs.rmSync(path.join(abs, name), { force: true })
  }
  let copied = 0
  for (const [publicPath, source] of Object.entries(snapshot.files)) {
    const target = path.join(outDir, 'client', publicPath)
    if (fs.existsSync(target) && fs.statSync(target).size === fs.statSync(source).size) continue
    replaceWithCopy(source, target)
    copied++
  }
  writeServerHash(outDir, templatesHash)
  replaceFile(path.join(outDir, '.atvira-build'), stamp)
  return copied
}

/**
 * Every image and document the published content uses must be there to be copied into
 * the build: checked before rendering, so a missing file fails in a second, saying why.
 */
export function assertFilesPresent(snapshot: Snapshot): void {
  const missing = Object.entries(snapshot.files).filter(([, source]) => !fs.existsSync(source))
  if (missing.length === 0) return
  const [publicPath, source] = missing[0]!
  throw new Error(
    `${missing.length} file(s) used by published content are missing, e.g. ${publicPath}: not at ${source}. ` +
      'With uploads on object storage (no files in MEDIA_DIR), set CMS_URL (and CMS_API_KEY) for the job runner so builds download them from the CMS (docs/production.md).',
  )
}

/** Content (minus the export time) plus the templates that render it (`templatesHash`). */
export function buildStamp(snapshot: Snapshot, templatesHash: string): string {
  return `${templatesHash}:${snapshotContentHash(snapshot)}`
}

export function readStamp(dir: string): string | undefined {
  try {
    return fs.readFileSync(path.join(dir, '.atvira-build'), 'utf8')
  } catch {
    return undefined
  }
}

/**
 * What a build lacks to be served: its search index for every locale (present and
 * readable; `deep` parses each), the runtime snapshot, the code of the dynamic routes.
 * A build cut short or damaged on disk is built again in full instead of being called
 * up to date or patched by the fast path (which reuses the live indexes).
 */
export function buildProblems(templates: Templates, dir: string, locales: string[], { deep = true }: { deep?: boolean } = {}): string[] {
  const problems = searchProblems(templates, dir, locales, { deep })
  for (const file of [...locales.map((l) => `search/${l}.terms.json`), 'runtime-snapshot.json', 'server/entry.mjs', 'client/index.html']) {
    if (!fs.existsSync(path.join(dir, file))) problems.push(`${file} is missing`)
  }
  return problems
}

export function countPages(dir: string): number {
  let n = 0
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name))
      else if (e.name.endsWith('.html')) n++
    }
  }
  if (fs.existsSync(path.join(dir, 'client'))) walk(path.join(dir, 'client'))
  return n
}
