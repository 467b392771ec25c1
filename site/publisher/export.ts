import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { getDateLocales, getTimeZone } from '../../cms/model/locales'
import { settings } from '../../cms/model/env'
import { documentHash, hashDocument } from '../../cms/model/docHash'
import { useRouteScheme, type RouteScheme } from '../../cms/model/routes'
import { buildSnapshot } from './snapshot'
import { openContentSource } from './source'
import type { OpenSource } from '../../cms/model/source'
import type { Snapshot } from '../../cms/model/snapshot'

/**
 * Reads the CMS once and writes the snapshot the Astro build renders from: through the
 * REST source when CMS_URL is set, else through `local` (the caller's database). With
 * `reuse`, the local source may keep documents read before (a full build reads all).
 * Documents' URLs follow the templates' URL scheme, applied for the read and written
 * into the snapshot for the templates.
 */
export async function exportSnapshot(
  outFile: string,
  options: { env?: NodeJS.ProcessEnv; local?: OpenSource; reuse?: boolean; routes?: RouteScheme } = {},
): Promise<Snapshot> {
  const env = options.env
  const source = await openContentSource(env, options.local, { reuse: options.reuse === true })
  useRouteScheme(options.routes)
  try {
    const snapshot = await buildSnapshot(source, {
      siteUrl: settings(env).SITE_URL,
      timeZone: getTimeZone(),
      dateLocales: getDateLocales(),
    })
    if (options.routes && Object.keys(options.routes).length) snapshot.routes = options.routes
    writeSnapshot(outFile, snapshot)
    return snapshot
  } finally {
    await source.close()
  }
}

/**
 * Writes the snapshot, each document serialised once for both the file and its hash
 * (the plan of the next update and the build stamp need them): ~100 MB at 10,000
 * documents, so a second serialisation is worth avoiding.
 */
export function writeSnapshot(outFile: string, snapshot: Snapshot): void {
  const { content, ...rest } = snapshot
  const locales = Object.entries(content).map(([locale, { docs, ...other }]) => {
    const shell = JSON.stringify({ ...other, docs: 0 })
    return `${JSON.stringify(locale)}:${shell.slice(0, -2)}[${docs.map((d) => hashDocument(d)).join(',')}]}`
  })
  const shell = JSON.stringify({ ...rest, content: 0 })
  fs.mkdirSync(path.dirname(outFile), { recursive: true })
  const tmp = `${outFile}.tmp`
  fs.writeFileSync(tmp, `${shell.slice(0, -2)}{${locales.join(',')}}}`)
  fs.renameSync(tmp, outFile)
}

/** Hash of everything in the snapshot but the export time. */
export function snapshotContentHash(snapshot: Snapshot): string {
  const { generatedAt: _ignored, content, ...rest } = snapshot
  const hash = crypto.createHash('sha256').update(JSON.stringify(rest))
  for (const [locale, { docs, ...other }] of Object.entries(content)) {
    hash.update(`\0${locale}\0${JSON.stringify(other)}`)
    for (const d of docs) hash.update(documentHash(d))
  }
  return hash.digest('hex')
}
