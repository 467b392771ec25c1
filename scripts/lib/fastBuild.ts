import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../../cms/lib/env'
import { allRoutes, type Route } from '../../site/src/pages/_lib/routes'
import type { Snapshot } from '../../site/src/lib/types'
import { run } from './processes'
import { buildSearchInBackground, buildStamp, finishBuild, replaceWithCopy, templatesDir } from './siteBuild'

/**
 * The fast path of a site update: the new build starts as hard links to the live one,
 * and only the pages a change affects are rendered again. Anything that shows on every
 * page (settings, alerts), a topic or page change, or new templates take the full path.
 */

export type Plan = { mode: 'full'; reason: string } | { mode: 'fast'; render: string[]; remove: string[] }

function routesOf(snapshotFile: string): Route[] {
  const before = process.env.ATVIRA_SNAPSHOT
  process.env.ATVIRA_SNAPSHOT = snapshotFile
  try {
    return allRoutes()
  } finally {
    if (before === undefined) delete process.env.ATVIRA_SNAPSHOT
    else process.env.ATVIRA_SNAPSHOT = before
  }
}

const json = (v: unknown) => JSON.stringify(v)

// One hash per document object: list routes embed the same documents many times.
const docHashes = new WeakMap<object, string>()
function docHash(doc: object): string {
  let h = docHashes.get(doc)
  if (!h) docHashes.set(doc, (h = crypto.createHash('sha1').update(json(doc)).digest('base64')))
  return h
}

/** What a route renders from, cheaply: documents by hash, the rest as JSON. */
function fingerprint(route: Route): string {
  switch (route.kind) {
    case 'doc':
      return `${docHash(route.doc)}|${json(route.alternates)}`
    case 'list':
      return json({ ...route, items: route.items.map(docHash), topic: route.topic ? docHash(route.topic) : undefined })
    default:
      return json(route)
  }
}

/** Collections with any document added, removed or changed, in any locale. */
export function changedCollections(before: Snapshot, after: Snapshot): Set<string> {
  const changed = new Set<string>()
  for (const locale of new Set([...before.locales, ...after.locales])) {
    const index = (s: Snapshot) => new Map((s.content[locale]?.docs ?? []).map((d) => [`${d.collection}:${d.id}`, json(d)]))
    const a = index(before)
    const b = index(after)
    for (const [key, value] of b) if (a.get(key) !== value) changed.add(key.slice(0, key.indexOf(':')))
    for (const key of a.keys()) if (!b.has(key)) changed.add(key.slice(0, key.indexOf(':')))
  }
  return changed
}

export function planUpdate(before: { snapshot: Snapshot; file: string }, after: { snapshot: Snapshot; file: string }): Plan {
  const a = before.snapshot
  const b = after.snapshot
  if (json([a.locales, a.defaultLocale, a.siteUrl, a.timeZone]) !== json([b.locales, b.defaultLocale, b.siteUrl, b.timeZone])) {
    return { mode: 'full', reason: 'site configuration changed' }
  }
  for (const locale of b.locales) {
    if (json(a.content[locale]?.settings) !== json(b.content[locale]?.settings)) return { mode: 'full', reason: 'settings changed' }
    if (json(a.content[locale]?.alerts) !== json(b.content[locale]?.alerts)) return { mode: 'full', reason: 'alerts changed' }
  }
  const changed = changedCollections(a, b)
  // Topic names and the page tree appear on many pages (navigation, filters, footer).
  if (changed.has('topics')) return { mode: 'full', reason: 'a topic changed' }
  if (changed.has('pages')) return { mode: 'full', reason: 'a page changed' }

  const oldList = routesOf(before.file)
  const oldRoutes = new Map(oldList.map((r) => [r.path, fingerprint(r)]))
  const newRoutes = routesOf(after.file)
  // News lists show the topic filters: which topics have news. When that set changes,
  // every news list changes; otherwise only lists whose items changed.
  const filters = (routes: Route[]) => json(routes.filter((r) => r.kind === 'list' && r.collection === 'news' && r.topic).map((r) => r.path))
  const filtersChanged = filters(oldList) !== filters(newRoutes)
  const render = newRoutes
    .filter((r) => {
      if (r.kind === 'list') return (r.collection === 'news' && filtersChanged) || oldRoutes.get(r.path) !== fingerprint(r)
      if (r.kind !== 'doc') return true // home and section indexes read everything
      if (r.doc.collection === 'topics') return changed.size > 0 // lists everything on the topic
      if (r.doc.collection === 'guides' && changed.has('guides')) return true // previous/next
      return oldRoutes.get(r.path) !== fingerprint(r)
    })
    .map((r) => r.path)
  const live = new Set(newRoutes.map((r) => r.path))
  const remove = [...oldRoutes.keys()].filter((p) => !live.has(p))
  return { mode: 'fast', render: [...new Set(render)], remove }
}

