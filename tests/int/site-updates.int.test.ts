/**
 * What queues a site update: publishing, scheduled publishing through the jobs queue,
 * and the moments consultations open and close or alerts start and end. Drafts and
 * seeding never do.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SEEDING } from '../../cms/hooks/context'
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

const queued = async () =>
  (await payload.find({ collection: 'site-builds', where: { status: { equals: 'queued' } }, limit: 100, overrideAccess: true })).docs
const changes = async () => (await queued()).flatMap((r) => (r.changes as { collection: string; id?: unknown; operation: string }[]) ?? [])
const clear = async () => {
  await payload.delete({ collection: 'site-builds', where: { id: { exists: true } }, overrideAccess: true })
  await payload.delete({ collection: 'payload-jobs', where: { queue: { equals: 'site' } }, overrideAccess: true })
}

describe('site updates', () => {
  it('are queued when content is published, and not for drafts or while seeding', async () => {
    await clear()
    await payload.create({ collection: 'news', data: { title: 'Draft', summary: 's', body: paragraph('b') } as never, draft: true })
    await payload.create({
      collection: 'news',
      data: { title: 'Seeded', summary: 's', body: paragraph('b'), _status: 'published' } as never,
      context: { [SEEDING]: true },
    })
    expect(await queued()).toHaveLength(0)
    const live = await payload.create({ collection: 'news', data: { title: 'Live', summary: 's', body: paragraph('b'), _status: 'published' } as never })
    expect((await changes()).map((c) => [c.collection, String(c.id), c.operation])).toEqual([['news', String(live.id), 'publish']])
    const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'siteUpdate' } }, overrideAccess: true })
    expect(jobs.docs).toHaveLength(1)
  })

  it('are queued by scheduled publishing when the time comes', async () => {
    await clear()
    const draft = await payload.create({ collection: 'news', data: { title: 'Scheduled', summary: 's', body: paragraph('b') } as never, draft: true })
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'news', value: String(draft.id) } },
      waitUntil: new Date(Date.now() + 1000),
    } as never)
    await payload.jobs.run({ queue: 'default' })
    expect(await queued()).toHaveLength(0)
    await new Promise((r) => setTimeout(r, 1100))
    await payload.jobs.run({ queue: 'default' })
    expect((await changes()).map((c) => c.operation)).toEqual(['publish'])
  })

  it('are scheduled for the moment a consultation opens and closes', async () => {
    await clear()
    const now = Date.now()
    const opensAt = new Date(now + 1200)
    const closesAt = new Date(now + 86_400_000)
    const doc = await payload.create({
      collection: 'consultations',
      data: {
        title: 'Boundary',
        summary: 's',
        body: paragraph('b'),
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
        _status: 'published',
      } as never,
    })
    const boundaries = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'siteBoundary' } }, overrideAccess: true })
    expect(boundaries.docs.map((j) => new Date(j.waitUntil!).getTime()).sort()).toEqual(
      [opensAt.getTime(), closesAt.getTime()].sort(),
    )
    await clear()
    await payload.jobs.queue({
      task: 'siteBoundary',
      queue: 'site',
      input: { collection: 'consultations', id: String(doc.id), reason: 'opensAt reached' },
      waitUntil: opensAt,
    } as never)
    await new Promise((r) => setTimeout(r, 1300))
    await payload.jobs.run({ queue: 'site', limit: 1 })
    expect((await changes()).map((c) => c.operation)).toContain('schedule')
    const stored = await payload.db.findOne<{ id: number | string; status: string }>({ collection: 'consultations', where: { id: { equals: doc.id } } })
    expect(stored?.status).toBe('open')
  })

  it('join the queued update during a burst', async () => {
    await clear()
    const doc = await payload.create({ collection: 'news', data: { title: 'Burst', summary: 's0', body: paragraph('b'), _status: 'published' } as never })
    for (let i = 1; i < 20; i++) await payload.update({ collection: 'news', id: doc.id, data: { summary: `s${i}` } })
    expect(await queued()).toHaveLength(1)
    expect(await changes()).toHaveLength(20)
  })
})
