import type { InArgs, InStatement } from '@libsql/client'

import type { SqlClient, SqlRow as Row } from './sqliteClient'

import type { ChangeRow, ClaimedRow, DigestEntry, Id, MailRecord, NewsletterStore, OutboxInsert, SenderSettings, SubscriberFilter, SubscriberRow } from './types'
import { addCount, emptyCounts } from './types'

/** Table and column names are Payload's (cms/collections/*: dbName, snake_case columns). */

const iso = (d: Date) => d.toISOString()
const num = (id: Id) => {
  const n = Number(id)
  if (!Number.isSafeInteger(n)) throw new Error(`Not a SQLite row id: "${id}"`)
  return n
}
/** The first five columns of an outbox row, in INSERT order. */
const rowValues = (r: OutboxInsert) => [
  r.key,
  r.kind,
  r.subscriberId === null ? null : num(r.subscriberId),
  r.runId === null ? null : num(r.runId),
  JSON.stringify(r.items ?? null),
]
const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : (v ?? null))

const SUBSCRIBER_COLUMNS = `s.id, s.email, s.locale, s.status, s.frequency, s.all_topics, s.urgent, s.digest_cursor, s.confirmed_at,
  (SELECT group_concat(r.topics_id) FROM subscribers_rels r WHERE r.parent_id = s.id AND r.path = 'topics') AS topic_ids`

/**
 * A row sent to an address rather than to a subscriber: its message data names it.
 * Only kinds that carry one, and only valid JSON (json_extract fails on anything else).
 */
const ADDRESSED_TO = `kind IN ('receipt', 'test') AND json_valid(items) AND lower(json_extract(items, '$.email')) = lower(?)`

function subscriber(row: Row): SubscriberRow {
  return {
    id: String(row.id),
    email: String(row.email),
    locale: String(row.locale),
    status: String(row.status),
    frequency: String(row.frequency),
    allTopics: Number(row.all_topics) === 1,
    topicIds: row.topic_ids ? String(row.topic_ids).split(',') : [],
    urgent: Number(row.urgent) === 1,
    digestCursor: (row.digest_cursor as string | null) ?? null,
    confirmedAt: (row.confirmed_at as string | null) ?? null,
  }
}

function change(row: Row): ChangeRow {
  return {
    id: String(row.id),
    kind: String(row.kind),
    urgent: Number(row.urgent) === 1,
    topicIds: ((json(row.topic_ids) as unknown[] | null) ?? []).map(String),
    entries: (json(row.entries) as ChangeRow['entries'] | null) ?? {},
    publishedAt: String(row.published_at),
    docCollection: String(row.doc_collection),
    withdrawn: row.withdrawn_at != null,
  }
}

