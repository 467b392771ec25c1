import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../../cms/model/env'
import type { BuildOutcome, BuildRecorder, SitePublisher } from '../../cms/model/services/builds'
import type { OpenSource } from '../../cms/model/source'
import { exportSnapshot } from './export'
import { assertFilesPresent, buildProblems, buildStamp, countPages, finishBuild, readStamp } from './output'
import { planIndexFile, planIndexOf, planUpdate, readPlanIndex, type Plan } from './plan'
import { RunError } from './processes'
import { HeadStart, renderFast, renderFull } from './render'
import { buildSearchForUpdate, buildSearchInBackground } from './searchIndex'
import { liveBuildDir, newBuildDir, pruneBuilds, readServerHash, releaseBuildDir, switchLive } from './store'
import { loadTemplates, readRouteScheme, templatesDir, templatesHash } from './templates'

/**
 * Publishing the site, in one pass: read the changed content → snapshot → plan →
 * render → search index → switch live → record. Every update is built into a new
 * directory of the build store and goes live by its atomic switch, site and search
 * indexes together; a failed build never touches what is live. The publisher is handed
 * its content source (`source`, the local database, unless CMS_URL names a remote CMS)
 * and renders the templates directory (ATVIRA_TEMPLATES_DIR), whose routes and search
 * code it plans and indexes with.
 */

export { currentLink, liveBuildDir, pruneBuilds, siteRoot, switchLive } from './store'

export type PublishResult = {
  rendered: boolean
  mode: 'full' | 'fast' | 'none'
  reason?: string
  buildDir: string
  pages: number
  renderedPages?: number
  removedPages?: number
  durationMs: number
}

/** What an update did, in a line for the build status view. */
export function describeResult(r: Pick<PublishResult, 'mode' | 'reason' | 'pages' | 'renderedPages' | 'removedPages'>): string {
  if (r.mode === 'none') return 'Nothing to render: the live site already shows this content.'
  if (r.mode === 'full') return `Full build: ${r.reason ?? 'asked for'} (${r.pages} pages).`
  const removed = r.removedPages ? `, ${r.removedPages} removed` : ''
  return `${r.renderedPages ?? 0} of ${r.pages} pages rendered again${removed}.`
}

export type PublishOptions = {
  /** The local database (e.g. `payloadSource(payload)`); not needed with CMS_URL. */
  source?: OpenSource
  label?: string
  log?: (line: string) => void
  full?: boolean
  env?: NodeJS.ProcessEnv
  /** Aborting stops the build (its child processes are killed); the live site stays. */
  signal?: AbortSignal
  /** Parse every search index of the live build before trusting it (`npm start`); otherwise only their ends are checked. */
  checkLive?: boolean
  /** Called once it is known that pages will be rendered, before rendering. */
  onRender?: (plan: { mode: 'full' | 'fast'; reason?: string }) => void | Promise<void>
}

/**
 * Builds from the CMS and switches live, unless nothing changed since the live build.
 * Takes the fast path (only affected pages) when it can, the full build otherwise or
 * when `full` is asked for. Documents read by the previous update through the same
 * source are reused unless they changed; `full` reads all.
 */
