import type { Payload } from 'payload'

import { getDefaultLocale } from '../../model/locales'
import { entryFor } from './compose'
import { relationIds } from './ids'
import type { NewsletterConfig } from './config'
import { dueSlots } from './schedule'
import { storeFor } from './store'
import type { ChangeRow, DigestEntry, Id, OutboxInsert, SubscriberRow } from './store/types'

/**
 * Turning content changes into outbox rows. Every row has a unique key, so running any
 * of this twice (a retried job, two job runners) queues nothing new.
 */

const BATCH = 1000
/** A digest never reaches further back than this, even after a long outage. */
const MAX_LOOKBACK_MS = 35 * 86_400_000
/**
 * Item ids kept per digest row. The email shows the newest 50 at most (compose.ts) and
 * counts the rest ("and N more" on the site), so the row keeps more than it shows.
 */
const MAX_QUEUED_ITEMS = 500

/** Urgent items went out at once to everyone who asked for alerts: not again in their digest. */
function sentAtOnce(sub: SubscriberRow, change: ChangeRow): boolean {
  return change.urgent && sub.urgent
}

export function matches(sub: SubscriberRow, change: ChangeRow, defaultLocale: string): boolean {
  if (!entryFor(change, sub.locale, defaultLocale)) return false
  // Nobody hears about what was published before they confirmed.
  if (sub.confirmedAt && change.publishedAt < sub.confirmedAt) return false
  if (sentAtOnce(sub, change)) return true
  if (sub.frequency !== 'immediately' && sub.frequency !== 'daily' && sub.frequency !== 'weekly') return false
  return sub.allTopics || change.topicIds.some((t) => sub.topicIds.includes(t))
}

