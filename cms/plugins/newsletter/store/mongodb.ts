import { type ClientSession, type Db, type Document, type MongoClient, ObjectId } from 'mongodb'

import type { ChangeRow, ClaimedRow, DigestEntry, Id, MailRecord, NewsletterStore, OutboxInsert, SenderSettings, SubscriberRow } from './types'
import { addCount, emptyCounts } from './types'

/**
 * The same contract on MongoDB (collections named by each collection's dbName). Queueing
 * runs in transactions, which need a replica set (the supported production setup; see
 * docs/production.md).
 */

const oid = (id: Id) => new ObjectId(id)
const str = (v: unknown) => (v instanceof ObjectId ? v.toHexString() : String(v))
const isoOrNull = (v: unknown) => (v instanceof Date ? v.toISOString() : v ? String(v) : null)

function subscriber(doc: Document): SubscriberRow {
  return {
    id: str(doc._id),
    email: String(doc.email),
    locale: String(doc.locale),
    status: String(doc.status),
    frequency: String(doc.frequency),
    allTopics: doc.allTopics !== false,
    topicIds: ((doc.topics as unknown[]) ?? []).map(str),
    urgent: doc.urgent !== false,
    digestCursor: isoOrNull(doc.digestCursor),
    confirmedAt: isoOrNull(doc.confirmedAt),
  }
}

function change(doc: Document): ChangeRow {
  return {
    id: str(doc._id),
    kind: String(doc.kind),
    urgent: Boolean(doc.urgent),
    topicIds: ((doc.topicIds as unknown[]) ?? []).map(String),
    entries: (doc.entries as ChangeRow['entries']) ?? {},
    publishedAt: isoOrNull(doc.publishedAt) ?? '',
    docCollection: String(doc.docCollection),
    withdrawn: doc.withdrawnAt != null,
  }
}

