/**
 * Nothing unpublished reaches an email: a document unpublished or deleted after it was
 * recorded for subscribers is left out of digests built later, and out of emails
 * already queued (the dispatcher asks again before sending). Published again, it may
 * be announced where it was not yet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildDigest, ensureRun } from '../../cms/plugins/newsletter/queueing'
import { startCms, type TestCms } from './helpers'
import { addSubscriber, dispatcher, publishNews, runNewsletterJobs } from './newsletter-support'
import { startSink, type Sink } from './smtpSink'

let cms: TestCms
let sink: Sink

beforeAll(async () => {
  cms = await startCms({ env: { SITE_URL: 'https://www.pajuris.example' } })
  sink = await startSink()
}, 120_000)

afterAll(async () => {
  await sink?.close()
  await cms?.close()
})

const unpublish = (id: string) => cms.payload.update({ collection: 'news', id, data: { _status: 'draft' } as never, overrideAccess: true })
const republish = (id: string) => cms.payload.update({ collection: 'news', id, data: { _status: 'published' } as never, overrideAccess: true })
// The newest change of that article: SQLite gives a deleted article's id to the next one
// created, so an older change may name the same id.
const changeOf = async (id: string) =>
  (
    await cms.payload.find({
      collection: 'content-changes',
      where: { docCollection: { equals: 'news' }, docId: { equals: id } },
      sort: '-createdAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]!

const subscriberId = async (email: string) =>
  (await cms.payload.find({ collection: 'subscribers', where: { email: { equals: email } }, depth: 0, overrideAccess: true })).docs[0]!.id
/** The content changes a subscriber's queued digest holds (before the dispatcher looks at them). */
const queuedDigestItems = async (email: string) =>
  (await cms.payload.find({ collection: 'email-outbox', where: { and: [{ subscriber: { equals: await subscriberId(email) } }, { kind: { equals: 'digest' } }] }, depth: 0, overrideAccess: true })).docs.map((r) =>
    ((r.items as unknown[]) ?? []).map(String),
  )

async function buildDigestFor(cutoff: Date): Promise<void> {
  const run = await ensureRun(cms.payload, { key: `daily:withdrawn-${cutoff.getTime()}`, kind: 'daily', title: 'Digest', cutoff })
  await buildDigest(cms.payload, run.id)
}

async function sentTo(email: string): Promise<string> {
  await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
  const mails = await Promise.all(sink.to(email).map((r) => sink.parse(r)))
  return mails.map((m) => m.text ?? '').join('\n=====\n')
}

describe('withdrawn content', () => {
  it('an article unpublished before the digest is built is not in it; one still published is', async () => {
    const email = 'pries@example.test'
    await addSubscriber(cms.payload, { email, frequency: 'daily', confirmedAt: new Date(Date.now() - 3_600_000) })
    const kept = await publishNews(cms.payload, { lt: 'Atnaujinta Vėtrungės aikštė' })
    const gone = await publishNews(cms.payload, { lt: 'Per klaidą paskelbta žinia' })
    await unpublish(gone)
    expect((await changeOf(gone)).withdrawnAt).toBeTruthy()
    expect((await changeOf(kept)).withdrawnAt ?? null).toBeNull()
    await runNewsletterJobs(cms.payload)

    await buildDigestFor(new Date(Date.now() + 1000))
    // Left out when the digest is built, not only by the dispatcher's second look.
    expect(await queuedDigestItems(email)).toEqual([[String((await changeOf(kept)).id)]])
    const text = await sentTo(email)
    expect(text).toContain('Atnaujinta Vėtrungės aikštė')
    expect(text).not.toContain('Per klaidą paskelbta')
  })

  it('an article unpublished after its digest was queued is left out when it is sent; a digest of nothing but that is not sent', async () => {
    const email = 'po@example.test'
    // Confirmed just now: the articles of the test before are older than the subscription.
    await addSubscriber(cms.payload, { email, frequency: 'daily', confirmedAt: new Date(Date.now() - 1) })
    const only = await publishNews(cms.payload, { lt: 'Vienintelė dienos žinia' })
    await runNewsletterJobs(cms.payload)
    const cutoff = new Date(Date.now() + 1000)
    const run = await ensureRun(cms.payload, { key: `daily:queued-${cutoff.getTime()}`, kind: 'daily', title: 'Digest', cutoff })
    // Queued with the article in it, but not sent yet.
    await buildDigest(cms.payload, run.id)
    expect(await queuedDigestItems(email)).toEqual([[String((await changeOf(only)).id)]])
    await unpublish(only)
    const before = sink.to(email).length
    const stats = await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
    expect(sink.to(email).length).toBe(before)
    expect(stats.skipped).toBeGreaterThan(0)
    const rows = await cms.payload.find({ collection: 'email-outbox', where: { subscriber: { equals: await subscriberId(email) } }, depth: 0, overrideAccess: true })
    expect(rows.docs.map((r) => [r.kind, r.status])).toEqual([['digest', 'skipped']])
    expect(String(rows.docs[0]!.lastError)).toMatch(/Nothing left to send/)
  })

  it('a deleted article is withdrawn too, and one published again is no longer', async () => {
    const deleted = await publishNews(cms.payload, { lt: 'Ištrinta žinia' })
    await cms.payload.delete({ collection: 'news', id: deleted, overrideAccess: true })
    // Its change is withdrawn and no longer names the id, which SQLite may give the next article.
    const detached = await cms.payload.find({ collection: 'content-changes', where: { docId: { like: `${deleted}:deleted:` } }, depth: 0, overrideAccess: true })
    expect(detached.docs.map((c) => c.title)).toEqual(['Ištrinta žinia'])
    expect(detached.docs[0]!.withdrawnAt).toBeTruthy()
    expect(await changeOf(deleted)).toBeUndefined()

    const back = await publishNews(cms.payload, { lt: 'Grįžusi žinia' })
    expect((await changeOf(back)).title).toBe('Grįžusi žinia')
    expect((await changeOf(back)).withdrawnAt ?? null).toBeNull()
    await unpublish(back)
    expect((await changeOf(back)).withdrawnAt).toBeTruthy()
    await republish(back)
    expect((await changeOf(back)).withdrawnAt ?? null).toBeNull()
  })

  it('a draft saved over a live article withdraws nothing', async () => {
    const live = await publishNews(cms.payload, { lt: 'Gyva žinia su juodraščiu' })
    await cms.payload.update({ collection: 'news', id: live, data: { title: 'Gyva žinia su juodraščiu (taisoma)' } as never, draft: true, overrideAccess: true })
    expect((await changeOf(live)).withdrawnAt ?? null).toBeNull()
    // The same article unpublished is withdrawn: the check above could see it.
    await unpublish(live)
    expect((await changeOf(live)).withdrawnAt).toBeTruthy()
  })
})