export function sqliteStore(client: SqlClient, options: { close?: boolean } = {}): NewsletterStore {
  const exec = (sql: string, args: InArgs = []) => client.execute({ sql, args })
  const placeholders = (n: number) => new Array(n).fill('?').join(',')

  async function subscribersByIds(ids: number[]): Promise<Map<string, SubscriberRow>> {
    const out = new Map<string, SubscriberRow>()
    if (ids.length === 0) return out
    const res = await exec(`SELECT ${SUBSCRIBER_COLUMNS} FROM subscribers s WHERE s.id IN (${placeholders(ids.length)})`, ids)
    for (const row of res.rows) out.set(String(row.id), subscriber(row))
    return out
  }

  return {
    engine: 'sqlite',

    async enqueue(rows: OutboxInsert[]) {
      const now = iso(new Date())
      const statements: InStatement[] = []
      // 9 values a row; 400 rows stay far below SQLite's variable limit.
      for (let i = 0; i < rows.length; i += 400) {
        const chunk = rows.slice(i, i + 400)
        statements.push({
          sql: `INSERT INTO email_outbox (key, kind, subscriber_id, run_id, items, status, attempts, next_attempt_at, created_at, updated_at)
                VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)").join(',')}
                ON CONFLICT(key) DO NOTHING`,
          args: chunk.flatMap((r) => [...rowValues(r), now, now, now]),
        })
      }
      if (statements.length === 0) return 0
      const results = await client.batch(statements, 'write')
      return results.reduce((n, r) => n + r.rowsAffected, 0)
    },

    async queueDigest(at, entries) {
      if (entries.length === 0) return { queued: 0, stale: [] }
      const now = iso(new Date())
      const withRow = entries.filter((e): e is DigestEntry & { row: OutboxInsert } => e.row !== null)
      const statements: InStatement[] = []
      // Each row only if its subscriber's cursor is still the one its items were chosen
      // from; the write transaction holds SQLite's lock, so the check and the move below
      // see the same cursors.
      for (let i = 0; i < withRow.length; i += 400) {
        const chunk = withRow.slice(i, i + 400)
        statements.push({
          sql: `INSERT INTO email_outbox (key, kind, subscriber_id, run_id, items, status, attempts, next_attempt_at, created_at, updated_at)
                SELECT v.column1, v.column2, v.column3, v.column4, v.column5, 'queued', 0, ?, ?, ?
                FROM (VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(',')}) v
                JOIN subscribers s ON s.id = v.column3 AND s.digest_cursor IS v.column6
                WHERE true
                ON CONFLICT(key) DO NOTHING`,
          args: [now, now, now, ...chunk.flatMap((e) => [...rowValues(e.row), e.cursor])],
        })
      }
      const inserts = statements.length
      for (let i = 0; i < entries.length; i += 500) {
        const chunk = entries.slice(i, i + 500)
        statements.push({
          sql: `UPDATE subscribers SET digest_cursor = ?
                FROM (VALUES ${chunk.map(() => '(?, ?)').join(',')}) v
                WHERE subscribers.id = v.column1 AND subscribers.digest_cursor IS v.column2
                RETURNING id`,
          args: [iso(at), ...chunk.flatMap((e) => [num(e.subscriberId), e.cursor])],
        })
      }
      const results = await client.batch(statements, 'write')
      const moved = new Set(results.slice(inserts).flatMap((r) => r.rows.map((row) => String(row.id))))
      return {
        queued: results.slice(0, inserts).reduce((n, r) => n + r.rowsAffected, 0),
        stale: entries.filter((e) => !moved.has(String(num(e.subscriberId)))).map((e) => e.subscriberId),
      }
    },

    async claim(worker, limit, now) {
      // No ORDER BY: the (status, next_attempt_at) index hands over the first due rows
      // without sorting the whole queue (100,000 rows for a digest) on every claim.
      const res = await exec(
        `UPDATE email_outbox SET status = 'sending', claimed_by = ?, claimed_at = ?
         WHERE id IN (SELECT id FROM email_outbox WHERE status IN ('queued', 'retrying') AND next_attempt_at <= ? LIMIT ?)
         RETURNING id, key, kind, run_id, items, attempts, subscriber_id`,
        [worker, iso(now), iso(now), limit],
      )
      const subs = await subscribersByIds([...new Set(res.rows.map((r) => r.subscriber_id).filter((v) => v !== null).map(Number))])
      return res.rows
        .map(
          (r): ClaimedRow => ({
            id: String(r.id),
            key: String(r.key),
            kind: String(r.kind) as ClaimedRow['kind'],
            runId: r.run_id === null ? null : String(r.run_id),
            items: json(r.items),
            attempts: Number(r.attempts ?? 0),
            subscriber: r.subscriber_id === null ? null : (subs.get(String(r.subscriber_id)) ?? null),
          }),
        )
        .sort((a, b) => Number(a.id) - Number(b.id))
    },

    async markSent(marks, worker) {
      if (marks.length === 0) return 0
      // sent_at says when; leaving updated_at (and its index) alone keeps this write small.
      const sql = `UPDATE email_outbox SET status = 'sent', sent_at = ?, message_id = ?, claimed_by = NULL WHERE id = ? AND status = 'sending' AND claimed_by = ?`
      const results = await client.batch(
        marks.map((m) => ({ sql, args: [iso(m.at), m.messageId, num(m.id), worker] })),
        'write',
      )
      return results.reduce((n, r) => n + r.rowsAffected, 0)
    },

    async markRetry(id, worker, attempts, error, nextAt) {
      await exec(
        `UPDATE email_outbox SET status = 'retrying', attempts = ?, last_error = ?, next_attempt_at = ?, claimed_by = NULL, updated_at = ? WHERE id = ? AND status = 'sending' AND claimed_by = ?`,
        [attempts, error.slice(0, 500), iso(nextAt), iso(new Date()), num(id), worker],
      )
    },

    async markFinal(id, worker, status, error) {
      await exec(`UPDATE email_outbox SET status = ?, last_error = ?, claimed_by = NULL, updated_at = ? WHERE id = ? AND status = 'sending' AND claimed_by = ?`, [
        status,
        error.slice(0, 500),
        iso(new Date()),
        num(id),
        worker,
      ])
    },

    async renew(worker, now) {
      await exec(`UPDATE email_outbox SET claimed_at = ? WHERE status = 'sending' AND claimed_by = ?`, [iso(now), worker])
    },

    async recover(staleBefore, dead) {
      let n = 0
      const claimers = await exec(`SELECT DISTINCT claimed_by FROM email_outbox WHERE status = 'sending'`)
      for (const row of claimers.rows) {
        const worker = String(row.claimed_by)
        if (dead?.(worker)) {
          n += (await exec(`UPDATE email_outbox SET status = 'queued', claimed_by = NULL WHERE status = 'sending' AND claimed_by = ?`, [worker])).rowsAffected
        }
      }
      n += (
        await exec(`UPDATE email_outbox SET status = 'queued', claimed_by = NULL WHERE status = 'sending' AND claimed_at < ?`, [iso(staleBefore)])
      ).rowsAffected
      return n
    },

    async nextDue() {
      const res = await exec(`SELECT min(next_attempt_at) AS due FROM email_outbox WHERE status IN ('queued', 'retrying')`)
      const due = res.rows[0]?.due
      return due ? new Date(String(due)) : null
    },

    async runCounts(runId) {
      const res = await exec(`SELECT status, count(*) AS n FROM email_outbox WHERE run_id = ? GROUP BY status`, [num(runId)])
      const counts = emptyCounts()
      for (const row of res.rows) addCount(counts, String(row.status), Number(row.n))
      const suspended = await exec(
        // Only failed and skipped rows can belong to a suspended address: the (run, status) index keeps this cheap.
        `SELECT count(DISTINCT o.subscriber_id) AS n FROM email_outbox o JOIN subscribers s ON s.id = o.subscriber_id
         WHERE o.run_id = ? AND o.status IN ('failed', 'skipped') AND s.status = 'suspended'`,
        [num(runId)],
      )
      counts.suspended = Number(suspended.rows[0]?.n ?? 0)
      return counts
    },

    async saveRunCounts(runId, c, done, now) {
      await exec(
        `UPDATE newsletter_runs SET total = ?, sent = ?, pending = ?, retrying = ?, failed = ?, skipped = ?, suspended = ?,
           status = CASE WHEN status = 'preparing' THEN status WHEN ? THEN 'done' ELSE 'sending' END,
           finished_at = CASE WHEN ? THEN ? ELSE finished_at END, updated_at = ? WHERE id = ?`,
        [c.total, c.sent, c.pending, c.retrying, c.failed, c.skipped, c.suspended, done ? 1 : 0, done ? 1 : 0, iso(now), iso(now), num(runId)],
      )
    },

    async openRuns() {
      const res = await exec(`SELECT id FROM newsletter_runs WHERE status != 'done' ORDER BY id`)
      return res.rows.map((r) => String(r.id))
    },

    async bounce(subscriberId, error, maxBounces) {
      const res = await exec(
        `UPDATE subscribers SET bounce_count = coalesce(bounce_count, 0) + 1, last_bounce = ?,
           status = CASE WHEN coalesce(bounce_count, 0) + 1 >= ? AND status = 'confirmed' THEN 'suspended' ELSE status END,
           updated_at = ?
         WHERE id = ? RETURNING status`,
        [error.slice(0, 300), maxBounces, iso(new Date()), num(subscriberId)],
      )
      return res.rows[0]?.status === 'suspended'
    },

    async subscribers(filter: SubscriberFilter, afterId, limit) {
      const conditions = [`s.frequency IN (${placeholders(filter.frequencies.length || 1)})`]
      const args: InArgs = filter.frequencies.length ? [...filter.frequencies] : ['-']
      if (filter.orUrgent) conditions.push('s.urgent = 1')
      const res = await exec(
        `SELECT ${SUBSCRIBER_COLUMNS} FROM subscribers s
         WHERE s.status = 'confirmed' AND s.id > ? AND (${conditions.join(' OR ')}) ORDER BY s.id LIMIT ?`,
        [afterId === null ? 0 : num(afterId), ...args, limit],
      )
      return res.rows.map(subscriber)
    },

    async subscriberById(id) {
      return (await subscribersByIds([num(id)])).get(String(num(id))) ?? null
    },

    async changes(ids) {
      if (ids.length === 0) return []
      const res = await exec(`SELECT * FROM content_changes WHERE id IN (${placeholders(ids.length)}) ORDER BY published_at, id`, ids.map(num))
      return res.rows.map(change)
    },

    async withdrawn(ids) {
      if (ids.length === 0) return new Set()
      const res = await exec(`SELECT id FROM content_changes WHERE withdrawn_at IS NOT NULL AND id IN (${placeholders(ids.length)})`, ids.map(num))
      return new Set(res.rows.map((r) => String(r.id)))
    },

    async changesBetween(from, to) {
      const res = await exec(
        `SELECT * FROM content_changes WHERE published_at > ? AND published_at <= ? ORDER BY published_at, id`,
        [from ? iso(from) : '', iso(to)],
      )
      return res.rows.map(change)
    },

    async sender() {
      const main = await exec(`SELECT id, newsletter_from_address, newsletter_reply_to FROM settings WHERE _status = 'published' LIMIT 1`)
      const row = main.rows[0]
      const out: SenderSettings = { fromAddress: null, replyTo: null, fromName: {}, cityName: {}, cityNameCases: {} }
      if (!row) return out
      out.fromAddress = (row.newsletter_from_address as string | null) || null
      out.replyTo = (row.newsletter_reply_to as string | null) || null
      const locales = await exec(`SELECT _locale, city_name, city_name_cases_genitive, city_name_cases_locative, newsletter_from_name FROM settings_locales WHERE _parent_id = ?`, [Number(row.id)])
      for (const l of locales.rows) {
        if (l.city_name) out.cityName[String(l._locale)] = String(l.city_name)
        out.cityNameCases![String(l._locale)] = { genitive: (l.city_name_cases_genitive as string | null) || null, locative: (l.city_name_cases_locative as string | null) || null }
        if (l.newsletter_from_name) out.fromName[String(l._locale)] = String(l.newsletter_from_name)
      }
      return out
    },

    async eraseSubscriberMail(subscriberId) {
      await exec(`DELETE FROM email_outbox WHERE subscriber_id = ?`, [num(subscriberId)])
    },

    async mailFor(subscriberId, email) {
      const res = await exec(
        `SELECT id, kind, subscriber_id, run_id, items, status, attempts, created_at, next_attempt_at, sent_at, message_id, last_error FROM email_outbox
         WHERE subscriber_id = ? OR (${ADDRESSED_TO}) ORDER BY id`,
        [subscriberId === null ? null : num(subscriberId), email],
      )
      return res.rows.map(
        (r): MailRecord => ({
          id: String(r.id),
          kind: String(r.kind) as MailRecord['kind'],
          subscriberId: r.subscriber_id === null ? null : String(r.subscriber_id),
          runId: r.run_id === null ? null : String(r.run_id),
          items: json(r.items),
          status: String(r.status),
          attempts: Number(r.attempts ?? 0),
          createdAt: (r.created_at as string | null) ?? null,
          nextAttemptAt: (r.next_attempt_at as string | null) ?? null,
          sentAt: (r.sent_at as string | null) ?? null,
          messageId: (r.message_id as string | null) ?? null,
          lastError: (r.last_error as string | null) ?? null,
        }),
      )
    },

    async eraseMailTo(email) {
      return (await exec(`DELETE FROM email_outbox WHERE ${ADDRESSED_TO}`, [email])).rowsAffected
    },

    async forgetErased() {
      await exec('PRAGMA wal_checkpoint(TRUNCATE)')
    },

    async close() {
      if (options.close) client.close()
    },
  }
}
