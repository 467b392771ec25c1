import fs from 'node:fs'
import path from 'node:path'

import { handoff } from '@atvira/model/env'
import { useRouteScheme } from '@atvira/model/routes'
import type { LocaleContent, SiteDoc, Snapshot } from '@atvira/model/snapshot'

let cached: { file: string; snapshot: Snapshot } | undefined

/**
 * At build time: the snapshot `npm run site:build` wrote (ATVIRA_SNAPSHOT). On the
 * server, on-demand pages read the small runtime snapshot (settings and alerts, no
 * documents) of the live build.
 */
function snapshotFile(): string {
  const { ATVIRA_SNAPSHOT, ATVIRA_SITE_DIR } = handoff()
  if (ATVIRA_SNAPSHOT) return path.resolve(ATVIRA_SNAPSHOT)
  // The site server: the live build, looked up on each request (it changes on publish).
  if (ATVIRA_SITE_DIR) return path.join(fs.realpathSync(ATVIRA_SITE_DIR), 'runtime-snapshot.json')
  return path.resolve('data/site/snapshot.json')
}

export function snapshot(): Snapshot {
  const file = snapshotFile()
  if (cached?.file === file) return cached.snapshot
  if (!fs.existsSync(file)) {
    throw new Error(`No content snapshot at ${file}: build the site with \`npm run site:build\`.`)
  }
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot
  cached = { file, snapshot: data }
  // The URL scheme the snapshot's URLs were made with (the templates' src/routes.json).
  useRouteScheme(data.routes)
  return data
}

/** A snapshot already in memory stands for its file (the publisher plans from it). */
export function useSnapshot(file: string, data: Snapshot): void {
  cached = { file: path.resolve(file), snapshot: data }
  useRouteScheme(data.routes)
}

export function localeContent(locale: string): LocaleContent {
  const c = snapshot().content[locale]
  if (!c) throw new Error(`The snapshot has no content for locale "${locale}".`)
  return c
}

const byCollection = new WeakMap<LocaleContent, Map<string, SiteDoc[]>>()

/**
 * A locale's documents of one collection, in snapshot order. Memoised per snapshot:
 * templates ask on every page (the footer's pages), and filtering 10,000 documents
 * each time made building a large site quadratic. Callers must not change the array.
 */
export function docsOf<C extends SiteDoc['collection']>(locale: string, collection: C): Extract<SiteDoc, { collection: C }>[] {
  const content = localeContent(locale)
  let memo = byCollection.get(content)
  if (!memo) {
    memo = new Map()
    for (const d of content.docs) {
      const list = memo.get(d.collection)
      if (list) list.push(d)
      else memo.set(d.collection, [d])
    }
    byCollection.set(content, memo)
  }
  return (memo.get(collection) ?? []) as Extract<SiteDoc, { collection: C }>[]
}
