import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { rootDir, settings } from '../../cms/model/env'
import { heartbeatMs, requestSiteUpdate, type SiteChange } from '../../cms/plugins/publishing/siteUpdates'
import { exportSnapshot } from './export'
import { searchIndexProblem } from '../templates/src/lib/search/query'
import { fastBuild, HeadStart, planIndexFile, planIndexOf, planUpdate, readPlanIndex, type Plan } from './fastBuild'
import { run, RunError } from './processes'
import { assertFilesPresent, buildSite, buildStamp, templatesHash } from './siteBuild'
import { buildsInUse } from '../server/siteServer'

/**
 * Publishing the site: every update is built into a new directory under
 * `data/site/builds/` and goes live by swapping the `data/site/current` link, site and
 * search indexes together. A failed build never touches what is live.
 */

export function siteRoot(): string {
  return settings().ATVIRA_SITE_ROOT
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

/**
 * What a build lacks to be served: its search index for every locale (present and
 * readable; `deep` parses each), the runtime snapshot, the code of the dynamic routes.
 * A build cut short or damaged on disk is built again in full instead of being called
 * up to date or patched by the fast path (which reuses the live indexes).
 */
export function buildProblems(dir: string, locales: string[], { deep = true }: { deep?: boolean } = {}): string[] {
  const problems = locales.map((l) => searchIndexProblem(path.join(dir, 'search'), l, { deep })).filter((p): p is string => p !== null)
  for (const file of [...locales.map((l) => `search/${l}.terms.json`), 'runtime-snapshot.json', 'server/entry.mjs', 'client/index.html']) {
    if (!fs.existsSync(path.join(dir, file))) problems.push(`${file} is missing`)
  }
  return problems
}

/** Atomic on POSIX: the link is replaced by a rename, readers see the old or the new. */
export function switchLive(buildDir: string): void {
  const link = currentLink()
  const tmp = `${link}.${process.pid}.${Date.now()}`
  fs.symlinkSync(path.relative(path.dirname(link), buildDir), tmp)
  fs.renameSync(tmp, link)
}

const removeScript = `try { require('node:os').setPriority(19) } catch {}
for (const p of process.argv.slice(1)) require('node:fs').rmSync(p, { recursive: true, force: true })`

/** Builds being written by this process: never pruned. */
const building = new Set<string>()
let pruning: Promise<void> | undefined

/**
 * Keeps the live build, the few newest other finished builds (a rollback, and
 * in-flight requests) and every build a running site server loaded its on-demand code
 * from (`buildsInUse`), and removes what failed updates left. Nothing an update of this
 * process is still writing is touched.
 */
export function pruneBuilds(keep = 3): Promise<void> {
  pruning ??= (async () => {
    const dir = path.join(siteRoot(), 'builds')
    if (!fs.existsSync(dir)) return
    const live = liveBuildDir()
    const inUse = buildsInUse(siteRoot())
    const names = fs.readdirSync(dir).filter((name) => !building.has(path.join(dir, name.split('.')[0]!)))
    // What a failed or interrupted update left beside its build (after a while: another
    // process may be writing it now).
    const hourAgo = Date.now() - 3_600_000
    const leftovers = names.filter((name) => name.includes('.') && (fs.statSync(path.join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < hourAgo)
    const builds = names
      .filter((name) => !name.includes('.'))
      .map((name) => path.join(dir, name))
      .filter((p) => p !== live && !inUse.has(realpath(p)))
      .sort()
    const old = [...leftovers.map((name) => path.join(dir, name)), ...builds.slice(0, Math.max(0, builds.length - keep))]
    // In another process, at the lowest priority: removing tens of thousands of files
    // would otherwise hold up this one's file system calls, and the site is live already.
    if (old.length) await run(process.execPath, ['-e', removeScript, ...old], { capture: true })
  })().finally(() => {
    pruning = undefined
  })
  return pruning
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p)
  } catch {
    return p
  }
}

/**
 * A build's server code imports packages by name (Astro imports it while rendering, the
 * site server on demand): a site root outside the installation finds them through a
 * `node_modules` link beside the builds. Never served: only a build's `client/` is.
 */
function linkPackages(): void {
  const root = siteRoot()
  if (!path.relative(rootDir, root).startsWith('..')) return
  fs.mkdirSync(root, { recursive: true })
  try {
    fs.symlinkSync(path.join(rootDir, 'node_modules'), path.join(root, 'node_modules'), 'dir')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
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

/**
 * Builds from the CMS and switches live, unless nothing changed since the live build.
 * Takes the fast path (only affected pages) when it can, the full build otherwise or
 * when `full` is asked for. With a Payload instance, documents read by the previous
 * update are reused unless they changed (`exportSnapshot`'s `reuse`); `full` reads all.
 */
export async function publishSite(
  options: {
    payload?: Payload
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
  } = {},
): Promise<PublishResult> {
  const started = Date.now()
  const env = options.env ?? process.env
  const log = options.log ?? console.log
  const signal = options.signal
  signal?.throwIfAborted()
  linkPackages()
  const outDir = newBuildDir(options.label ?? 'build')
  building.add(outDir)
  const live = liveBuildDir() ?? undefined
  // Beside the build while Astro runs (it empties its output directory first).
  const snapshotFile = `${outDir}.snapshot.json`
  const templates = templatesHash(env)
  // The fast path is likely when the live build has a plan index and the same templates.
  const likelyFast = live && !options.full && fs.existsSync(path.join(live, planIndexFile)) && readText(path.join(live, 'server-hash')) === templates
  const head = likelyFast ? new HeadStart(live, outDir, signal) : undefined
  try {
    log('Reading published content…')
    const snapshot = await exportSnapshot(snapshotFile, env, options.payload, { reuse: !options.full })
    signal?.throwIfAborted()
    log('Comparing with the live build…')
    const stamp = buildStamp(snapshot, templates)
    const liveStamp = live && path.join(live, '.atvira-build')
    const broken = live ? buildProblems(live, snapshot.locales, { deep: options.checkLive }) : []
    if (broken.length > 0) log(`The live build is incomplete: ${broken.join('; ')}.`)
    if (!options.full && broken.length === 0 && liveStamp && fs.existsSync(liveStamp) && fs.readFileSync(liveStamp, 'utf8') === stamp) {
      fs.rmSync(snapshotFile, { force: true })
      await head?.drop()
      return { rendered: false, mode: 'none', buildDir: live!, pages: readPlanIndex(live!)?.pages ?? countPages(live!), durationMs: Date.now() - started }
    }

    assertFilesPresent(snapshot)
    const { index, routes } = planIndexOf(snapshot, snapshotFile)
    const before = live && !options.full ? readPlanIndex(live) : null
    let plan: Plan = { mode: 'full', reason: options.full ? 'full build asked for' : live ? 'the live build has no plan index' : 'no live build' }
    if (broken.length > 0) plan = { mode: 'full', reason: `the live build is incomplete (${broken.join('; ')})` }
    else if (before) {
      if (readText(path.join(live!, 'server-hash')) !== templates) plan = { mode: 'full', reason: 'templates changed' }
      else plan = planUpdate(before, { index, routes })
    }

    await options.onRender?.(plan.mode === 'fast' ? { mode: 'fast' } : { mode: 'full', reason: plan.reason })
    let renderedPages: number | undefined
    let removedPages: number | undefined
    if (plan.mode === 'fast') {
      log(`Fast update: ${plan.render.length} pages to render, ${plan.remove.length} to remove`)
      const r = await fastBuild({ head: head ?? new HeadStart(live!, outDir, signal), snapshot, snapshotFile, plan, before, index, templates, env, log, signal })
      renderedPages = r.rendered
      removedPages = r.removed
      index.pages = (before?.pages ?? countPages(live!)) + r.added - r.removed
    } else {
      await head?.drop()
      log(`Full build (${plan.reason})…`)
      await buildSite({ outDir, snapshotFile, snapshot, env, log, signal })
      index.pages = countPages(outDir)
    }
    signal?.throwIfAborted()
    fs.writeFileSync(path.join(outDir, planIndexFile), JSON.stringify(index))
    log('Switching live…')
    fs.renameSync(snapshotFile, path.join(outDir, 'snapshot.json'))
    switchLive(outDir)
    building.delete(outDir)
    // Old builds are removed in the background: tens of thousands of files, and the
    // site is already live.
    void pruneBuilds().catch((error) => log(`Could not remove old builds: ${(error as Error).message}`))
    return {
      rendered: true,
      mode: plan.mode,
      reason: plan.mode === 'full' ? plan.reason : undefined,
      buildDir: outDir,
      pages: index.pages,
      renderedPages,
      removedPages,
      durationMs: Date.now() - started,
    }
  } catch (error) {
    await head?.drop()
    fs.rmSync(outDir, { recursive: true, force: true })
    fs.rmSync(snapshotFile, { force: true })
    throw error
  } finally {
    building.delete(outDir)
  }
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
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

let stopping = new AbortController()

/**
 * Stops the site update this process is running (the job runner calls it on Ctrl-C or
 * SIGTERM): its build processes are killed and its row says "stopped".
 */
export function stopSiteUpdates(): void {
  stopping.abort(new Error('stopped'))
}

/** After `stopSiteUpdates`, for a process that goes on (tests). */
export function resumeSiteUpdates(): void {
  if (stopping.signal.aborted) stopping = new AbortController()
}

/** A build that ended because it was asked to stop (or its processes were interrupted). */
function wasStopped(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return true
  const s = (error as RunError | undefined)?.signal
  return error instanceof RunError && (s === 'SIGINT' || s === 'SIGTERM' || s === 'SIGHUP')
}

/** The sign of life of a running row: its duration so far, every few seconds. */
function keepAlive(payload: Payload, id: number | string, startedAt: number): NodeJS.Timeout {
  return setInterval(() => {
    payload.db
      .updateOne({
        collection: 'site-builds',
        where: { and: [{ id: { equals: id } }, { status: { equals: 'running' } }] },
        data: { durationMs: Date.now() - startedAt, updatedAt: new Date().toISOString() },
        returning: false,
      })
      .catch(() => {})
  }, heartbeatMs())
}

/** Records how a running row ended: when, after how long, and `data` (status and what it did). */
function finishRow(payload: Payload, id: number | string, startedAt: number, data: Record<string, unknown>) {
  return payload.update({
    collection: 'site-builds',
    id,
    data: { finishedAt: new Date().toISOString(), durationMs: Date.now() - startedAt, ...data },
    overrideAccess: true,
  })
}

const succeededRow = (result: PublishResult) => ({
  status: 'succeeded',
  mode: result.mode,
  detail: describeResult(result),
  pages: result.pages,
  buildDir: path.relative(rootDir, result.buildDir),
})

const failedRow = (error: unknown) => ({ status: 'failed', error: (error as Error).message.slice(0, 20_000) })

/**
 * `publishSite` outside the job queue (`npm start`), recorded in the build status view
 * like a queued update once it turns out to render anything: a start with nothing to
 * build leaves no row.
 */
export async function publishRecorded(
  payload: Payload,
  options: { title: string; signal?: AbortSignal; log?: (line: string) => void; full?: boolean },
): Promise<PublishResult> {
  let row: { id: number | string } | undefined
  let heartbeat: NodeJS.Timeout | undefined
  let startedAt = Date.now()
  const finish = async (data: Record<string, unknown>) => {
    clearInterval(heartbeat)
    if (row) await finishRow(payload, row.id, startedAt, data)
  }
  try {
    const result = await publishSite({
      payload,
      label: 'start',
      full: options.full,
      checkLive: true,
      log: options.log,
      signal: options.signal,
      onRender: async (plan) => {
        startedAt = Date.now()
        const at = new Date(startedAt).toISOString()
        const why = plan.reason ?? 'the content changed since the live build'
        row = await payload.create({
          collection: 'site-builds',
          data: {
            status: 'running',
            mode: plan.mode,
            requestedAt: at,
            startedAt: at,
            summary: `${options.title}: ${why}`,
            changes: [{ collection: 'site', operation: 'update', title: `${options.title}: ${why}`, at } satisfies SiteChange],
          },
          depth: 0,
          overrideAccess: true,
        })
        heartbeat = keepAlive(payload, row.id, startedAt)
      },
    })
    await finish(succeededRow(result))
    return result
  } catch (error) {
    const stopped = wasStopped(error, options.signal ?? new AbortController().signal)
    await finish(
      stopped
        ? { status: 'stopped', error: `Stopped: ${options.title} was interrupted during the build. The live site was not changed.` }
        : failedRow(error),
    ).catch(() => {})
    throw error
  } finally {
    clearInterval(heartbeat)
  }
}

/**
 * The `siteUpdate` job: one queued site-builds row, built and switched live. While it
 * runs, the row shows a sign of life every few seconds (`heartbeatMs`), so that another
 * runner can tell a live build from one whose runner died (`recoverSiteUpdates`).
 */
export async function runSiteUpdate(payload: Payload, buildId: string): Promise<string> {
  const row = await payload.findByID({ collection: 'site-builds', id: buildId, depth: 0, overrideAccess: true }).catch(() => null)
  if (!row || row.status !== 'queued') return 'skipped'
  const signal = stopping.signal
  const startedAt = new Date()
  // Only these columns: a full update would write back the `changes` it read, and
  // lose a save that joined the row in between.
  await payload.db.updateOne({
    collection: 'site-builds',
    where: { id: { equals: row.id } },
    data: { status: 'running', startedAt: startedAt.toISOString(), updatedAt: startedAt.toISOString() },
  })
  const heartbeat = keepAlive(payload, row.id, startedAt.getTime())
  // Saves that joined this row until now are committed, so the content read below has
  // them; one that joins later may come too late for it, and gets an update of its own.
  const changesOf = async () =>
    ((await payload.findByID({ collection: 'site-builds', id: row.id, depth: 0, overrideAccess: true })).changes as SiteChange[] | null) ?? []
  const seen = await changesOf()
  const finish = (data: Record<string, unknown>) => {
    clearInterval(heartbeat)
    return finishRow(payload, row.id, startedAt.getTime(), data)
  }
  try {
    const result = await publishSite({ payload, label: String(row.id), log: () => {}, signal })
    const late = (await changesOf()).length - seen.length
    if (late > 0) {
      await requestSiteUpdate(payload, {
        collection: 'site-builds',
        operation: 'update',
        title: `${late} change(s) saved while update ${row.id} was reading the content`,
        at: new Date().toISOString(),
      })
    }
    await finish(succeededRow(result))
    return 'succeeded'
  } catch (error) {
    if (wasStopped(error, signal)) {
      await finish({
        status: 'stopped',
        error: 'Stopped: the job runner was stopped during the build. The live site was not changed; the changes were queued again and are built when a job runner runs.',
      })
      await requestSiteUpdate(payload, [
        ...seen,
        { collection: 'site-builds', id: row.id, operation: 'retry', title: `again after update ${row.id} was stopped`, at: new Date().toISOString() },
      ])
      return 'stopped'
    }
    await finish(failedRow(error))
    return 'failed'
  } finally {
    clearInterval(heartbeat)
  }
}
