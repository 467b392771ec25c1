import type { Payload } from 'payload'
import fs from 'node:fs'
import path from 'node:path'

import { rootDir, settings } from '../../cms/model/env'
import { exportSnapshot, snapshotContentHash, writeSnapshot } from './export'
import { runtimeSnapshot } from './runtime'
import { buildSearchIndexes } from '../templates/src/lib/search/indexer'
import type { Snapshot } from '../../cms/model/snapshot'
import { run, treeHash } from './processes'
import { writeServerHash } from '../server/siteServer'

export type SiteBuildOptions = {
  outDir?: string
  /** Skip rendering when neither the content nor the site's sources changed. */
  onlyIfStale?: boolean
  snapshotFile?: string
  env?: NodeJS.ProcessEnv
  log?: (line: string) => void
  /** Read through this Payload instead of opening (and closing) one. */
  payload?: Payload
  /** Render this snapshot instead of reading the CMS (benchmarks, previews). */
  snapshot?: Snapshot
  /** Aborting kills the build's processes. */
  signal?: AbortSignal
}

export const defaultSiteOutDir = path.join(rootDir, 'site/dist')

/**
 * The Astro project that renders the site: `site/` unless ATVIRA_TEMPLATES_DIR points
 * at a city's own copy (with its `public/` beside it, as in the repository).
 */
export function templatesDir(env?: NodeJS.ProcessEnv): string {
  return settings(env).ATVIRA_TEMPLATES_DIR
}

/**
 * The static files (styles, scripts, icons) the templates ship: a copy's own `public/`
 * when it has one, the installation's otherwise.
 */
export function publicDirOf(dir: string): string {
  const own = path.join(dir, 'public')
  return fs.existsSync(own) ? own : path.join(rootDir, 'public')
}

/**
 * Builds the public site: reads published content once into a snapshot, renders it
 * with Astro, then copies the images and documents the pages use.
 */
export async function buildSite(options: SiteBuildOptions = {}) {
  const log = options.log ?? console.log
  const env = options.env ?? process.env
  const outDir = options.outDir ?? defaultSiteOutDir
  const snapshotFile = options.snapshotFile ?? path.join(rootDir, 'data/site/snapshot.json')
  const started = Date.now()

  log('[1/3] Reading published content…')
  let snapshot: Snapshot
  if (options.snapshot) {
    snapshot = options.snapshot
    writeSnapshot(snapshotFile, snapshot)
  } else snapshot = await exportSnapshot(snapshotFile, env, options.payload)
  const counts = Object.entries(snapshot.content)
    .map(([locale, c]) => `${locale}: ${c.docs.length}`)
    .join(', ')
  log(`      ${counts} documents (${Date.now() - started} ms)`)
  // A snapshot handed in was checked where it was read (publishSite does, for both paths).
  if (!options.snapshot) assertFilesPresent(snapshot)

  const templates = templatesHash(env)
  const stamp = buildStamp(snapshot, templates)
  const previousStamp = path.join(outDir, '.atvira-build')
  if (options.onlyIfStale && fs.existsSync(previousStamp) && fs.readFileSync(previousStamp, 'utf8') === stamp) {
    log('      The site is up to date; nothing to render.')
    return { snapshot, outDir, rendered: false }
  }

  log('[2/3] Rendering pages with Astro (search indexes alongside)…')
  const astroStarted = Date.now()
  const searchDir = `${outDir}.search`
  fs.rmSync(searchDir, { recursive: true, force: true })
  const search = buildSearchInBackground(snapshot.locales, snapshotFile, searchDir, '', options.signal)
  try {
    await run(process.execPath, [path.join(rootDir, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', templatesDir(env), '--silent'], {
      env: { ...env, ATVIRA_PUBLIC_DIR: publicDirOf(templatesDir(env)), ATVIRA_SNAPSHOT: snapshotFile, ATVIRA_SITE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      capture: true,
      signal: options.signal,
    })
  } catch (error) {
    await search.catch(() => {})
    fs.rmSync(searchDir, { recursive: true, force: true })
    throw error
  }
  await search
  log(`      done in ${Math.round((Date.now() - astroStarted) / 100) / 10} s`)

  log('[3/3] Search indexes, images and documents…')
  const copied = finishBuild(outDir, snapshot, templates, stamp, searchDir)
  log(`      ${copied} files. Site built in ${Math.round((Date.now() - started) / 100) / 10} s → ${path.relative(rootDir, outDir)}`)
  return { snapshot, outDir, rendered: true }
}

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

/**
 * Search indexes are CPU-bound like rendering: built by a child process while Astro
 * runs, into a directory beside the build (Astro empties its output directory).
 */
export async function buildSearchInBackground(
  locales: string[],
  snapshotFile: string,
  dir: string,
  previousDir = '',
  signal?: AbortSignal,
  /** Per locale: its list of documents as hashes (see searchWorker.ts), so the snapshot is not read. */
  lists: Record<string, string> = {},
): Promise<void> {
  for (const locale of locales) for (const f of [`${locale}.json`, `${locale}.terms.json`]) fs.rmSync(path.join(dir, f), { force: true })
  // One process per locale: after Astro is done, they have both cores. A larger young
  // generation: indexing makes millions of short-lived objects.
  const script = path.join(rootDir, 'site/publisher/searchWorker.ts')
  const results = await Promise.allSettled(
    locales.map((locale) =>
      run(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', script, snapshotFile, dir, previousDir, locale, ...(lists[locale] ? [lists[locale]] : [])], {
        capture: true,
        signal,
      }),
    ),
  )
  const failed = results.find((r) => r.status === 'rejected')
  if (failed) throw failed.reason
}

/** Everything after rendering, shared by full and fast builds. Returns files copied. */
export function finishBuild(outDir: string, snapshot: Snapshot, templates: string, stamp: string, searchDir?: string): number {
  const target = path.join(outDir, 'search')
  if (searchDir) {
    fs.rmSync(target, { recursive: true, force: true })
    fs.renameSync(searchDir, target)
  } else {
    for (const index of buildSearchIndexes(snapshot)) {
      replaceFile(path.join(target, `${index.locale}.json`), JSON.stringify(index))
    }
  }
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
  fs.rmSync(path.join(outDir, 'server-hash'), { force: true })
  writeServerHash(outDir, templates)
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

/** The templates, styles and dependencies that turn content into pages. */
export function templatesHash(env?: NodeJS.ProcessEnv): string {
  const dir = templatesDir(env)
  return treeHash([path.join(dir, 'src'), path.join(dir, 'astro.config.mjs'), publicDirOf(dir), path.join(rootDir, 'cms/model'), 'package-lock.json'])
}

/** Content (minus the export time) plus the templates that render it (`templatesHash`). */
export function buildStamp(snapshot: Snapshot, templates: string): string {
  return `${templates}:${snapshotContentHash(snapshot)}`
}
