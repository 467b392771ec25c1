import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../../cms/model/env'
import type { OpenSource } from '../../cms/model/source'
import type { Snapshot } from '../../cms/model/snapshot'
import { exportSnapshot, writeSnapshot } from './export'
import { assertFilesPresent, buildStamp, finishBuild, readStamp } from './output'
import { renderFull } from './render'
import { buildSearchInBackground } from './searchIndex'
import { readRouteScheme, templatesDir, templatesHash } from './templates'

export type SiteBuildOptions = {
  outDir?: string
  /** Skip rendering when neither the content nor the site's sources changed. */
  onlyIfStale?: boolean
  snapshotFile?: string
  env?: NodeJS.ProcessEnv
  log?: (line: string) => void
  /** The local database (e.g. `payloadSource(payload)`); not needed with CMS_URL or `snapshot`. */
  source?: OpenSource
  /** Render this snapshot instead of reading the CMS (benchmarks, tests). */
  snapshot?: Snapshot
  /** Aborting kills the build's processes. */
  signal?: AbortSignal
}

export const defaultSiteOutDir = path.join(rootDir, 'site/dist')

/**
 * Builds the public site into a directory of its own, not the build store
 * (`npm run site:build -- --out`, tests, benchmarks): the same pass as a full update
 * (read → snapshot → render → search index), without plan, switch or record.
 */
export async function buildSite(options: SiteBuildOptions = {}) {
  const log = options.log ?? console.log
  const env = options.env ?? process.env
  const outDir = options.outDir ?? defaultSiteOutDir
  const snapshotFile = options.snapshotFile ?? path.join(rootDir, 'data/site/snapshot.json')
  const dir = templatesDir(env)
  const started = Date.now()

  log('[1/3] Reading published content…')
  let snapshot: Snapshot
  if (options.snapshot) {
    snapshot = options.snapshot
    writeSnapshot(snapshotFile, snapshot)
  } else snapshot = await exportSnapshot(snapshotFile, { env, local: options.source, routes: readRouteScheme(dir) })
  const counts = Object.entries(snapshot.content)
    .map(([locale, c]) => `${locale}: ${c.docs.length}`)
    .join(', ')
  log(`      ${counts} documents (${Date.now() - started} ms)`)
  // A snapshot handed in was checked where it was read.
  if (!options.snapshot) assertFilesPresent(snapshot)

  const templates = templatesHash(env)
  const stamp = buildStamp(snapshot, templates)
  if (options.onlyIfStale && readStamp(outDir) === stamp) {
    log('      The site is up to date; nothing to render.')
    return { snapshot, outDir, rendered: false }
  }

  log('[2/3] Rendering pages with Astro (search indexes alongside)…')
  const astroStarted = Date.now()
  const searchDir = `${outDir}.search`
  fs.rmSync(searchDir, { recursive: true, force: true })
  try {
    const startSearch = () => buildSearchInBackground({ templatesDir: dir, locales: snapshot.locales, snapshotFile, dir: searchDir, signal: options.signal })
    await renderFull({ templatesDir: dir, snapshotFile, outDir, env, signal: options.signal, startSearch })
  } catch (error) {
    fs.rmSync(searchDir, { recursive: true, force: true })
    throw error
  }
  log(`      done in ${Math.round((Date.now() - astroStarted) / 100) / 10} s`)

  log('[3/3] Search indexes, images and documents…')
  const copied = finishBuild(outDir, snapshot, templates, stamp, searchDir)
  log(`      ${copied} files. Site built in ${Math.round((Date.now() - started) / 100) / 10} s → ${path.relative(rootDir, outDir)}`)
  return { snapshot, outDir, rendered: true }
}
