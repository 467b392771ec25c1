/**
 * What queues a site update, through the Local API with the real hooks and the real
 * jobs queue: publishing, unpublishing, deleting and editing live content, topics,
 * alerts and the settings; scheduled publishing; the moments consultations open, close
 * and publish their outcome and alerts start and end. Drafts, autosaves and seeding
 * never do. And the queue heals itself when an update's job or runner is lost.
 * (Builds themselves are not run here: tests/e2e/publish.e2e.test.ts runs them.)
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SEEDING } from '../../cms/hooks/context'
import { buildRows } from '../../cms/plugins/publishing/buildRows'
import { providePublisher } from '../../cms/plugins/publishing/jobs/siteUpdate'
import { recoverSiteUpdates, requestSiteUpdate } from '../../cms/plugins/publishing/siteUpdates'
import { paragraph, startCms, type TestCms } from './helpers'

let cms: TestCms
let payload: Payload

beforeAll(async () => {
  cms = await startCms({ env: { SITE_BUILD_DEBOUNCE_MS: '0' } })
  payload = cms.payload
})
afterAll(async () => {
  await cms?.close()
})

type Change = { collection: string; id?: unknown; operation: string }
const queued = async () =>
  (await payload.find({ collection: 'site-builds', where: { status: { equals: 'queued' } }, limit: 100, overrideAccess: true })).docs
const changes = async () => (await queued()).flatMap((r) => (r.changes as Change[]) ?? [])
const summary = async () => (await changes()).map((c) => [c.collection, String(c.id), c.operation])
const clear = async () => {
  await payload.delete({ collection: 'site-builds', where: { id: { exists: true } }, overrideAccess: true })
  await payload.delete({ collection: 'payload-jobs', where: { queue: { equals: 'site' } }, overrideAccess: true })
}
const jobsOf = async (task: string) =>
  (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: task } }, sort: 'waitUntil', limit: 100, overrideAccess: true })).docs
/** Runs the due boundary jobs the hooks queued (never a site build: that is the e2e tests' job). */
const runDueBoundaries = () => payload.jobs.run({ queue: 'site', where: { taskSlug: { equals: 'siteBoundary' } }, limit: 20 })
const sleepUntil = async (t: number) => {
  while (Date.now() <= t) await new Promise((r) => setTimeout(r, Math.max(10, t - Date.now() + 20)))
}

async function publishedNews(title: string) {
  const doc = await payload.create({ collection: 'news', data: { title, summary: 's', body: paragraph('b'), _status: 'published' } as never })
  await clear()
  return doc
}

