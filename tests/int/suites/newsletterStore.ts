/**
 * The newsletter store's contract, run on every engine (SQLite always, MongoDB when
 * MONGODB_URL is set): unique keys, digest cursors that move once, exclusive claims,
 * retries, recovery, counts, bounces, one person's mail (export and erasure).
 */
import type { Payload } from 'payload'
import { expect, it } from 'vitest'

import { ensureRun } from '../../../cms/plugins/newsletter/queueing'
import type { NewsletterStore } from '../../../cms/plugins/newsletter/store'

/** `getStore`: Payload's own connection (jobs, site server) or the dispatcher's (openStore). */
export function newsletterStoreSuite(getPayload: () => Payload, getStore: () => NewsletterStore) {
  const subscriber = async (payload: Payload, email: string) =>
    String(
      (
        await payload.create({
          collection: 'subscribers',
          data: { email, locale: 'lt', status: 'confirmed', frequency: 'daily', allTopics: true, confirmedAt: new Date(Date.now() - 60_000).toISOString() } as never,
          overrideAccess: true,
        })
      ).id,
    )

  /** Two subscribers and a run with a digest row queued for each; `mine` keeps to its rows. */
  const twoQueued = async (name: string, title: string) => {
    const payload = getPayload()
    const tag = `${name}-${Date.now().toString(36)}`
    const subs = [await subscriber(payload, `${name[0]}1-${tag}@example.net`), await subscriber(payload, `${name[0]}2-${tag}@example.net`)]
    const run = await ensureRun(payload, { key: `store-test:${tag}`, kind: 'daily', title, cutoff: new Date() })
    await getStore().enqueue(subs.map((id) => ({ key: `store:${tag}:${id}`, kind: 'digest' as const, subscriberId: id, runId: run.id, items: [] })))
    const mine = <T extends { key: string }>(rows: T[]) => rows.filter((r) => r.key.startsWith(`store:${tag}:`))
    return { tag, subs, run, mine }
  }

  it('queues each key once, lets one worker claim a row, and counts the run', async () => {
    const payload = getPayload()
    const store = getStore()
    const tag = Date.now().toString(36)
    const subs = [await subscriber(payload, `a-${tag}@example.net`), await subscriber(payload, `b-${tag}@example.net`), await subscriber(payload, `c-${tag}@example.net`)]
    const run = await ensureRun(payload, { key: `store-test:${tag}`, kind: 'daily', title: 'Store test', cutoff: new Date() })
    const rows = subs.map((id) => ({ key: `store:${tag}:${id}`, kind: 'digest' as const, subscriberId: id, runId: run.id, items: [] }))
    expect(await store.enqueue(rows)).toBe(3)
    expect(await store.enqueue(rows)).toBe(0)

    const [one, two] = await Promise.all([store.claim('worker-one', 2, new Date()), store.claim('worker-two', 2, new Date())])
    const claimed = [...one, ...two].filter((r) => r.key.startsWith(`store:${tag}:`))
    expect(new Set(claimed.map((r) => r.id)).size).toBe(claimed.length)
    expect(claimed.length).toBe(3)
    expect(claimed[0]!.subscriber?.email).toMatch(/@example\.net$/)

    const workerOf = (id: string) => (one.some((r) => r.id === id) ? 'worker-one' : 'worker-two')
    const other = (worker: string) => (worker === 'worker-one' ? 'worker-two' : 'worker-one')
    // A worker can only mark rows it holds: a late mark after a takeover changes nothing.
    expect(await store.markSent([{ id: claimed[0]!.id, messageId: '<m1@example>', at: new Date() }], other(workerOf(claimed[0]!.id)))).toBe(0)
    await store.markRetry(claimed[1]!.id, other(workerOf(claimed[1]!.id)), 1, 'not mine', new Date(Date.now() + 60_000))
    expect(await store.runCounts(run.id)).toMatchObject({ total: 3, pending: 3, sent: 0, retrying: 0 })
    expect(await store.markSent([{ id: claimed[0]!.id, messageId: '<m1@example>', at: new Date() }], workerOf(claimed[0]!.id))).toBe(1)
    await store.markRetry(claimed[1]!.id, workerOf(claimed[1]!.id), 1, 'ECONNECTION: dropped', new Date(Date.now() + 60_000))
    // The third row's worker "dies": recovery gives it back.
    const deadWorker = workerOf(claimed[2]!.id)
    expect(await store.recover(new Date(0), (w) => w === deadWorker)).toBeGreaterThanOrEqual(1)
    const counts = await store.runCounts(run.id)
    expect(counts).toMatchObject({ total: 3, sent: 1, retrying: 1, pending: 1 })
    const again = (await store.claim('worker-three', 10, new Date())).filter((r) => r.key.startsWith(`store:${tag}:`))
    expect(again.map((r) => r.id)).toEqual([claimed[2]!.id])
    expect((await store.nextDue())?.getTime()).toBeGreaterThan(Date.now())
  })

  it('moves a digest cursor with its rows, and only from the value the items were chosen from', async () => {
    const payload = getPayload()
    const store = getStore()
    const tag = `cursor-${Date.now().toString(36)}`
    const [a, b, c, d] = [await subscriber(payload, `a-${tag}@example.net`), await subscriber(payload, `b-${tag}@example.net`), await subscriber(payload, `c-${tag}@example.net`), await subscriber(payload, `d-${tag}@example.net`)]
    const run = await ensureRun(payload, { key: `store-test:${tag}`, kind: 'daily', title: 'Cursor test', cutoff: new Date() })
    const cursorOf = async (id: string) => (await store.subscriberById(id))!.digestCursor
    const entry = async (id: string, withRow: boolean, key = `store:${tag}:${id}`) => ({
      subscriberId: id,
      cursor: await cursorOf(id),
      row: withRow ? { key, kind: 'digest' as const, subscriberId: id, runId: run.id, items: ['x'] } : null,
    })
    const keysOf = async (ids: string[]) =>
      (await payload.find({ collection: 'email-outbox', where: { subscriber: { in: ids } }, depth: 0, limit: 0, pagination: false, overrideAccess: true })).docs.map((r) => String(r.key)).sort()
    const older = new Date(Date.now() - 3_600_000)
    const newer = new Date()

    // What a run reads first; then another run moves b's cursor before it writes.
    const read = [await entry(a, true), await entry(b, true), await entry(c, false)]
    expect(await store.queueDigest(newer, [await entry(b, false)])).toEqual({ queued: 0, stale: [] })
    expect(await store.queueDigest(older, read)).toEqual({ queued: 1, stale: [b] })
    // a's row and cursor; nothing for b, whose cursor the first run left where it put it;
    // c had nothing new and moves all the same.
    expect(await keysOf([a, b, c])).toEqual([`store:${tag}:${a}`])
    expect([await cursorOf(a), await cursorOf(b), await cursorOf(c)].map((v) => v && new Date(v).toISOString())).toEqual([older, newer, older].map((v) => v.toISOString()))
    // The same step again (a retried job) finds every cursor moved: nothing is written.
    expect(await store.queueDigest(older, read)).toEqual({ queued: 0, stale: [a, b, c] })
    expect(await keysOf([a, b, c])).toEqual([`store:${tag}:${a}`])

    // Two runs that read the same cursor, writing at the same time: one queues, the other is told.
    const both = [await entry(d, true, `store:${tag}:one`), await entry(d, true, `store:${tag}:two`)]
    const [one, two] = await Promise.all([store.queueDigest(older, [both[0]!]), store.queueDigest(newer, [both[1]!])])
    expect([one, two].map((r) => r.queued).sort()).toEqual([0, 1])
    expect([one, two].map((r) => r.stale).sort()).toEqual([[], [d]])
    const winner = one.queued === 1 ? { key: 'one', at: older } : { key: 'two', at: newer }
    expect(await keysOf([d])).toEqual([`store:${tag}:${winner.key}`])
    expect(new Date((await cursorOf(d))!).toISOString()).toBe(winner.at.toISOString())
  })

  it('suspends an address after the configured number of bounces', async () => {
    const payload = getPayload()
    const store = getStore()
    const id = await subscriber(payload, `bounce-${Date.now().toString(36)}@example.net`)
    expect(await store.bounce(id, '550 no such user', 2)).toBe(false)
    expect(await store.bounce(id, '550 no such user', 2)).toBe(true)
    expect((await store.subscriberById(id))?.status).toBe('suspended')
  })

  it('gives back claims whose lease ran out, unless their worker renewed them', async () => {
    const store = getStore()
    const { run, mine: ofRun } = await twoQueued('lease', 'Lease test')
    const quiet = ofRun(await store.claim('quiet-worker', 10, new Date()))
    expect(quiet).toHaveLength(2)
    await store.renew('quiet-worker', new Date(Date.now() - 10 * 60_000))
    // One worker on another machine keeps renewing; the other went quiet ten minutes ago.
    const [mine] = ofRun(await store.claim('busy-worker', 10, new Date()))
    expect(mine).toBeUndefined()
    await store.renew('busy-worker', new Date())
    const staleBefore = new Date(Date.now() - 5 * 60_000)
    expect(await store.recover(staleBefore)).toBeGreaterThanOrEqual(2)
    const again = ofRun(await store.claim('busy-worker', 10, new Date()))
    expect(again.map((r) => r.id).sort()).toEqual(quiet.map((r) => r.id).sort())
    // Renewed claims are not stale: recovery leaves them with their worker.
    await store.renew('busy-worker', new Date())
    await store.recover(staleBefore)
    expect((await store.runCounts(run.id)).pending).toBe(2)
    expect(ofRun(await store.claim('third-worker', 10, new Date()))).toHaveLength(0)
  })

  it("counts a run's suspended addresses", async () => {
    const store = getStore()
    const { tag, subs, run, mine } = await twoQueued('susp', 'Suspended test')
    const rows = mine(await store.claim('w', 10, new Date()))
    expect(rows).toHaveLength(2)
    const bounced = rows.find((r) => r.subscriber?.id === subs[0])!
    expect(await store.bounce(subs[0]!, '550 5.1.1 no such user', 1)).toBe(true)
    await store.markFinal(bounced.id, 'w', 'failed', '550 5.1.1 no such user')
    await store.markSent([{ id: rows.find((r) => r !== bounced)!.id, messageId: `<${tag}@example>`, at: new Date() }], 'w')
    expect(await store.runCounts(run.id)).toMatchObject({ total: 2, sent: 1, failed: 1, suspended: 1 })
  })

  it("finds a person's mail by subscriber and by address, and erases what was addressed to them", async () => {
    const payload = getPayload()
    const store = getStore()
    const tag = `person-${Date.now().toString(36)}`
    const email = `${tag}@example.net`
    const [me, other] = [await subscriber(payload, email), await subscriber(payload, `other-${tag}@example.net`)]
    await store.enqueue([
      { key: `${tag}:confirm`, kind: 'confirm', subscriberId: me, runId: null, items: { nonce: 'n', already: false } },
      { key: `${tag}:digest`, kind: 'digest', subscriberId: me, runId: null, items: ['1'] },
      // A receipt to the same address, in another case: addressed to the address, not the subscriber.
      { key: `${tag}:receipt`, kind: 'receipt', subscriberId: null, runId: null, items: { email: email.toUpperCase(), reference: 'R-1' } },
      { key: `${tag}:other`, kind: 'digest', subscriberId: other, runId: null, items: ['1'] },
      { key: `${tag}:other-receipt`, kind: 'receipt', subscriberId: null, runId: null, items: { email: `other-${tag}@example.net`, reference: 'R-2' } },
      // Only receipts and tests are sent to an address: a digest whose items happen to name it is not.
      { key: `${tag}:lookalike`, kind: 'immediate', subscriberId: other, runId: null, items: { email } },
    ])
    const kinds = async (id: string | null, address: string) => (await store.mailFor(id, address)).map((r) => `${r.kind}:${r.subscriberId === null ? 'address' : r.subscriberId === me ? 'me' : 'other'}`)
    expect(await kinds(me, email)).toEqual(['confirm:me', 'digest:me', 'receipt:address'])
    expect(await kinds(null, email)).toEqual(['receipt:address'])
    const [confirm] = await store.mailFor(me, email)
    expect(confirm).toMatchObject({ kind: 'confirm', status: 'queued', attempts: 0, items: { nonce: 'n', already: false } })
    expect(new Date(confirm!.createdAt!).getTime()).toBeGreaterThan(Date.now() - 60_000)

    expect(await store.eraseMailTo(email)).toBe(1)
    expect(await kinds(me, email)).toEqual(['confirm:me', 'digest:me'])
    await store.eraseSubscriberMail(me)
    expect(await store.mailFor(me, email)).toEqual([])
    // The other person's mail is theirs.
    expect(await kinds(other, `other-${tag}@example.net`)).toEqual(['digest:other', 'receipt:address', 'immediate:other'])
    // Leaves no due rows for the suite's other claims.
    expect(await store.eraseMailTo(`OTHER-${tag}@example.net`)).toBe(1)
    await store.eraseSubscriberMail(other)
    expect(await store.mailFor(other, `other-${tag}@example.net`)).toEqual([])
    await store.forgetErased()
  })
}
