import fs from 'node:fs'
import path from 'node:path'

import type { LocaleContent, SiteDoc, Snapshot } from './types'

let cached: Snapshot | undefined

/** The snapshot written by `npm run site:build` before Astro runs (ATVIRA_SNAPSHOT). */
export function snapshot(): Snapshot {
  if (cached) return cached
  const file = path.resolve(process.env.ATVIRA_SNAPSHOT || 'data/site/snapshot.json')
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