describe('site updates are queued', () => {
  it('when content is published, and not for new drafts or while seeding', async () => {
    await clear()
    await payload.create({ collection: 'news', data: { title: 'Draft', summary: 's', body: paragraph('b') } as never, draft: true })
    await payload.create({
      collection: 'news',
      data: { title: 'Seeded', summary: 's', body: paragraph('b'), _status: 'published' } as never,
      context: { [SEEDING]: true },
    })
    expect(await queued()).toHaveLength(0)
    const live = await payload.create({ collection: 'news', data: { title: 'Live', summary: 's', body: paragraph('b'), _status: 'published' } as never })
    expect(await summary()).toEqual([['news', String(live.id), 'publish']])
    expect(await jobsOf('siteUpdate')).toHaveLength(1)
  })

  it('not for a draft save or an autosave of a published document, which stays live as it was', async () => {
    const doc = await publishedNews('Published title')
    await payload.update({ collection: 'news', id: doc.id, data: { title: 'Draft title' }, draft: true })
    await payload.update({ collection: 'news', id: doc.id, data: { title: 'Autosaved title' }, draft: true, autosave: true })
    expect(await queued()).toHaveLength(0)
    expect(await jobsOf('siteUpdate')).toHaveLength(0)
    // What the site reads: the public's view, published only.
    const live = await payload.findByID({ collection: 'news', id: doc.id, draft: false, overrideAccess: false, user: null })
    expect([live.title, live._status]).toEqual(['Published title', 'published'])
    const latest = await payload.findByID({ collection: 'news', id: doc.id, draft: true, overrideAccess: true })
    expect(latest.title).toBe('Autosaved title')
    // Publishing the draft then does update the site.
    await payload.update({ collection: 'news', id: doc.id, data: { _status: 'published' } })
    // It was live before and is live after: an update, not a first publication.
    expect(await summary()).toEqual([['news', String(doc.id), 'update']])
  })

  it('when a published document is edited live, unpublished or deleted, and not when a draft is deleted', async () => {
    const doc = await publishedNews('To delete')
    await payload.update({ collection: 'news', id: doc.id, data: { summary: 'edited live' } })
    await payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    expect((await summary()).map((c) => c[2])).toEqual(['update', 'unpublish'])
    await payload.update({ collection: 'news', id: doc.id, data: { _status: 'published' } })
    await clear()
    await payload.delete({ collection: 'news', id: doc.id })
    expect(await summary()).toEqual([['news', String(doc.id), 'delete']])
    await clear()
    const draft = await payload.create({ collection: 'news', data: { title: 'Only a draft', summary: 's', body: paragraph('b') } as never, draft: true })
    await payload.delete({ collection: 'news', id: draft.id })
    expect(await queued()).toHaveLength(0)
  })

  it('when a published document with a newer draft is unpublished', async () => {
    const doc = await publishedNews('Live with a draft')
    await payload.update({ collection: 'news', id: doc.id, data: { title: 'Its draft' }, draft: true })
    expect(await queued()).toHaveLength(0)
    await payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    expect(await summary()).toEqual([['news', String(doc.id), 'unpublish']])
    expect((await payload.find({ collection: 'news', where: { id: { equals: doc.id } }, draft: false, overrideAccess: false, user: null })).docs).toHaveLength(0)
    await clear()
  })

  it('when a topic or an alert changes', async () => {
    const topic = await payload.create({ collection: 'topics', data: { name: 'Transportas', _status: 'published' } as never })
    expect(await summary()).toEqual([['topics', String(topic.id), 'publish']])
    await clear()
    await payload.update({ collection: 'topics', id: topic.id, locale: 'en', data: { name: 'Transport' } as never })
    expect(await summary()).toEqual([['topics', String(topic.id), 'update']])
    await clear()
    const alert = await payload.create({
      collection: 'alerts',
      data: {
        message: 'Vandens tiekimo sutrikimas',
        level: 'warning',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 86_400_000).toISOString(),
        _status: 'published',
      } as never,
    })
    expect(await summary()).toEqual([['alerts', String(alert.id), 'publish']])
    await clear()
    await payload.update({ collection: 'alerts', id: alert.id, data: { level: 'emergency' } as never })
    expect(await summary()).toEqual([['alerts', String(alert.id), 'update']])
  })

  it('when the settings are published, edited or unpublished, and not for their drafts', async () => {
    await clear()
    await payload.updateGlobal({ slug: 'settings', data: { cityName: 'Pajūris', _status: 'published' } as never })
    expect((await summary()).map((c) => [c[0], c[2]])).toEqual([['settings', 'update']])
    await clear()
    await payload.updateGlobal({ slug: 'settings', data: { tagline: 'Juodraštis' } as never, draft: true })
    await payload.updateGlobal({ slug: 'settings', data: { tagline: 'Autosave' } as never, draft: true, autosave: true } as never)
    expect(await queued()).toHaveLength(0)
    const live = await payload.findGlobal({ slug: 'settings', draft: false, overrideAccess: true })
    expect(live.tagline ?? null).toBeNull()
    // The newest version is now a draft, yet unpublishing the live settings changes the site.
    await payload.updateGlobal({ slug: 'settings', data: { _status: 'draft' } as never })
    expect((await summary()).map((c) => [c[0], c[2]])).toEqual([['settings', 'unpublish']])
    await clear()
    await payload.updateGlobal({ slug: 'settings', data: { _status: 'published' } as never })
    expect(await queued()).toHaveLength(1)
  })

  it('by scheduled publishing and unpublishing, when the time comes', async () => {
    await clear()
    const draft = await payload.create({ collection: 'news', data: { title: 'Scheduled', summary: 's', body: paragraph('b') } as never, draft: true })
    const at = Date.now() + 1000
    await payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'news', value: String(draft.id) } }, waitUntil: new Date(at) } as never)
    await payload.jobs.run({ queue: 'default' })
    expect(await queued()).toHaveLength(0)
    await sleepUntil(at)
    await payload.jobs.run({ queue: 'default' })
    expect(await summary()).toEqual([['news', String(draft.id), 'publish']])

    await clear()
    const off = Date.now() + 1000
    await payload.jobs.queue({ task: 'schedulePublish', input: { type: 'unpublish', doc: { relationTo: 'news', value: String(draft.id) } }, waitUntil: new Date(off) } as never)
    await payload.jobs.run({ queue: 'default' })
    expect(await queued()).toHaveLength(0)
    await sleepUntil(off)
    await payload.jobs.run({ queue: 'default' })
    expect(await summary()).toEqual([['news', String(draft.id), 'unpublish']])
    const stored = await payload.findByID({ collection: 'news', id: draft.id, draft: false, overrideAccess: true })
    expect(stored._status).toBe('draft')
  })

  it('when an alert starts and when it ends, by the jobs its publication queued', async () => {
    await clear()
    const startsAt = Date.now() + 1200
    const endsAt = Date.now() + 2400
    const alert = await payload.create({
      collection: 'alerts',
      data: { message: 'Eismo ribojimai', level: 'info', startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString(), _status: 'published' } as never,
    })
    const boundaries = await jobsOf('siteBoundary')
    expect(boundaries.map((j) => new Date(j.waitUntil!).getTime())).toEqual([startsAt, endsAt])
    await payload.delete({ collection: 'site-builds', where: { id: { exists: true } }, overrideAccess: true })
    await runDueBoundaries()
    expect(await queued()).toHaveLength(0)
    await sleepUntil(startsAt)
    await runDueBoundaries()
    expect(await summary()).toEqual([['alerts', String(alert.id), 'schedule']])
    await payload.delete({ collection: 'site-builds', where: { id: { exists: true } }, overrideAccess: true })
    await runDueBoundaries()
    expect(await queued()).toHaveLength(0)
    await sleepUntil(endsAt)
    await runDueBoundaries()
    expect(await summary()).toEqual([['alerts', String(alert.id), 'schedule']])
  })

  it('when a consultation opens, closes and publishes its outcome, and its stored status follows', async () => {
    await clear()
    const now = Date.now()
    const opensAt = now + 1200
    const closesAt = now + 2400
    const outcomeAt = now + 3600
    const doc = await payload.create({
      collection: 'consultations',
      data: {
        title: 'Boundary',
        summary: 's',
        body: paragraph('b'),
        opensAt: new Date(opensAt).toISOString(),
        closesAt: new Date(closesAt).toISOString(),
        outcome: { summary: paragraph('Nuspręsta'), publishedAt: new Date(outcomeAt).toISOString() },
        _status: 'published',
      } as never,
    })
    expect((await jobsOf('siteBoundary')).map((j) => new Date(j.waitUntil!).getTime())).toEqual([opensAt, closesAt, outcomeAt])
    const stored = async () =>
      (await payload.db.findOne<{ id: number | string; status: string }>({ collection: 'consultations', where: { id: { equals: doc.id } } }))?.status
    expect(await stored()).toBe('upcoming')
    for (const [at, status] of [
      [opensAt, 'open'],
      [closesAt, 'closed'],
      [outcomeAt, 'outcome'],
    ] as const) {
      await payload.delete({ collection: 'site-builds', where: { id: { exists: true } }, overrideAccess: true })
      await runDueBoundaries()
      expect(await queued(), `nothing before ${status}`).toHaveLength(0)
      await sleepUntil(at)
      await runDueBoundaries()
      expect(await summary(), status).toEqual([['consultations', String(doc.id), 'schedule']])
      expect(await stored()).toBe(status)
    }
  })

  it('once for a burst: the saves join the queued update', async () => {
    await clear()
    const doc = await payload.create({ collection: 'news', data: { title: 'Burst', summary: 's0', body: paragraph('b'), _status: 'published' } as never })
    for (let i = 1; i < 20; i++) await payload.update({ collection: 'news', id: doc.id, data: { summary: `s${i}` } })
    expect(await queued()).toHaveLength(1)
    expect(await changes()).toHaveLength(20)
    expect(await jobsOf('siteUpdate')).toHaveLength(1)
  })
})

