import fs from 'node:fs'
import path from 'node:path'

import type { LocaleContent, SiteDoc, Snapshot } from './types'

let cached: Snapshot | undefined

/**
 * At build time: the snapshot `npm run site:build` wrote (ATVIRA_SNAPSHOT). On the
 * server, on-demand pages read the small runtime snapshot (settings and alerts, no
 * documents) that the build put beside the server entry.
 */
function snapshotFile(): string {
  if (process.env.ATVIRA_SNAPSHOT) return path.resolve(process.env.ATVIRA_SNAPSHOT)
  const entry = process.argv[1]
  if (entry) {
    const runtime = path.resolve(path.dirname(entry), '../runtime-snapshot.json')
    if (fs.existsSync(runtime)) return runtime
  }
  return path.resolve('data/site/snapshot.json')
}

export function snapshot(): Snapshot {
  if (cached) return cached
  const file = snapshotFile()
  if (!fs.existsSync(file)) {
    throw new Error(`No content snapshot at ${file}: build the site with \`npm run site:build\`.`)
  }
  cached = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot
  return cached
}

export function localeContent(locale: string): LocaleContent {
  const c = snapshot().content[locale]
  if (!c) throw new Error(`The snapshot has no content for locale "${locale}".`)
  return c
}

export function docsOf<C extends SiteDoc['collection']>(locale: string, collection: C): Extract<SiteDoc, { collection: C }>[] {
  return localeContent(locale).docs.filter((d): d is Extract<SiteDoc, { collection: C }> => d.collection === collection)
}
