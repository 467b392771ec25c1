import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'

import { t } from '../../model/i18n'
import { getTimeZone } from '../../model/locales'
import { zonedParts } from '../../model/zonedTime'
import { capitalized, languageName, listOf } from './requirements'
import { publishGaps, targetOf } from './schedule'
import type { Target } from './requirements'

/**
 * Scheduled publishes that failed. Payload's schedule job (`schedulePublish`) that
 * throws is kept in `payload-jobs` with `hasError` and the error (name, message;
 * payload/dist/queues/errors/handleTaskError.js: no retries), its `waitUntil` in the
 * past, so the schedule drawer's "Upcoming events" no longer lists it and nothing
 * else shows it: this module finds those that still matter, for the edit view's
 * banner and the dashboard.
 */

type Job = {
  id: number | string
  input?: { type?: string; doc?: { relationTo?: string; value?: string | number }; global?: string; locale?: string; timezone?: string }
  error?: { message?: string } | null
  hasError?: boolean | null
  waitUntil?: string | null
  log?: { executedAt?: string; state?: string }[] | null
  createdAt: string
  updatedAt: string
}

export type ScheduleFailure = {
  jobId: number | string
  type: 'publish' | 'unpublish'
  target: Target
  /** The one language the publish was for; none: every language. */
  locale?: string
  timezone?: string
  /** When it was to happen. */
  at: string
  /** When it failed: when the job was last written (the job's own log times follow Payload's job clock). */
  failedAt: string
  /** The job's error, as Payload kept it. */
  error: string
}

/** Schedule jobs, for one target or all (the JSON paths Payload's drawer queries, buildUpcomingScheduleWhere.js). */
const schedulesOf = (target?: Target): Where[] => {
  const and: Where[] = [{ taskSlug: { equals: 'schedulePublish' } }]
  if (target && 'collection' in target) and.push({ 'input.doc.relationTo': { equals: target.collection } }, { 'input.doc.value': { equals: String(target.id) } })
  if (target && 'global' in target) and.push({ 'input.global': { equals: target.global } })
  return and
}

const sameTarget = (a: Target, b: Target) =>
  'collection' in a ? 'collection' in b && a.collection === b.collection && String(a.id) === String(b.id) : 'global' in b && a.global === b.global

const failureOf = (job: Job): ScheduleFailure | null => {
  const target = targetOf({ doc: job.input?.doc as never, global: job.input?.global })
  if (!target) return null
  const failedLog = [...(job.log ?? [])].reverse().find((l) => l.state === 'failed')
  return {
    jobId: job.id,
    type: job.input?.type === 'unpublish' ? 'unpublish' : 'publish',
    target,
    locale: job.input?.locale || undefined,
    timezone: job.input?.timezone || undefined,
    at: job.waitUntil ?? failedLog?.executedAt ?? job.createdAt,
    failedAt: job.updatedAt,
    error: job.error?.message ?? '',
  }
}

/** Another schedule for the same target queued after the failure replaces it. */
async function rescheduled(payload: Payload, failure: ScheduleFailure): Promise<boolean> {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    overrideAccess: true,
    where: { and: [...schedulesOf(failure.target), { createdAt: { greater_than: failure.failedAt } }] },
  })
  return totalDocs > 0
}

/** Still true: the document was not published (or unpublished) since, and still exists. */
async function stillMatters(payload: Payload, failure: ScheduleFailure): Promise<boolean> {
  const target = failure.target
  const status = failure.type === 'publish' ? 'published' : 'draft'
  const since: Where = { and: [{ 'version._status': { equals: status } }, { createdAt: { greater_than: failure.failedAt } }] }
  if ('global' in target) {
    if (!payload.config.globals.some((g) => g.slug === target.global)) return false
    const { totalDocs } = await payload.countGlobalVersions({ global: target.global as 'settings', where: since, overrideAccess: true })
    return totalDocs === 0
  }
  if (!payload.collections[target.collection as 'news']) return false
  const exists = await payload.count({ collection: target.collection as 'news', where: { id: { equals: target.id } }, overrideAccess: true })
  if (exists.totalDocs === 0) return false
  const { totalDocs } = await payload.countVersions({
    collection: target.collection as 'news',
    where: { and: [{ parent: { equals: target.id } }, ...(since.and as Where[])] },
    overrideAccess: true,
  })
  return totalDocs === 0
}

/**
 * The failed scheduled publishes that still matter, newest first, one per document (its
 * latest): not published since (for a failed unpublish: not unpublished since), not
 * scheduled again since, and the document still there.
 */
export async function outstandingFailures(payload: Payload, target?: Target, limit = 20): Promise<ScheduleFailure[]> {
  const { docs } = await payload.find({ collection: 'payload-jobs', where: { and: [...schedulesOf(target), { hasError: { equals: true } }] }, sort: '-updatedAt', limit: 100, depth: 0, overrideAccess: true })
  const latest: ScheduleFailure[] = []
  for (const job of docs as unknown as Job[]) {
    const failure = failureOf(job)
    if (!failure || latest.some((f) => sameTarget(f.target, failure.target))) continue
    latest.push(failure)
  }
  const out: ScheduleFailure[] = []
  for (const failure of latest) {
    if (out.length >= limit) break
    if ((await stillMatters(payload, failure)) && !(await rescheduled(payload, failure))) out.push(failure)
  }
  return out
}

/** 2026-12-03 09:00 in the zone the schedule was set in (else the city's); another zone than the city's is named. */
export function whenScheduled(iso: string, timezone?: string): string {
  const city = getTimeZone()
  let zone = city
  if (timezone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: timezone })
      zone = timezone
    } catch {
      zone = city
    }
  }
  const p = zonedParts(new Date(iso), zone)
  const pad = (n: number) => String(n).padStart(2, '0')
  const text = `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`
  return zone === city ? text : `${text} (${zone})`
}

/**
 * The failure in plain words, in the admin language: what the document lacks now for
 * that publish, language by language (what the editor has to fix), else the error
 * Payload kept.
 */
export async function describeFailure(req: PayloadRequest, failure: ScheduleFailure): Promise<string> {
  const lang = req.i18n?.language ?? 'en'
  let reason = ''
  if (failure.type === 'publish') {
    const found = await publishGaps(req, failure.target, failure.locale)
    if (found === null) reason = t(lang, 'admin.schedule.reason.gone')
    else reason = found.map(({ locale, gaps }) => t(lang, 'admin.schedule.reason.gaps', { language: languageName(locale, lang), fields: listOf(gaps) })).join(' ')
  }
  if (!reason) reason = t(lang, 'admin.schedule.reason.error', { message: failure.error.replace(/\s+/g, ' ').trim().slice(0, 300) })
  return t(lang, failure.type === 'publish' ? 'admin.schedule.failed.publish' : 'admin.schedule.failed.unpublish', { at: whenScheduled(failure.at, failure.timezone), reason: capitalized(reason) })
}

/** A request for the admin's server components to read documents with: their user, the admin's language. */
export function adminRequest(payload: Payload, user: unknown, i18n: unknown): Promise<PayloadRequest> {
  return createLocalReq({ user: (user ?? undefined) as never, req: { i18n } as never }, payload)
}