describe('under sustained editing', () => {
  it('SITE_BUILD_MIN_INTERVAL_MS holds a follow-up back from the start of the last build, never a publish after a quiet spell', async () => {
    await clear()
    process.env.SITE_BUILD_MIN_INTERVAL_MS = '30000'
    try {
      // Quiet: the last build started long ago, so only the debounce (0 here) applies.
      await payload.create({
        collection: 'site-builds',
        data: { status: 'succeeded', requestedAt: new Date(Date.now() - 600_000).toISOString(), startedAt: new Date(Date.now() - 600_000).toISOString() },
        overrideAccess: true,
      })
      let t = Date.now()
      await requestSiteUpdate(payload, { collection: 'news', id: 1, operation: 'update', at: new Date().toISOString() })
      const [first] = await jobsOf('siteUpdate')
      // Not in the past (a start long ago plus the interval) and not held back.
      const wait = new Date(first!.waitUntil!).getTime() - t
      expect(wait).toBeGreaterThanOrEqual(0)
      expect(wait).toBeLessThan(1000)

      // A build started 5 s ago: the next one waits until 30 s after that start.
      await clear()
      const started = Date.now() - 5000
      await payload.create({
        collection: 'site-builds',
        data: { status: 'running', requestedAt: new Date(started).toISOString(), startedAt: new Date(started).toISOString() },
        overrideAccess: true,
      })
      t = Date.now()
      await requestSiteUpdate(payload, { collection: 'news', id: 2, operation: 'update', at: new Date().toISOString() })
      const [held] = await jobsOf('siteUpdate')
      expect(new Date(held!.waitUntil!).getTime()).toBe(started + 30_000)
    } finally {
      delete process.env.SITE_BUILD_MIN_INTERVAL_MS
    }
  })
})

