/**
 * The newsletter's hot path (fan-out, digests, sending) works on the tables directly:
 * through the Local API 100,000 outbox rows would take half an hour to write. One
 * implementation per engine, same contract, tested by tests/int/newsletter-store.
 */

import type { CityNameCases } from '../../../model/i18n'

export type Id = string

export type OutboxKind = 'confirm' | 'immediate' | 'digest' | 'test' | 'receipt'

export type OutboxInsert = {
  key: string
  kind: OutboxKind
  subscriberId: Id | null
  runId: Id | null
  /** Content change ids for digests and immediate emails; message data for the rest. */
  items: unknown
}

export type SubscriberRow = {
  id: Id
  email: string
  locale: string
  status: string
  frequency: string
  allTopics: boolean
  topicIds: string[]
  urgent: boolean
  digestCursor: string | null
  confirmedAt: string | null
}

export type ClaimedRow = {
  id: Id
  key: string
  kind: OutboxKind
  runId: Id | null
  items: unknown
  attempts: number
  subscriber: SubscriberRow | null
}

export type ChangeEntry = { title: string; summary: string; url: string }

export type ChangeRow = {
  id: Id
  kind: string
  urgent: boolean
  topicIds: string[]
  entries: Record<string, ChangeEntry>
  publishedAt: string
  docCollection: string
  /** The document was unpublished or deleted since: no email may mention it. */
  withdrawn: boolean
}

export type SenderSettings = {
  fromAddress: string | null
  replyTo: string | null
  fromName: Record<string, string>
  cityName: Record<string, string>
  /** Per locale, the name's other grammatical cases (Settings → City name cases). */
  cityNameCases?: Record<string, CityNameCases>
}

/** `suspended`: addresses of this run's recipients that are now suspended (after permanent failures). */
export type RunCounts = { total: number; sent: number; pending: number; retrying: number; failed: number; skipped: number; suspended: number }

/** One subscriber's share of a digest run, computed from the cursor as it was read. */
export type DigestEntry = {
  subscriberId: Id
  /** Their digest cursor when the items were chosen (null: never set). */
  cursor: string | null
  /** The digest email; null when nothing is new (the cursor still moves). */
  row: OutboxInsert | null
}

export type SentMark = { id: Id; messageId: string; at: Date }

/** One outbox row as a person's data export shows it (the row's key and claim are internal). */
export type MailRecord = {
  id: Id
  kind: OutboxKind
  subscriberId: Id | null
  runId: Id | null
  items: unknown
  status: string
  attempts: number
  createdAt: string | null
  nextAttemptAt: string | null
  sentAt: string | null
  messageId: string | null
  lastError: string | null
}

export type SubscriberFilter = {
  /** Confirmed subscribers with one of these frequencies… */
  frequencies: string[]
  /** …or, when set, any confirmed subscriber who asked for urgent alerts. */
  orUrgent?: boolean
}

export interface NewsletterStore {
  readonly engine: 'sqlite' | 'mongodb'
  /** Inserts rows whose key is new and ignores the rest. Returns how many were new. */
  enqueue(rows: OutboxInsert[]): Promise<number>
  /**
   * A digest run's step, in one transaction: for each entry whose subscriber's cursor is
   * still `cursor`, inserts its row (unless the key exists) and moves the cursor to `at`.
   * The others were moved meanwhile (another run, another runner): nothing is written
   * for them and they come back in `stale`, to be read again. So two runs, or two
   * runners, never both queue the same items for a subscriber.
   */
  queueDigest(at: Date, entries: DigestEntry[]): Promise<{ queued: number; stale: Id[] }>
  /** Atomically takes up to `limit` due rows for this worker. */
  claim(worker: string, limit: number, now: Date): Promise<ClaimedRow[]>
  /**
   * Marks rows sent, in one write. Like the other marks, it only touches rows still
   * claimed by `worker`: a claim taken over after its lease ran out is not written over.
   * Returns how many rows were marked.
   */
  markSent(marks: SentMark[], worker: string): Promise<number>
  markRetry(id: Id, worker: string, attempts: number, error: string, nextAt: Date): Promise<void>
  markFinal(id: Id, worker: string, status: 'failed' | 'skipped', error: string): Promise<void>
  /** Keeps this worker's claims from looking abandoned. */
  renew(worker: string, now: Date): Promise<void>
  /** Queues again the rows claimed by workers that died (`dead`) or went quiet before `staleBefore`. */
  recover(staleBefore: Date, dead?: (worker: string) => boolean): Promise<number>
  /** When the next queued or retrying row becomes due (null when none). */
  nextDue(): Promise<Date | null>
  runCounts(runId: Id): Promise<RunCounts>
  saveRunCounts(runId: Id, counts: RunCounts, done: boolean, now: Date): Promise<void>
  /** Runs that are not finished yet. */
  openRuns(): Promise<Id[]>
  /** Counts a permanent failure; returns true when the address is now suspended. */
  bounce(subscriberId: Id, error: string, maxBounces: number): Promise<boolean>
  /** Confirmed subscribers matching the filter, in id order after `afterId`. */
  subscribers(filter: SubscriberFilter, afterId: Id | null, limit: number): Promise<SubscriberRow[]>
  subscriberById(id: Id): Promise<SubscriberRow | null>
  changes(ids: Id[]): Promise<ChangeRow[]>
  /** Which of these changes are withdrawn now (their document unpublished or deleted). */
  withdrawn(ids: Id[]): Promise<Set<Id>>
  /** Changes recorded in (from, to]; `from` null means from the beginning. */
  changesBetween(from: Date | null, to: Date): Promise<ChangeRow[]>
  /** From, Reply-To and the city's name per locale, from the published settings. */
  sender(): Promise<SenderSettings>
  /** Deletes every outbox row of a subscriber (GDPR erasure). */
  eraseSubscriberMail(subscriberId: Id): Promise<void>
  /**
   * A person's mail, oldest first: the rows of the subscriber (when given) and the rows
   * addressed to the address itself (`items.email`: consultation receipts, tests).
   */
  mailFor(subscriberId: Id | null, email: string): Promise<MailRecord[]>
  /** Deletes the rows addressed to the address itself (`items.email`); returns how many. */
  eraseMailTo(email: string): Promise<number>
  /**
   * After an erasure: SQLite moves the write-ahead log into the database file and empties
   * it, so the log no longer holds pages from before (the connections run with
   * `secure_delete`, so the file holds no deleted content either). Best effort: a
   * long-running reader can keep the log until the next checkpoint. MongoDB: nothing.
   */
  forgetErased(): Promise<void>
  close(): Promise<void>
}

export const emptyCounts = (): RunCounts => ({ total: 0, sent: 0, pending: 0, retrying: 0, failed: 0, skipped: 0, suspended: 0 })

export function addCount(counts: RunCounts, status: string, n: number): void {
  counts.total += n
  if (status === 'sent') counts.sent += n
  else if (status === 'queued' || status === 'sending') counts.pending += n
  else if (status === 'retrying') counts.retrying += n
  else if (status === 'failed') counts.failed += n
  else if (status === 'skipped') counts.skipped += n
}
