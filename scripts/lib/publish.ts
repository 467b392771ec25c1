import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { rootDir } from '../../cms/lib/env'
import { exportSnapshot } from '../../site/src/lib/export'
import type { Snapshot } from '../../site/src/lib/types'
import { fastBuild, planUpdate, type Plan } from './fastBuild'
import { buildSite, buildStamp, templatesHash } from './siteBuild'

/**
 * Publishing the site: every update is built into a new directory under
 * `data/site/builds/` and goes live by swapping the `data/site/current` link, site and
 * search indexes together. A failed build never touches what is live.
 */

export function siteRoot(): string {
  return path.resolve(rootDir, process.env.ATVIRA_SITE_ROOT || 'data/site')
}

export function currentLink(): string {
  return path.join(siteRoot(), 'current')
}

export function liveBuildDir(): string | null {
  try {
    return fs.realpathSync(currentLink())
  } catch {
    return null
  }
}

/** Atomic on POSIX: the link is replaced by a rename, readers see the old or the new. */
export function switchLive(buildDir: string): void {
  const link = currentLink()
  const tmp = `${link}.${process.pid}.${Date.now()}`
  fs.symlinkSync(path.relative(path.dirname(link), buildDir), tmp)
  fs.renameSync(tmp, link)
}

/** Keeps the live build and the few newest others (a rollback, and in-flight requests). */
export function pruneBuilds(keep = 3): void {
  const dir = path.join(siteRoot(), 'builds')
  if (!fs.existsSync(dir)) return
  const live = liveBuildDir()
  const builds = fs
    .readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((p) => p !== live)
    .sort()
  for (const old of builds.slice(0, Math.max(0, builds.length - keep))) fs.rmSync(old, { recursive: true, force: true })
}

function newBuildDir(label: string): string {
  const stamp = new Date().toISOString().replace(/[-:.TZ]/g, '').slice(0, 17)
  return path.join(siteRoot(), 'builds', `${stamp}-${label}`)
}

export type PublishResult = {
  rendered: boolean
  mode: 'full' | 'fast' | 'none'
  reason?: string
  buildDir: string
  pages: number
  renderedPages?: number
  durationMs: number
}

/**
 * Builds from the CMS and switches live, unless nothing changed since the live build.
 * Takes the fast path (only affected pages) when it can, the full build otherwise or
 * when `full` is asked for.
 */
export async function publishSite(
  options: { payload?: Payload; label?: string; log?: (line: string) => void; full?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<PublishResult> {
  const started = Date.now()
  const env = options.env ?? process.env
  const log = options.log ?? console.log
  const outDir = newBuildDir(options.label ?? 'build')
  const live = liveBuildDir() ?? undefined
  // Beside the build while Astro runs (it empties its output directory first).
  const snapshotFile = `${outDir}.snapshot.json`
  try {
    log('Reading published content…')
    const snapshot = await exportSnapshot(snapshotFile, env, options.payload)
    const stamp = buildStamp(snapshotFile, env)
    const liveStamp = live && path.join(live, '.atvira-build')
    if (liveStamp && fs.existsSync(liveStamp) && fs.readFileSync(liveStamp, 'utf8') === stamp) {
      fs.rmSync(snapshotFile, { force: true })
      return { rendered: false, mode: 'none', buildDir: live!, pages: countPages(live!), durationMs: Date.now() - started }
    }

    let plan: Plan = { mode: 'full', reason: options.full ? 'full build asked for' : 'no live build' }
    const liveSnapshot = live && path.join(live, 'snapshot.json')
    const liveTemplates = live && path.join(live, 'server-hash')
    if (!options.full && liveSnapshot && fs.existsSync(liveSnapshot)) {
      if (!fs.existsSync(liveTemplates!) || fs.readFileSync(liveTemplates!, 'utf8') !== templatesHash(env)) {
        plan = { mode: 'full', reason: 'templates changed' }
      } else {
        const before = JSON.parse(fs.readFileSync(liveSnapshot, 'utf8')) as Snapshot
        plan = planUpdate({ snapshot: before, file: liveSnapshot }, { snapshot, file: snapshotFile })
      }
    }

    let renderedPages: number | undefined
    if (plan.mode === 'fast') {
      const r = await fastBuild({ liveDir: live!, outDir, snapshot, snapshotFile, plan, env, log })
      renderedPages = r.rendered
    } else {
      log(`Full build (${plan.reason})…`)
      await buildSite({ outDir, snapshotFile, snapshot, env, log })
    }
    fs.renameSync(snapshotFile, path.join(outDir, 'snapshot.json'))
    switchLive(outDir)
    pruneBuilds()
    return {
      rendered: true,
      mode: plan.mode,
      reason: plan.mode === 'full' ? plan.reason : undefined,
      buildDir: outDir,
      pages: countPages(outDir),
      renderedPages,
      durationMs: Date.now() - started,
    }
  } catch (error) {
    fs.rmSync(outDir, { recursive: true, force: true })
    fs.rmSync(snapshotFile, { force: true })
    throw error
  }
}

function countPages(dir: string): number {
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

/** The `siteUpdate` job: one queued site-builds row, built and switched live. */
export async function runSiteUpdate(payload: Payload, buildId: string): Promise<string> {
  const row = await payload.findByID({ collection: 'site-builds', id: buildId, depth: 0, overrideAccess: true }).catch(() => null)
  if (!row || row.status !== 'queued') return 'skipped'
  const startedAt = new Date()
  await payload.update({
    collection: 'site-builds',
    id: row.id,
    data: { status: 'running', startedAt: startedAt.toISOString() },
    overrideAccess: true,
  })
  try {
    const result = await publishSite({ payload, label: String(row.id), log: () => {} })
    await payload.update({
      collection: 'site-builds',
      id: row.id,
      data: {
        status: 'succeeded',
        mode: result.mode === 'fast' ? 'fast' : 'full',
        finishedAt: new Date().toISOString(),
        durationMs: Date.now() - startedAt.getTime(),
        pages: result.pages,
        buildDir: path.relative(rootDir, result.buildDir),
      },
      overrideAccess: true,
    })
    return 'succeeded'
  } catch (error) {
    await payload.update({
      collection: 'site-builds',
      id: row.id,
      data: {
        status: 'failed',
        finishedAt: new Date().toISOString(),
        durationMs: Date.now() - startedAt.getTime(),
        error: (error as Error).message.slice(0, 20_000),
      },
      overrideAccess: true,
    })
    return 'failed'
  }
}
