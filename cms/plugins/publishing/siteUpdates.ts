import type { Payload, PayloadRequest } from 'payload'

import { settings } from '../../model/env'

export type SiteChange = {
  collection: string
  id?: string | number
  title?: string
  operation: 'publish' | 'update' | 'unpublish' | 'delete' | 'schedule' | 'retry'
  at: string
}

/** How long a burst of saves is collected into one build. */
export function debounceMs(): number {
  return settings().SITE_BUILD_DEBOUNCE_MS
}

/**
 * Under sustained editing, the least time from one build's start to the next one's
 * (0: none, each follow-up starts as soon as the build before it is done). A publish
 * after a quiet spell is never held back.
 */
export function minIntervalMs(): number {
  return settings().SITE_BUILD_MIN_INTERVAL_MS
}

/**
 * A running update shows a sign of life (its row's `updatedAt`) every few seconds; one
 * silent for this long belongs to a job runner that is gone (killed, machine down).
 */
export function staleMs(): number {
  return settings().SITE_BUILD_STALE_MS
}

export function heartbeatMs(): number {
  return Math.max(250, Math.min(10_000, Math.floor(staleMs() / 4)))
}

type SiteJob = { id: string | number; processing?: boolean | null; updatedAt: string; input?: { buildId?: string } | null }

/** siteUpdate jobs that have not finished: waiting (debounce, behind a build) or running. */
async function unfinishedJobs(payload: Payload, req?: PayloadRequest): Promise<SiteJob[]> {
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'siteUpdate' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return jobs.docs as unknown as SiteJob[]
}

/**
 * Asks for a site update. A save joins the queued update whose job is still waiting,
 * so a burst makes one build, and every save made while a build runs joins the one
 * follow-up build. A queued row whose job is gone (it failed, or its runner died before
 * it started) is never joined: the save gets a new update, and the row is recovered by
 * `recoverSiteUpdates`.
 */
export async function requestSiteUpdate(payload: Payload, change: SiteChange | SiteChange[], req?: PayloadRequest): Promise<void> {
  const added = Array.isArray(change) ? change : [change]
  const waiting = new Set((await unfinishedJobs(payload, req)).filter((j) => !j.processing).map((j) => String(j.input?.buildId)))
  const queued = await payload.find({
    collection: 'site-builds',
    where: { status: { equals: 'queued' } },
    sort: 'requestedAt',
    limit: 20,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const existing = queued.docs.find((r) => waiting.has(String(r.id)))
  if (existing) {
    const changes = [...(Array.isArray(existing.changes) ? (existing.changes as SiteChange[]) : []), ...added]
    await payload.update({
      collection: 'site-builds',
      id: existing.id,
      data: { changes: changes.slice(-200), summary: summarize(changes) },
      depth: 0,
      overrideAccess: true,
      req,
    })
    return
  }
  const row = await payload.create({
    collection: 'site-builds',
    data: { status: 'queued', requestedAt: new Date().toISOString(), changes: added.slice(-200), summary: summarize(added) },
    depth: 0,
    overrideAccess: true,
    req,
  })
  let runAt = Date.now() + debounceMs()
  const interval = minIntervalMs()
  if (interval > 0) {
    const last = await payload.find({
      collection: 'site-builds',
      where: { startedAt: { exists: true } },
      sort: '-startedAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const startedAt = Date.parse(String(last.docs[0]?.startedAt ?? ''))
    if (Number.isFinite(startedAt)) runAt = Math.max(runAt, startedAt + interval)
  }
  await payload.jobs.queue({
    task: 'siteUpdate',
    queue: 'site',
    input: { buildId: String(row.id) },
    waitUntil: new Date(runAt),
    req,
  } as never)
}

function summarize(changes: SiteChange[]): string {
  const first = changes[0]
  if (!first) return 'Site update'
  const label = `${first.operation} ${first.collection}${first.title ? `: ${first.title}` : ''}`
  return changes.length > 1 ? `${label} (+${changes.length - 1} more)` : label
}

const time = (v: unknown) => {
  const t = Date.parse(String(v ?? ''))
  return Number.isFinite(t) ? t : 0
}

/**
 * Makes the pipeline heal itself after a job runner died (killed, out of memory, the
 * machine went down) or an update job ended before it started building. Run by every
 * job runner when it starts and then periodically.
 *
 * - A queued or running row whose job is gone, or whose job has been running without a
 *   sign of life for `staleMs`, is marked failed with the reason, and its changes are
 *   queued again as a fresh update.
 * - A siteUpdate job silent that long is released (marked failed), so the site queue's
 *   concurrency key no longer blocks every later build.
 *
 * Returns the ids of the rows it recovered.
 */
export async function recoverSiteUpdates(
  payload: Payload,
  options: { staleMs?: number; log?: (line: string) => void } = {},
): Promise<string[]> {
  const stale = options.staleMs ?? staleMs()
  const log = options.log ?? ((line: string) => payload.logger.info(line))
  const now = Date.now()
  const jobs = await unfinishedJobs(payload)
  const jobOf = new Map(jobs.map((j) => [String(j.input?.buildId), j]))
  const rows = (
    await payload.find({
      collection: 'site-builds',
      where: { status: { in: ['queued', 'running'] } },
      sort: 'requestedAt',
      limit: 100,
      depth: 0,
      overrideAccess: true,
    })
  ).docs
  const rowOf = new Map(rows.map((r) => [String(r.id), r]))
  const recovered: string[] = []

  // Silent running jobs first: with its job released, a row has no job any more.
  for (const job of jobs) {
    if (!job.processing) continue
    const row = rowOf.get(String(job.input?.buildId))
    if (now - Math.max(time(job.updatedAt), time(row?.updatedAt)) < stale) continue
    const message = `The job runner stopped responding (no sign of life for ${Math.round(stale / 1000)} s): it was probably killed or its machine went down.`
    await payload.update({
      collection: 'payload-jobs',
      id: job.id,
      data: { processing: false, hasError: true, error: { message } } as never,
      depth: 0,
      overrideAccess: true,
    })
    jobOf.delete(String(job.input?.buildId))
    log(`Released site update job ${job.id}: ${message}`)
  }

  for (const row of rows) {
    const job = jobOf.get(String(row.id))
    if (job) continue // waiting for its turn, or running and alive
    if (now - time(row.updatedAt) < stale) continue // just created; its job may not be visible yet
    const reason =
      row.status === 'running'
        ? 'The job runner stopped during this update (it was killed, or its machine went down).'
        : 'The update job ended before it started building (it failed, was cancelled, or its job runner was killed).'
    const started = time(row.startedAt) || time(row.requestedAt)
    // Only a row still in that state: a runner that is alive after all may have finished it.
    const marked = await payload.db.updateOne({
      collection: 'site-builds',
      where: { and: [{ id: { equals: row.id } }, { status: { equals: row.status } }] },
      data: {
        status: 'failed',
        finishedAt: new Date().toISOString(),
        durationMs: started ? Date.now() - started : null,
        error: `${reason} The live site was not changed; the changes were queued again as a new update.`,
        updatedAt: new Date().toISOString(),
      },
    })
    if (!marked) continue
    recovered.push(String(row.id))
    const changes = Array.isArray(row.changes) ? (row.changes as SiteChange[]) : []
    await requestSiteUpdate(payload, [
      ...changes,
      { collection: 'site-builds', id: row.id, operation: 'retry', title: `again after update ${row.id} was lost`, at: new Date().toISOString() },
    ])
    log(`Site update ${row.id}: ${reason} Queued again.`)
  }
  return recovered
}