/** Finds or creates a run by its unique key. */
export async function ensureRun(
  payload: Payload,
  data: { key: string; kind: 'immediate' | 'daily' | 'weekly' | 'test'; title: string; change?: Id; cutoff?: Date },
): Promise<{ id: string; created: boolean }> {
  const find = async () =>
    (await payload.find({ collection: 'newsletter-runs', where: { key: { equals: data.key } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
  const existing = await find()
  if (existing) return { id: String(existing.id), created: false }
  try {
    const run = await payload.create({
      collection: 'newsletter-runs',
      data: {
        key: data.key,
        kind: data.kind,
        title: data.title,
        status: 'preparing',
        change: data.change ? relationIds(payload, [data.change])[0] : undefined,
        cutoff: data.cutoff?.toISOString(),
      },
      overrideAccess: true,
    })
    return { id: String(run.id), created: true }
  } catch (error) {
    // Another runner created it first.
    const again = await find()
    if (again) return { id: String(again.id), created: false }
    throw error
  }
}

async function finishPreparing(payload: Payload, runId: string): Promise<void> {
  const store = storeFor(payload)
  const counts = await store.runCounts(runId)
  await payload.update({
    collection: 'newsletter-runs',
    id: runId,
    data: { ...counts, status: counts.pending + counts.retrying === 0 ? 'done' : 'sending', ...(counts.total === 0 ? { finishedAt: new Date().toISOString() } : {}) },
    overrideAccess: true,
  })
}

/** Immediate emails for one change: subscribers who want each item at once, and urgent alerts. */
export async function fanOutChange(payload: Payload, changeId: string): Promise<{ runId: string; queued: number }> {
  const store = storeFor(payload)
  const [change] = await store.changes([changeId])
  if (!change) throw new Error(`Content change ${changeId} does not exist`)
  // Unpublished before its emails were queued: nobody hears about it.
  const withdrawn = change.withdrawn
  const defaultLocale = getDefaultLocale()
  const title = change.entries[defaultLocale]?.title ?? Object.values(change.entries)[0]?.title ?? changeId
  const run = await ensureRun(payload, { key: `change:${changeId}`, kind: 'immediate', title, change: changeId })
  let queued = 0
  let after: string | null = null
  for (; !withdrawn; ) {
    const subs = await store.subscribers({ frequencies: ['immediately'], orUrgent: change.urgent }, after, BATCH)
    if (subs.length === 0) break
    after = subs[subs.length - 1]!.id
    const rows: OutboxInsert[] = subs
      .filter((s) => matches(s, change, defaultLocale) && (s.frequency === 'immediately' || sentAtOnce(s, change)))
      .map((s) => ({ key: `change:${changeId}:${s.id}`, kind: 'immediate', subscriberId: s.id, runId: run.id, items: [changeId] }))
    queued += await store.enqueue(rows)
  }
  await finishPreparing(payload, run.id)
  return { runId: run.id, queued }
}

/**
 * A later slot of the same kind that is still waiting to be built (a job runner that was
 * down, a backlog) holds everything this one would: building both would send two
 * emails, one soon after the other. This run then sends nothing.
 */
async function overtaken(payload: Payload, kind: 'daily' | 'weekly', cutoff: Date): Promise<boolean> {
  const later = await payload.count({
    collection: 'newsletter-runs',
    where: { and: [{ kind: { equals: kind } }, { status: { equals: 'preparing' } }, { cutoff: { greater_than: cutoff.toISOString() } }] },
    overrideAccess: true,
  })
  return later.totalDocs > 0
}

/** Rounds of "cursor moved meanwhile, read it again" before the job gives up and is retried. */
const MAX_REREADS = 5

/**
 * One digest email per subscriber with this frequency, holding every matching change
 * since their last digest, in their language. Empty digests are not sent, but the
 * cursor still moves, in the same transaction as the rows, and only from the value the
 * items were chosen from: two runs due at once (built in either order, at the same time,
 * or again as a retried job) never queue the same item for a subscriber twice.
 */
export async function buildDigest(payload: Payload, runId: string): Promise<{ queued: number; subscribers: number }> {
  const store = storeFor(payload)
  const run = await payload.findByID({ collection: 'newsletter-runs', id: runId, depth: 0, overrideAccess: true })
  const kind = run.kind
  if (kind !== 'daily' && kind !== 'weekly') throw new Error(`Run ${runId} is not a digest`)
  const cutoff = new Date(String(run.cutoff))
  if (Number.isNaN(cutoff.getTime())) throw new Error(`Digest run ${runId} has no cutoff`)
  if (await overtaken(payload, kind, cutoff)) {
    await finishPreparing(payload, runId)
    return { queued: 0, subscribers: 0 }
  }
  const at = cutoff.toISOString()
  const changes = (await store.changesBetween(new Date(cutoff.getTime() - MAX_LOOKBACK_MS), cutoff)).filter((c) => !c.withdrawn)
  const defaultLocale = getDefaultLocale()
  const entryOf = (s: SubscriberRow): DigestEntry | null => {
    const since = s.digestCursor ?? s.confirmedAt ?? ''
    // Already covered by this run (a retried job) or a later one.
    if (since >= at) return null
    const items = changes.filter((c) => c.publishedAt > since && matches(s, c, defaultLocale) && !sentAtOnce(s, c)).slice(-MAX_QUEUED_ITEMS)
    const row: OutboxInsert | null = items.length > 0 ? { key: `digest:${runId}:${s.id}`, kind: 'digest', subscriberId: s.id, runId, items: items.map((c) => c.id) } : null
    return { subscriberId: s.id, cursor: s.digestCursor, row }
  }
  const present = (entries: (DigestEntry | null)[]) => entries.filter((e): e is DigestEntry => e !== null)
  let queued = 0
  let seen = 0
  let after: string | null = null
  for (;;) {
    const subs = await store.subscribers({ frequencies: [kind] }, after, BATCH)
    if (subs.length === 0) break
    after = subs[subs.length - 1]!.id
    let entries = present(subs.map(entryOf))
    for (let round = 0; entries.length > 0; round++) {
      if (round === MAX_REREADS) throw new Error(`Digest run ${runId}: the digest cursors of ${entries.length} subscriber(s) kept moving while it was built; the job will try again.`)
      const step = await store.queueDigest(cutoff, entries)
      queued += step.queued
      seen += entries.length - step.stale.length
      // Moved by another run meanwhile: what that run did not cover is still theirs.
      const again = await Promise.all(step.stale.map((id) => store.subscriberById(id)))
      entries = present(again.map((s) => (s && s.status === 'confirmed' && s.frequency === kind ? entryOf(s) : null)))
    }
  }
  await finishPreparing(payload, runId)
  return { queued, subscribers: seen }
}

/** Creates the runs of digest slots that have passed and queues their jobs (once each). */
export async function scheduleDigests(payload: Payload, config: NewsletterConfig, now = new Date()): Promise<string[]> {
  const created: string[] = []
  for (const slot of dueSlots(now, config)) {
    const title = `${slot.frequency === 'daily' ? 'Daily' : 'Weekly'} digest ${slot.key.split(':')[1]}`
    const run = await ensureRun(payload, { key: slot.key, kind: slot.frequency, title, cutoff: slot.cutoff })
    if (!run.created) continue
    await payload.jobs.queue({ task: 'newsletterDigest', input: { runId: run.id }, queue: 'newsletter' })
    created.push(run.id)
  }
  return created
}