export async function publishSite(options: PublishOptions = {}): Promise<PublishResult> {
  const started = Date.now()
  const env = options.env ?? process.env
  const log = options.log ?? console.log
  const signal = options.signal
  signal?.throwIfAborted()
  const dir = templatesDir(env)
  const templates = await loadTemplates(dir)
  const routes = readRouteScheme(dir)
  const templatesId = templatesHash(env)
  const outDir = newBuildDir(options.label ?? 'build')
  const live = liveBuildDir() ?? undefined
  // Beside the build while Astro runs (it empties its output directory first).
  const snapshotFile = `${outDir}.snapshot.json`
  const searchDir = `${outDir}.search`
  // The fast path is likely when the live build has a plan index and the same templates:
  // its links are started before the content is even read.
  const likelyFast = live && !options.full && fs.existsSync(path.join(live, planIndexFile)) && readServerHash(live) === templatesId
  let head = likelyFast ? new HeadStart(live, outDir, signal) : undefined
  try {
    // Read the changed content → snapshot.
    log('Reading published content…')
    const snapshot = await exportSnapshot(snapshotFile, { env, local: options.source, reuse: !options.full, routes })
    signal?.throwIfAborted()

    // Plan.
    log('Comparing with the live build…')
    const stamp = buildStamp(snapshot, templatesId)
    const broken = live ? buildProblems(templates, live, snapshot.locales, { deep: options.checkLive }) : []
    if (broken.length > 0) log(`The live build is incomplete: ${broken.join('; ')}.`)
    if (!options.full && broken.length === 0 && live && readStamp(live) === stamp) {
      fs.rmSync(snapshotFile, { force: true })
      await head?.drop()
      return { rendered: false, mode: 'none', buildDir: live, pages: readPlanIndex(live)?.pages ?? countPages(live), durationMs: Date.now() - started }
    }
    assertFilesPresent(snapshot)
    const { index, routes: planned } = planIndexOf(templates, snapshot, snapshotFile)
    const before = live && !options.full ? readPlanIndex(live) : null
    let plan: Plan = { mode: 'full', reason: options.full ? 'full build asked for' : live ? 'the live build has no plan index' : 'no live build' }
    if (broken.length > 0) plan = { mode: 'full', reason: `the live build is incomplete (${broken.join('; ')})` }
    else if (before) {
      if (readServerHash(live!) !== templatesId) plan = { mode: 'full', reason: 'templates changed' }
      else plan = planUpdate(before, { index, routes: planned })
    }
    await options.onRender?.(plan.mode === 'fast' ? { mode: 'fast' } : { mode: 'full', reason: plan.reason })

    // Render, with the search indexes alongside.
    let renderedPages: number | undefined
    let removedPages: number | undefined
    if (plan.mode === 'fast') {
      log(`Fast update: ${plan.render.length} pages to render, ${plan.remove.length} to remove`)
      head ??= new HeadStart(live!, outDir, signal)
      const startSearch = () =>
        buildSearchForUpdate({ templates, templatesDir: dir, snapshot, snapshotFile, liveDir: live!, dir: searchDir, listPrefix: `${outDir}.search-`, before, after: index, signal })
      const r = await renderFast({ head, templatesDir: dir, snapshotFile, plan, env, log, signal, startSearch })
      renderedPages = plan.render.length
      removedPages = r.removed
      index.pages = (before?.pages ?? countPages(live!)) + r.added - r.removed
    } else {
      await head?.drop()
      head = undefined
      log(`Full build (${plan.reason})…`)
      fs.rmSync(searchDir, { recursive: true, force: true })
      const startSearch = () => buildSearchInBackground({ templatesDir: dir, locales: snapshot.locales, snapshotFile, dir: searchDir, signal })
      await renderFull({ templatesDir: dir, snapshotFile, outDir, env, signal, startSearch })
    }
    log('Search indexes, images and documents…')
    finishBuild(outDir, snapshot, templatesId, stamp, searchDir)
    if (plan.mode === 'full') index.pages = countPages(outDir)
    signal?.throwIfAborted()
    fs.writeFileSync(path.join(outDir, planIndexFile), JSON.stringify(index))

    // Switch live.
    log('Switching live…')
    fs.renameSync(snapshotFile, path.join(outDir, 'snapshot.json'))
    switchLive(outDir)
    releaseBuildDir(outDir)
    // Old builds are removed in the background: tens of thousands of files, and the
    // site is already live.
    void pruneBuilds().catch((error) => log(`Could not remove old builds: ${(error as Error).message}`))
    return {
      rendered: true,
      mode: plan.mode,
      reason: plan.mode === 'full' ? plan.reason : undefined,
      buildDir: outDir,
      pages: index.pages ?? 0,
      renderedPages,
      removedPages,
      durationMs: Date.now() - started,
    }
  } catch (error) {
    await head?.drop()
    for (const p of [outDir, searchDir]) fs.rmSync(p, { recursive: true, force: true })
    fs.rmSync(snapshotFile, { force: true })
    throw error
  } finally {
    releaseBuildDir(outDir)
  }
}

// Record: the site-build rows, through the recorder the CMS implements.

const stopping = new AbortController()

/**
 * Stops the site update this process is running (the job runner calls it on Ctrl-C or
 * SIGTERM): its build processes are killed and its row says "stopped".
 */
export function stopSiteUpdates(): void {
  stopping.abort(new Error('stopped'))
}

/** A build that ended because it was asked to stop (or its processes were interrupted). */
function wasStopped(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return true
  const s = (error as RunError | undefined)?.signal
  return error instanceof RunError && (s === 'SIGINT' || s === 'SIGTERM' || s === 'SIGHUP')
}

const outcomeOf = (result: PublishResult): BuildOutcome => ({
  mode: result.mode,
  detail: describeResult(result),
  pages: result.pages,
  buildDir: path.relative(rootDir, result.buildDir),
})

/**
 * The publisher the job runner hands to the `siteUpdate` task: one queued row, built
 * and switched live. While it runs, the row shows a sign of life (the recorder's), so
 * that another runner can tell a live build from one whose runner died.
 */
export function sitePublisher(options: { source?: OpenSource; log?: (line: string) => void; env?: NodeJS.ProcessEnv } = {}): SitePublisher {
  return {
    async runQueued(buildId: string, recorder: BuildRecorder) {
      const row = await recorder.claim(buildId)
      if (!row) return 'skipped'
      const signal = stopping.signal
      try {
        const result = await publishSite({ source: options.source, env: options.env, label: row.id, log: options.log, signal })
        await row.succeeded(outcomeOf(result))
        return 'succeeded'
      } catch (error) {
        if (wasStopped(error, signal)) {
          await row.stopped(
            'Stopped: the job runner was stopped during the build. The live site was not changed; the changes were queued again and are built when a job runner runs.',
          )
          return 'stopped'
        }
        await row.failed(error)
        return 'failed'
      }
    },
  }
}

/**
 * `publishSite` outside the job queue (`npm start`), recorded in the build status view
 * like a queued update once it turns out to render anything: a start with nothing to
 * build leaves no row.
 */
export async function publishRecorded(
  recorder: BuildRecorder,
  options: { title: string; source?: OpenSource; signal?: AbortSignal; log?: (line: string) => void; full?: boolean },
): Promise<PublishResult> {
  let row: Awaited<ReturnType<BuildRecorder['begin']>> | undefined
  try {
    const result = await publishSite({
      source: options.source,
      label: 'start',
      full: options.full,
      checkLive: true,
      log: options.log,
      signal: options.signal,
      onRender: async (plan) => {
        row = await recorder.begin(options.title, plan)
      },
    })
    await row?.succeeded(outcomeOf(result))
    return result
  } catch (error) {
    const stopped = wasStopped(error, options.signal ?? new AbortController().signal)
    await (stopped
      ? row?.stopped(`Stopped: ${options.title} was interrupted during the build. The live site was not changed.`)
      : row?.failed(error)
    )?.catch(() => {})
    throw error
  }
}