describe('site updates heal themselves', () => {
  const row = async (id: unknown) => payload.findByID({ collection: 'site-builds', id: id as number, overrideAccess: true })

  it('a save never joins an update whose job ended before it started, and that update is queued again', async () => {
    const doc = await publishedNews('Lost job')
    await payload.update({ collection: 'news', id: doc.id, data: { summary: 'first' } })
    const [lost] = await queued()
    // The job dies before its handler marked the row running (here: cancelled).
    const [job] = await jobsOf('siteUpdate')
    await payload.jobs.cancelByID({ id: job!.id })
    await payload.update({ collection: 'news', id: doc.id, data: { summary: 'second' } })
    const rows = await queued()
    expect(rows).toHaveLength(2)
    const next = rows.find((r) => r.id !== lost!.id)!
    expect((next.changes as Change[]).map((c) => c.operation)).toEqual(['update'])

    expect(await recoverSiteUpdates(payload, { staleMs: 0 })).toEqual([String(lost!.id)])
    const failed = await row(lost!.id)
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatch(/ended before it started building.*queued again/)
    // Its changes joined the waiting update, which has a job that will run.
    const after = await queued()
    expect(after.map((r) => r.id)).toEqual([next.id])
    expect((after[0]!.changes as Change[]).map((c) => c.operation)).toEqual(['update', 'update', 'retry'])
    const waiting = (await jobsOf('siteUpdate')).filter((j) => !j.completedAt && !j.hasError)
    expect(waiting.map((j) => (j.input as { buildId: string }).buildId)).toEqual([String(next.id)])
  })

  it('an update whose runner died mid-build is marked failed, its job released and the update queued again; a live one is left alone', async () => {
    await clear()
    await requestSiteUpdate(payload, { collection: 'news', id: 1, operation: 'update', at: new Date().toISOString() })
    const [dead] = await queued()
    const [deadJob] = await jobsOf('siteUpdate')
    // What a runner leaves when it is killed mid-build: its job processing, its row
    // running, and no sign of life from either since.
    const long = new Date(Date.now() - 120_000).toISOString()
    await payload.db.updateOne({ collection: 'payload-jobs', where: { id: { equals: deadJob!.id } }, data: { processing: true, updatedAt: long } })
    await payload.db.updateOne({ collection: 'site-builds', where: { id: { equals: dead!.id } }, data: { status: 'running', startedAt: long, updatedAt: long } })
    // A save meanwhile gets an update of its own (the dead one is not queued any more),
    // which the site queue's concurrency key would hold back for ever.
    await requestSiteUpdate(payload, { collection: 'news', id: 2, operation: 'update', at: new Date().toISOString() })
    const waiting = await queued()
    // One update waits with the new save only; the dead row kept its own change.
    expect(waiting.map((r) => ((r.changes as Change[]) ?? []).map((c) => [c.id, c.operation]))).toEqual([[[2, 'update']]])
    expect(((await row(dead!.id)).changes as Change[]).map((c) => c.id)).toEqual([1])
    const [blocked] = waiting

    expect(await recoverSiteUpdates(payload, { staleMs: 60_000 })).toEqual([String(dead!.id)])
    const failed = await row(dead!.id)
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatch(/job runner stopped during this update/)
    expect(failed.durationMs).toBeGreaterThanOrEqual(120_000)
    const released = await payload.findByID({ collection: 'payload-jobs', id: deadJob!.id, overrideAccess: true })
    expect([released.processing, released.hasError]).toEqual([false, true])
    // Its change joined the waiting update.
    expect((await row(blocked!.id)).changes).toEqual(expect.arrayContaining([expect.objectContaining({ id: 1 }), expect.objectContaining({ operation: 'retry' })]))

    // A running update with a recent sign of life is not touched.
    const [aliveJob] = (await jobsOf('siteUpdate')).filter((j) => !j.hasError)
    const now = new Date().toISOString()
    await payload.db.updateOne({ collection: 'payload-jobs', where: { id: { equals: aliveJob!.id } }, data: { processing: true, updatedAt: now } })
    await payload.db.updateOne({ collection: 'site-builds', where: { id: { equals: blocked!.id } }, data: { status: 'running', startedAt: now, updatedAt: now } })
    expect(await recoverSiteUpdates(payload, { staleMs: 60_000 })).toEqual([])
    expect((await row(blocked!.id)).status).toBe('running')
  })

  // The access rule the REST endpoint asks; /api/payload-jobs/run itself is in the role matrix (tests/e2e/roles).
  it('jobs run only in the job runner: the jobs access refuses a run asked on anyone\'s behalf, an admin\'s too', async () => {
    const admin = await payload.create({
      collection: 'users',
      data: { email: 'jobs-admin@example.test', password: 'a-long-admin-password', name: 'A', role: 'admin' },
      overrideAccess: true,
    })
    const { createLocalReq } = await import('payload')
    const req = await createLocalReq({ user: { ...admin, collection: 'users' } as never }, payload)
    await expect(payload.jobs.run({ queue: 'site', overrideAccess: false, req })).rejects.toThrow(/not allowed/i)
  })
})

