import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../../cms/model/env'
import type { Plan } from './plan'
import { planIndexFile } from './plan'
import { run } from './processes'
import { replaceWithCopy } from './output'
import { serverHashFile } from './store'
import { publicDirOf } from './templates'

/**
 * Rendering pages with Astro from the templates directory: all of them (a full build)
 * or only those a change affects over hard links to the live build (the fast path).
 * The search indexes are built alongside: the caller's `startSearch` is called once
 * Astro runs, and awaited before the build is complete.
 */

const astroBin = () => path.join(rootDir, 'node_modules/astro/bin/astro.mjs')

export async function renderFull(options: {
  templatesDir: string
  snapshotFile: string
  outDir: string
  env: NodeJS.ProcessEnv
  signal?: AbortSignal
  startSearch: () => Promise<void>
}): Promise<void> {
  const search = options.startSearch()
  try {
    await run(process.execPath, [astroBin(), 'build', '--root', options.templatesDir, '--silent'], {
      env: { ...options.env, ATVIRA_PUBLIC_DIR: publicDirOf(options.templatesDir), ATVIRA_SNAPSHOT: options.snapshotFile, ATVIRA_SITE_OUT_DIR: options.outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      capture: true,
      signal: options.signal,
    })
  } catch (error) {
    await search.catch(() => {})
    throw error
  }
  await search
}

// Run in its own process: synchronous calls are the quickest way to make tens of
// thousands of links, and they then run on the other core while Astro renders.
const linkScript = `
const fs = require('node:fs'), path = require('node:path')
const [from, to, ...skip] = process.argv.slice(1)
const link = (a, b, top) => {
  fs.mkdirSync(b, { recursive: true })
  for (const e of fs.readdirSync(a, { withFileTypes: true })) {
    if (top && skip.includes(e.name)) continue
    if (e.isDirectory()) link(path.join(a, e.name), path.join(b, e.name), false)
    else if (e.isFile()) fs.linkSync(path.join(a, e.name), path.join(b, e.name))
  }
}
link(from, to, true)`

/** Files of the live build that every build writes itself. */
const ownFiles = new Set(['snapshot.json', '.atvira-build', 'runtime-snapshot.json', serverHashFile, 'search', planIndexFile])

/**
 * What a fast update can start before it knows what changed: hard links for every file
 * of the live build (no data is copied), from the start. Dropped when the update turns
 * out to need a full build, or nothing.
 */
export class HeadStart {
  readonly linked: Promise<void>

  constructor(
    readonly liveDir: string,
    readonly outDir: string,
    readonly signal?: AbortSignal,
  ) {
    this.linked = run(process.execPath, ['-e', linkScript, liveDir, outDir, ...ownFiles], { capture: true, signal })
    this.linked.catch(() => {})
  }

  async drop(): Promise<void> {
    await this.linked.catch(() => {})
    fs.rmSync(this.outDir, { recursive: true, force: true })
  }
}

/** Copies the rendered files over the links; returns how many HTML pages are new. */
function copyTree(from: string, to: string): number {
  let added = 0
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name)
    const dst = path.join(to, entry.name)
    if (entry.isDirectory()) added += copyTree(src, dst)
    else {
      if (entry.name.endsWith('.html') && !fs.existsSync(dst)) added++
      replaceWithCopy(src, dst)
    }
  }
  return added
}

/** The file a route's page is written to (`build.format: 'directory'`). */
function pageFile(clientDir: string, routePath: string): string {
  return path.join(clientDir, decodeURI(routePath), 'index.html')
}

/** The fast path: renders the plan's pages, copies them over the links and removes the pages gone. */
export async function renderFast(options: {
  head: HeadStart
  templatesDir: string
  snapshotFile: string
  plan: Extract<Plan, { mode: 'fast' }>
  env: NodeJS.ProcessEnv
  log: (line: string) => void
  signal?: AbortSignal
  startSearch: () => Promise<void>
}): Promise<{ added: number; removed: number }> {
  const { head, plan, log } = options
  const { outDir, linked } = head
  const partial = `${outDir}.partial`
  const onlyFile = `${outDir}.paths.json`
  fs.writeFileSync(onlyFile, JSON.stringify(plan.render))
  const rendered = run(process.execPath, [astroBin(), 'build', '--root', options.templatesDir, '--silent'], {
    env: { ...options.env, ATVIRA_SNAPSHOT: options.snapshotFile, ATVIRA_ONLY_PATHS: onlyFile, ATVIRA_SITE_OUT_DIR: partial, ASTRO_TELEMETRY_DISABLED: '1' },
    capture: true,
    signal: options.signal,
  })
  let search: Promise<void> | undefined
  try {
    // Once Astro is started: its start-up is mostly waiting on the file system.
    search = options.startSearch()
    search.catch(() => {})
    log(`Rendering ${plan.render.length} changed pages (links and search indexes alongside)…`)
    await rendered
    log('Rendered; waiting for the links…')
    await linked
    log('Copying the changed pages…')
    const added = copyTree(path.join(partial, 'client'), path.join(outDir, 'client'))
    const clientDir = path.join(outDir, 'client')
    let removed = 0
    for (const p of plan.remove) {
      const file = pageFile(clientDir, p)
      if (fs.existsSync(file)) removed++
      fs.rmSync(file, { force: true })
      // Remove the emptied directories up to the client root.
      for (let dir = path.dirname(file); dir.startsWith(clientDir) && dir !== clientDir; dir = path.dirname(dir)) {
        if (fs.readdirSync(dir).length) break
        fs.rmdirSync(dir)
      }
    }
    log('Waiting for the search indexes…')
    await search
    return { added, removed }
  } finally {
    await Promise.allSettled([linked, rendered, search])
    fs.rmSync(partial, { recursive: true, force: true })
    fs.rmSync(onlyFile, { recursive: true, force: true })
  }
}