/** A row sent to an address rather than to a subscriber (receipts, tests): its message data names it, in any case. */
const addressedTo = (email: string): Document => ({
  kind: { $in: ['receipt', 'test'] },
  'items.email': { $regex: `^${email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, $options: 'i' },
})

const projection = { email: 1, locale: 1, status: 1, frequency: 1, allTopics: 1, topics: 1, urgent: 1, digestCursor: 1, confirmedAt: 1 }

export function mongoStore(client: MongoClient, db: Db, options: { close?: boolean } = {}): NewsletterStore {
  const outbox = db.collection('email_outbox')
  const subscribers = db.collection('subscribers')
  const changes = db.collection('content_changes')
  const runs = db.collection('newsletter_runs')

  /** Inserts the rows whose key is new, inside the caller's transaction; returns how many. */
  async function insertNew(rows: OutboxInsert[], session: ClientSession): Promise<number> {
    if (rows.length === 0) return 0
    const now = new Date()
    // Keys already present are skipped: the unique index turns a second queueing into a no-op.
    const existing = new Set((await outbox.find({ key: { $in: rows.map((r) => r.key) } }, { session, projection: { key: 1 } }).toArray()).map((d) => String(d.key)))
    const fresh = rows
      .filter((r) => !existing.has(r.key))
      .map((r) => ({
        key: r.key,
        kind: r.kind,
        subscriber: r.subscriberId === null ? null : oid(r.subscriberId),
        run: r.runId === null ? null : oid(r.runId),
        items: r.items ?? null,
        status: 'queued',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      }))
    if (fresh.length === 0) return 0
    return (await outbox.insertMany(fresh, { session, ordered: true })).insertedCount
  }

  return {
    engine: 'mongodb',

    async enqueue(rows) {
      let inserted = 0
      const session = client.startSession()
      try {
        await session.withTransaction(async () => {
          inserted = await insertNew(rows, session)
        })
      } finally {
        await session.endSession()
      }
      return inserted
    },

    async queueDigest(at, entries) {
      let queued = 0
      let stale: Id[] = []
      if (entries.length === 0) return { queued, stale }
      const session = client.startSession()
      try {
        // Snapshot reads: the cursors checked below are the ones the writes change. A
        // cursor moved by another transaction after this one began makes its write
        // conflict, and withTransaction runs the whole step again.
        await session.withTransaction(
          async () => {
            const current = new Map(
              (await subscribers.find({ _id: { $in: entries.map((e) => oid(e.subscriberId)) } }, { session, projection: { digestCursor: 1 } }).toArray()).map((d) => [
                str(d._id),
                isoOrNull(d.digestCursor),
              ]),
            )
            const unchanged = (e: DigestEntry) => current.has(e.subscriberId) && current.get(e.subscriberId) === e.cursor
            const fresh = entries.filter(unchanged)
            stale = entries.filter((e) => !unchanged(e)).map((e) => e.subscriberId)
            queued = await insertNew(fresh.flatMap((e) => (e.row ? [e.row] : [])), session)
            if (fresh.length > 0) {
              await subscribers.updateMany({ _id: { $in: fresh.map((e) => oid(e.subscriberId)) } }, { $set: { digestCursor: at } }, { session })
            }
          },
          { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } },
        )
      } finally {
        await session.endSession()
      }
      return { queued, stale }
    },

    async claim(worker, limit, now) {
      const claimed: Document[] = []
      for (let i = 0; i < limit; i++) {
        const doc = await outbox.findOneAndUpdate(
          { status: { $in: ['queued', 'retrying'] }, nextAttemptAt: { $lte: now } },
          { $set: { status: 'sending', claimedBy: worker, claimedAt: now } },
          // Sorted the way the (status, nextAttemptAt) index is, so no claim sorts the queue.
          { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
        )
        if (!doc) break
        claimed.push(doc)
      }
      const ids = [...new Set(claimed.map((d) => d.subscriber).filter(Boolean).map(str))]
      const subs = new Map(
        (await subscribers.find({ _id: { $in: ids.map(oid) } }, { projection }).toArray()).map((d) => [str(d._id), subscriber(d)]),
      )
      return claimed.map(
        (d): ClaimedRow => ({
          id: str(d._id),
          key: String(d.key),
          kind: d.kind as ClaimedRow['kind'],
          runId: d.run ? str(d.run) : null,
          items: d.items ?? null,
          attempts: Number(d.attempts ?? 0),
          subscriber: d.subscriber ? (subs.get(str(d.subscriber)) ?? null) : null,
        }),
      )
    },

    async markSent(marks, worker) {
      if (marks.length === 0) return 0
      const result = await outbox.bulkWrite(
        marks.map((m) => ({
          updateOne: {
            filter: { _id: oid(m.id), status: 'sending', claimedBy: worker },
            update: { $set: { status: 'sent', sentAt: m.at, messageId: m.messageId, claimedBy: null, lastError: null, updatedAt: m.at } },
          },
        })),
        { ordered: false },
      )
      return result.modifiedCount
    },

    async markRetry(id, worker, attempts, error, nextAt) {
      await outbox.updateOne(
        { _id: oid(id), status: 'sending', claimedBy: worker },
        { $set: { status: 'retrying', attempts, lastError: error.slice(0, 500), nextAttemptAt: nextAt, claimedBy: null, updatedAt: new Date() } },
      )
    },

    async markFinal(id, worker, status, error) {
      await outbox.updateOne(
        { _id: oid(id), status: 'sending', claimedBy: worker },
        { $set: { status, lastError: error.slice(0, 500), claimedBy: null, updatedAt: new Date() } },
      )
    },

    async renew(worker, now) {
      await outbox.updateMany({ status: 'sending', claimedBy: worker }, { $set: { claimedAt: now } })
    },

    async recover(staleBefore, dead) {
      let n = 0
      for (const worker of await outbox.distinct('claimedBy', { status: 'sending' })) {
        if (typeof worker === 'string' && dead?.(worker)) {
          n += (await outbox.updateMany({ status: 'sending', claimedBy: worker }, { $set: { status: 'queued', claimedBy: null } })).modifiedCount
        }
      }
      n += (await outbox.updateMany({ status: 'sending', claimedAt: { $lt: staleBefore } }, { $set: { status: 'queued', claimedBy: null } })).modifiedCount
      return n
    },

    async nextDue() {
      const doc = await outbox.find({ status: { $in: ['queued', 'retrying'] } }, { projection: { nextAttemptAt: 1 } }).sort({ nextAttemptAt: 1 }).limit(1).next()
      return doc?.nextAttemptAt instanceof Date ? doc.nextAttemptAt : null
    },

    async runCounts(runId) {
      const counts = emptyCounts()
      for await (const row of outbox.aggregate([{ $match: { run: oid(runId) } }, { $group: { _id: '$status', n: { $sum: 1 } } }])) {
        addCount(counts, String(row._id), Number(row.n))
      }
      // Only failed and skipped rows can belong to a suspended address.
      const recipients = await outbox.distinct('subscriber', { run: oid(runId), status: { $in: ['failed', 'skipped'] }, subscriber: { $ne: null } })
      counts.suspended = recipients.length === 0 ? 0 : await subscribers.countDocuments({ _id: { $in: recipients }, status: 'suspended' })
      return counts
    },

    async saveRunCounts(runId, c, done, now) {
      const run = await runs.findOne({ _id: oid(runId) }, { projection: { status: 1 } })
      const status = run?.status === 'preparing' ? 'preparing' : done ? 'done' : 'sending'
      await runs.updateOne(
        { _id: oid(runId) },
        { $set: { ...c, status, updatedAt: now, ...(done ? { finishedAt: now } : {}) } },
      )
    },

    async openRuns() {
      return (await runs.find({ status: { $ne: 'done' } }, { projection: { _id: 1 } }).sort({ _id: 1 }).toArray()).map((d) => str(d._id))
    },

    async bounce(subscriberId, error, maxBounces) {
      const doc = await subscribers.findOneAndUpdate(
        { _id: oid(subscriberId) },
        { $inc: { bounceCount: 1 }, $set: { lastBounce: error.slice(0, 300), updatedAt: new Date() } },
        { returnDocument: 'after' },
      )
      if (doc && Number(doc.bounceCount) >= maxBounces && doc.status === 'confirmed') {
        await subscribers.updateOne({ _id: doc._id, status: 'confirmed' }, { $set: { status: 'suspended' } })
        return true
      }
      return false
    },

    async subscribers(filter, afterId, limit) {
      const or: Document[] = [{ frequency: { $in: filter.frequencies } }]
      if (filter.orUrgent) or.push({ urgent: true })
      const query: Document = { status: 'confirmed', $or: or }
      if (afterId !== null) query._id = { $gt: oid(afterId) }
      return (await subscribers.find(query, { projection }).sort({ _id: 1 }).limit(limit).toArray()).map(subscriber)
    },

    async subscriberById(id) {
      const doc = await subscribers.findOne({ _id: oid(id) }, { projection })
      return doc ? subscriber(doc) : null
    },

    async changes(ids) {
      if (ids.length === 0) return []
      return (await changes.find({ _id: { $in: ids.map(oid) } }).sort({ publishedAt: 1, _id: 1 }).toArray()).map(change)
    },

    async withdrawn(ids) {
      if (ids.length === 0) return new Set()
      const found = await changes.find({ _id: { $in: ids.map(oid) }, withdrawnAt: { $ne: null } }, { projection: { _id: 1 } }).toArray()
      return new Set(found.map((d) => str(d._id)))
    },

    async changesBetween(from, to) {
      const range: Document = { $lte: to }
      if (from) range.$gt = from
      return (await changes.find({ publishedAt: range }).sort({ publishedAt: 1, _id: 1 }).toArray()).map(change)
    },

    async sender() {
      const doc = await db.collection('globals').findOne({ globalType: 'settings' })
      const out: SenderSettings = { fromAddress: null, replyTo: null, fromName: {}, cityName: {}, cityNameCases: {} }
      if (!doc || doc._status === 'draft') return out
      const nl = (doc.newsletter ?? {}) as Document
      out.fromAddress = typeof nl.fromAddress === 'string' && nl.fromAddress ? nl.fromAddress : null
      out.replyTo = typeof nl.replyTo === 'string' && nl.replyTo ? nl.replyTo : null
      const localized = (v: unknown) => Object.fromEntries(Object.entries((v ?? {}) as Record<string, unknown>).filter(([, s]) => typeof s === 'string' && s).map(([k, s]) => [k, String(s)]))
      out.fromName = localized(nl.fromName)
      out.cityName = localized(doc.cityName)
      const cases = (doc.cityNameCases ?? {}) as Document
      const [genitive, locative] = [localized(cases.genitive), localized(cases.locative)]
      for (const l of new Set([...Object.keys(genitive), ...Object.keys(locative)])) out.cityNameCases![l] = { genitive: genitive[l] ?? null, locative: locative[l] ?? null }
      return out
    },

    async eraseSubscriberMail(subscriberId) {
      await outbox.deleteMany({ subscriber: oid(subscriberId) })
    },

    async mailFor(subscriberId, email) {
      const filter = subscriberId === null ? addressedTo(email) : { $or: [{ subscriber: oid(subscriberId) }, addressedTo(email)] }
      const docs = await outbox.find(filter).sort({ _id: 1 }).toArray()
      return docs.map(
        (d): MailRecord => ({
          id: str(d._id),
          kind: String(d.kind) as MailRecord['kind'],
          subscriberId: d.subscriber == null ? null : str(d.subscriber),
          runId: d.run == null ? null : str(d.run),
          items: d.items ?? null,
          status: String(d.status),
          attempts: Number(d.attempts ?? 0),
          createdAt: isoOrNull(d.createdAt),
          nextAttemptAt: isoOrNull(d.nextAttemptAt),
          sentAt: isoOrNull(d.sentAt),
          messageId: d.messageId == null ? null : String(d.messageId),
          lastError: d.lastError == null ? null : String(d.lastError),
        }),
      )
    },

    async eraseMailTo(email) {
      return (await outbox.deleteMany(addressedTo(email))).deletedCount
    },

    async forgetErased() {
      // Deleted documents are gone from the collection; the storage engine reuses their space.
    },

    async close() {
      if (options.close) await client.close()
    },
  }
}
