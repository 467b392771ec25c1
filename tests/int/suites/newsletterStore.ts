/**
 * The newsletter store's contract, run on every engine (SQLite always, MongoDB when
 * MONGODB_URL is set): unique keys, exclusive claims, retries, recovery, counts, bounces.
 */
import type { Payload } from 'payload'
import { expect, it } from 'vitest'

import { ensureRun } from '../../../cms/newsletter/queueing'
import { storeFor } from '../../../cms/newsletter/store'

export function newsletterStoreSuite(getPayload: () => Payload) {
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

  it('queues each key once, lets one worker claim a row, and counts the run', async () => {
    const payload = getPayload()
    const store = storeFor(payload)
    const tag = Date.now().toString(36)
    const subs = [await subscriber(payload, `a-${tag}@example.net`), await subscriber(payload, `b-${tag}@example.net`), await subscriber(payload, `c-${tag}@example.net`)]
    const run = await ensureRun(payload, { key: `store-test:${tag}`, kind: 'daily', title: 'Store test', cutoff: new Date() })
    const rows = subs.map((id) => ({ key: `store:${tag}:${id}`, kind: 'digest' as const, subscriberId: id, runId: run.id, items: [] }))
    expect(await store.enqueue(rows, { subscriberIds: subs, at: new Date() })).toBe(3)
    expect(await store.enqueue(rows)).toBe(0)

    const [one, two] = await Promise.all([store.claim('worker-one', 2, new Date()), store.claim('worker-two', 2, new Date())])
    const claimed = [...one, ...two].filter((r) => r.key.startsWith(`store:${tag}:`))
    expect(new Set(claimed.map((r) => r.id)).size).toBe(claimed.length)
    expect(claimed.length).toBe(3)
    expect(claimed[0]!.subscriber?.email).toMatch(/@example\.net$/)

    await store.markSent(claimed[0]!.id, '<m1@example>', new Date())
    await store.markRetry(claimed[1]!.id, 1, 'ECONNECTION: dropped', new Date(Date.now() + 60_000))
    // The third row's worker "dies": recovery gives it back.
    const deadWorker = [...one].some((r) => r.id === claimed[2]!.id) ? 'worker-one' : 'worker-two'
    expect(await store.recover(new Date(0), (w) => w === deadWorker)).toBeGreaterThanOrEqual(1)
    const counts = await store.runCounts(run.id)
    expect(counts).toMatchObject({ total: 3, sent: 1, retrying: 1, pending: 1 })
    const again = (await store.claim('worker-three', 10, new Date())).filter((r) => r.key.startsWith(`store:${tag}:`))
    expect(again.map((r) => r.id)).toEqual([claimed[2]!.id])
    expect((await store.nextDue())?.getTime()).toBeGreaterThan(Date.now())
  })

  it('suspends an address after the configured number of bounces', async () => {
    const payload = getPayload()
    const store = storeFor(payload)
    const id = await subscriber(payload, `bounce-${Date.now().toString(36)}@example.net`)
    expect(await store.bounce(id, '550 no such user', 2)).toBe(false)
    expect(await store.bounce(id, '550 no such user', 2)).toBe(true)
    expect((await store.subscriberById(id))?.status).toBe('suspended')
  })
}