describe('the site update job', () => {
  const change = () => ({ collection: 'news', id: 1, operation: 'update' as const, at: new Date().toISOString() })
  const runSiteJobs = () => payload.jobs.run({ queue: 'site', where: { taskSlug: { equals: 'siteUpdate' } }, limit: 5 })
  const only = async () => {
    const all = (await payload.find({ collection: 'site-builds', limit: 10, overrideAccess: true })).docs
    expect(all).toHaveLength(1)
    return all[0]!
  }

  it('fails with a clear message on its row in a process that has no publisher (only the job runner builds)', async () => {
    await clear()
    providePublisher(undefined)
    await requestSiteUpdate(payload, change())
    await runSiteJobs()
    const row = await only()
    expect(row.status).toBe('failed')
    expect(row.error).toMatch(/only the job runner builds the site; run npm start or npm run jobs/)
    expect(row.finishedAt).toBeTruthy()
  })

  it('hands its row to the publisher the runner provides, which records it through the one recorder', async () => {
    await clear()
    const seen: string[] = []
    providePublisher({
      async runQueued(buildId, recorder) {
        const running = await recorder.claim(buildId)
        if (!running) return 'skipped'
        seen.push(`running ${(await payload.findByID({ collection: 'site-builds', id: buildId, overrideAccess: true })).status}`)
        // Taken once: a second claim of the same row (another runner) has nothing to do.
        seen.push(`again ${(await recorder.claim(buildId)) === null}`)
        // A build that takes a while: the row's duration must show it.
        await new Promise((resolve) => setTimeout(resolve, 60))
        await running.succeeded({ mode: 'fast', detail: '1 of 9 pages rendered again.', pages: 9, buildDir: 'data/site/builds/x' })
        return 'succeeded'
      },
    })
    try {
      await requestSiteUpdate(payload, change())
      await runSiteJobs()
    } finally {
      providePublisher(undefined)
    }
    expect(seen).toEqual(['running running', 'again true'])
    const row = await only()
    expect([row.status, row.mode, row.detail, row.pages]).toEqual(['succeeded', 'fast', '1 of 9 pages rendered again.', 9])
    expect(row.durationMs).toBeGreaterThanOrEqual(60)
    expect(Math.abs(row.durationMs! - (Date.parse(row.finishedAt!) - Date.parse(row.startedAt!)))).toBeLessThanOrEqual(20)
    // A row that is not there is skipped; only "not found" is.
    expect(await buildRows(payload).claim('999999')).toBeNull()
  })
})