/** Hard links for every file of the live build: instant, and costs no space. */
function linkTree(from: string, to: string, skip: Set<string>): void {
  fs.mkdirSync(to, { recursive: true })
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue
    const src = path.join(from, entry.name)
    const dst = path.join(to, entry.name)
    if (entry.isDirectory()) linkTree(src, dst, new Set())
    else if (entry.isFile()) fs.linkSync(src, dst)
  }
}

function copyTree(from: string, to: string): number {
  let n = 0
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name)
    const dst = path.join(to, entry.name)
    if (entry.isDirectory()) n += copyTree(src, dst)
    else {
      replaceWithCopy(src, dst)
      n++
    }
  }
  return n
}

/** The file a route's page is written to (`build.format: 'directory'`). */
function pageFile(clientDir: string, routePath: string): string {
  return path.join(clientDir, decodeURI(routePath), 'index.html')
}

export async function fastBuild(options: {
  liveDir: string
  outDir: string
  snapshot: Snapshot
  snapshotFile: string
  plan: Extract<Plan, { mode: 'fast' }>
  env?: NodeJS.ProcessEnv
  log?: (line: string) => void
}): Promise<{ rendered: number; removed: number }> {
  const env = options.env ?? process.env
  const log = options.log ?? console.log
  const { outDir, plan } = options
  linkTree(options.liveDir, outDir, new Set(['snapshot.json', '.atvira-build', 'runtime-snapshot.json', 'server-hash', 'search']))

  const partial = `${outDir}.partial`
  const onlyFile = `${outDir}.paths.json`
  const searchDir = `${outDir}.search`
  fs.writeFileSync(onlyFile, JSON.stringify(plan.render))
  const search = buildSearchInBackground(options.snapshotFile, searchDir)
  try {
    log(`Rendering ${plan.render.length} changed pages (search indexes alongside)…`)
    await run(process.execPath, [path.join(rootDir, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', templatesDir(env), '--silent'], {
      env: {
        ...env,
        ATVIRA_SNAPSHOT: options.snapshotFile,
        ATVIRA_ONLY_PATHS: onlyFile,
        ATVIRA_SITE_OUT_DIR: partial,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      capture: true,
    })
    log('Rendered; copying the changed pages…')
    copyTree(path.join(partial, 'client'), path.join(outDir, 'client'))
    const clientDir = path.join(outDir, 'client')
    for (const p of plan.remove) {
      const file = pageFile(clientDir, p)
      fs.rmSync(file, { force: true })
      // Remove the emptied directories up to the client root.
      for (let dir = path.dirname(file); dir.startsWith(clientDir) && dir !== clientDir; dir = path.dirname(dir)) {
        if (fs.readdirSync(dir).length) break
        fs.rmdirSync(dir)
      }
    }
    await search
    log('Search indexes, images and documents…')
    finishBuild(outDir, options.snapshot, env, buildStamp(options.snapshotFile, env), searchDir)
    return { rendered: plan.render.length, removed: plan.remove.length }
  } finally {
    await search.catch(() => {})
    fs.rmSync(partial, { recursive: true, force: true })
    fs.rmSync(onlyFile, { force: true })
    fs.rmSync(searchDir, { recursive: true, force: true })
  }
}
