import crypto from 'node:crypto'
import os from 'node:os'

import type { Transporter } from 'nodemailer'

import type { Keys } from '../../model/secrets'
import { type ComposeContext, ComposeError, composeForSending } from './compose'
import type { NewsletterConfig } from './config'
import type { ChangeRow, ClaimedRow, NewsletterStore, SenderSettings, SentMark } from './store/types'

/**
 * Sends what is in the outbox. Each row is claimed (atomically, so several dispatchers
 * can share the work), sent, and marked sent as soon as the server accepts it.
 *
 * The one duplicate window: the receiving server has taken a message (it answers 250)
 * but this process dies before that row's sent mark is committed. The row is still
 * claimed, so recovery queues it again and it is resent with the same Message-ID. The
 * mark is written as soon as the reply is read; see docs/newsletter.md for the measured
 * size of the window.
 */

export type SendError = Error & { code?: string; responseCode?: number; permanent?: boolean; command?: string; originalCode?: string }

/**
 * What a failed send means:
 * - `bounce`: the receiving server refused this address (5xx to RCPT, or a 5.1.x/5.2.x
 *   mailbox status after DATA). Final for this email, and counts towards suspending it.
 * - `rejected`: refused for good, but not because of the address (e.g. content). Final.
 * - `temporary`: 4xx, or the connection broke while sending. Retried with backoff.
 * - `relay`: our own relay will not take mail at all (login refused, sender refused,
 *   greeting refused, unreachable). Nobody's address is at fault: sending pauses and the
 *   email waits without losing an attempt.
 */
export type Outcome = 'bounce' | 'rejected' | 'temporary' | 'relay'

const RELAY_CODES = new Set(['EAUTH', 'ENOAUTH', 'ETLS', 'EPROTOCOL', 'ECONFIG', 'EREQUIRETLS'])
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

export function classify(error: SendError): Outcome {
  const command = (error.command ?? '').toUpperCase()
  if (RELAY_CODES.has(error.code ?? '') || UNREACHABLE.has(error.originalCode ?? '') || UNREACHABLE.has(error.code ?? '')) return 'relay'
  if (command === 'MAIL FROM' || command === 'CONN' || command === 'EHLO' || command === 'HELO' || command === 'LHLO' || command.startsWith('AUTH')) {
    // A 5xx at MAIL FROM or at the greeting refuses our sender or our relay, not the address.
    if (typeof error.responseCode === 'number') return 'relay'
  }
  if (typeof error.responseCode === 'number') {
    if (error.responseCode < 500) return 'temporary'
    if (command === 'RCPT TO') return 'bounce'
    // After DATA: a mailbox status (5.1.x bad address, 5.2.x mailbox unavailable) is about the address.
    return /\b5\.[12]\.\d{1,3}\b/.test(error.message) ? 'bounce' : 'rejected'
  }
  return error.permanent === true ? 'rejected' : 'temporary'
}

/** Exponential backoff with ±20 % jitter, so retries from a failed batch spread out. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(exp * (0.8 + 0.4 * random()))
}

/** How long sending pauses after the n-th relay failure in a row: 5 s, 10 s, 20 s… up to 5 minutes. */
export function relayPauseMs(failuresInARow: number): number {
  return Math.min(300_000, 5000 * 2 ** Math.max(0, failuresInARow - 1))
}

export type DispatcherOptions = {
  store: NewsletterStore
  transport: Transporter
  config: NewsletterConfig
  /** From `readEnv().keys`: the site server verifies the links with the same keys. */
  keys: Keys
  defaultLocale: string
  emailFrom: string
  log?: (line: string) => void
}

export type DispatchStats = { sent: number; retried: number; failed: number; skipped: number; paused: number }

/** The content changes an outbox row tells about (none for confirmations and receipts). */
function itemIds(row: ClaimedRow): string[] {
  const items = row.kind === 'test' ? ((row.items as { changeIds?: string[] })?.changeIds ?? []) : row.kind === 'immediate' || row.kind === 'digest' ? ((row.items as string[]) ?? []) : []
  return items.map(String)
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export class Dispatcher {
  readonly worker = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`
  readonly stats: DispatchStats = { sent: 0, retried: 0, failed: 0, skipped: 0, paused: 0 }
  private readonly changes = new Map<string, ChangeRow>()
  private readonly blocks = new Map<string, { html: string; text: string }>()
  private readonly shared: NonNullable<ComposeContext['shared']> = new Map()
  private sender: { at: number; value: SenderSettings } | null = null
  private readonly touchedRuns = new Set<string>()
  private lastCounts = 0
  private lastRenew = Date.now()
  private relayFailures = 0
  private pausedUntil = 0

  constructor(private readonly o: DispatcherOptions) {}

  private log(line: string) {
    this.o.log?.(line)
  }

  /** Claims of dispatchers that died on this machine, or went quiet anywhere, are queued again. */
  async recover(now = new Date()): Promise<number> {
    const host = os.hostname()
    const n = await this.o.store.recover(new Date(now.getTime() - this.o.config.claimLeaseMs), (worker) => {
      const [h, pid] = worker.split(':')
      return h === host && Number(pid) !== process.pid && !alive(Number(pid))
    })
    if (n > 0) this.log(`Recovered ${n} email(s) left claimed by a stopped dispatcher.`)
    return n
  }

  private async context(rows: ClaimedRow[]): Promise<ComposeContext> {
    const ids = new Set(rows.flatMap(itemIds))
    const missing = [...ids].filter((id) => !this.changes.has(id))
    // What a change says never changes: cache them for the whole process. Whether its
    // document is still published does: asked again for every batch, and a withdrawn
    // one is left out of the emails (and of the parts built for them before).
    if (missing.length > 0) for (const c of await this.o.store.changes(missing)) this.changes.set(c.id, c)
    const withdrawn = await this.o.store.withdrawn([...ids])
    let changes = this.changes
    if (withdrawn.size > 0) {
      changes = new Map([...ids].filter((id) => !withdrawn.has(id) && this.changes.has(id)).map((id) => [id, this.changes.get(id)!]))
      this.shared.clear()
      for (const key of this.blocks.keys()) if (withdrawn.has(key.split('\n')[0]!)) this.blocks.delete(key)
    }
    if (!this.sender || Date.now() - this.sender.at > 60_000) this.sender = { at: Date.now(), value: await this.o.store.sender() }
    return {
      config: this.o.config,
      keys: this.o.keys,
      defaultLocale: this.o.defaultLocale,
      emailFrom: this.o.emailFrom,
      sender: this.sender.value,
      changes,
      blocks: this.blocks,
      shared: this.shared,
    }
  }

  /**
   * Resolves once the row's sent mark is committed. The write starts as soon as the
   * server's reply is read, before any other message is composed or read: waiting for
   * more replies to share a commit (setImmediate) made the duplicate window five times
   * larger for a few per cent of throughput.
   */
  private async recordSent(mark: SentMark): Promise<void> {
    // The server has the message: a failed write must never turn into a resend.
    // Retry it; if the database stays unwritable, stop (recovery then resends it).
    for (let attempt = 1; ; attempt++) {
      try {
        await this.o.store.markSent([mark], this.worker)
        return
      } catch (error) {
        if (attempt >= 5) throw error
        this.log(`Could not record a sent email (${(error as Error).message}); retrying.`)
        await sleep(100 * 2 ** attempt)
      }
    }
  }

  /** Hands back rows claimed but not started, due again at `nextAt`. */
  private async giveBack(rows: ClaimedRow[], reason: string, nextAt: Date): Promise<void> {
    for (const row of rows) await this.o.store.markRetry(row.id, this.worker, row.attempts, reason, nextAt)
  }

  private async sendOne(row: ClaimedRow, ctx: ComposeContext): Promise<void> {
    const { store } = this.o
    if (row.runId) this.touchedRuns.add(row.runId)
    const sub = row.subscriber
    if (row.kind !== 'test' && row.kind !== 'receipt') {
      const already = row.kind === 'confirm' && Boolean((row.items as { already?: boolean } | null)?.already)
      const wanted = row.kind === 'confirm' && !already ? 'pending' : 'confirmed'
      if (!sub || sub.status !== wanted) {
        await store.markFinal(row.id, this.worker, 'skipped', sub ? `Subscriber is ${sub.status}` : 'Subscriber erased')
        this.stats.skipped++
        return
      }
    }
    let mail
    try {
      mail = composeForSending(row, ctx)
    } catch (error) {
      if (!(error instanceof ComposeError)) throw error
      await store.markFinal(row.id, this.worker, 'skipped', error.message)
      this.stats.skipped++
      return
    }
    try {
      await this.o.transport.sendMail({ ...mail, textEncoding: 'quoted-printable' })
    } catch (raw) {
      await this.failed(row, raw as SendError)
      return
    }
    this.relayFailures = 0
    await this.recordSent({ id: row.id, messageId: mail.messageId, at: new Date() })
    this.stats.sent++
  }

  private async failed(row: ClaimedRow, error: SendError): Promise<void> {
    const { store, config } = this.o
    const detail = `${error.code ?? 'ERROR'}${error.responseCode ? ` ${error.responseCode}` : ''}: ${error.message}`
    const outcome = classify(error)
    if (outcome === 'relay') {
      // Our relay refuses everyone alike: wait, without spending this email's attempts.
      const now = Date.now()
      if (now >= this.pausedUntil) {
        this.relayFailures++
        const pause = relayPauseMs(this.relayFailures)
        this.pausedUntil = now + pause
        this.stats.paused++
        this.log(`The SMTP relay refused to take mail (${detail}). Check SMTP_URL (address, user, password) and the sender address in Site settings → Newsletter. Sending pauses for ${Math.round(pause / 1000)} s.`)
      }
      await store.markRetry(row.id, this.worker, row.attempts, `Relay: ${detail}`, new Date(this.pausedUntil))
      this.stats.retried++
      return
    }
    if (outcome === 'bounce' || outcome === 'rejected') {
      if (outcome === 'bounce' && row.subscriber) {
        const suspended = await store.bounce(row.subscriber.id, detail, config.maxBounces)
        if (suspended) this.log(`Suspended ${row.subscriber.email} after ${config.maxBounces} permanent failures.`)
      }
      await store.markFinal(row.id, this.worker, 'failed', detail)
      this.stats.failed++
      return
    }
    const attempts = row.attempts + 1
    if (attempts >= config.maxAttempts) {
      await store.markFinal(row.id, this.worker, 'failed', `Gave up after ${attempts} attempts. ${detail}`)
      this.stats.failed++
      return
    }
    await store.markRetry(row.id, this.worker, attempts, detail, new Date(Date.now() + backoffMs(attempts, config.retryBaseMs, config.retryMaxMs)))
    this.stats.retried++
  }

  /** Refreshes the staff-facing counts of the runs this dispatcher touched (and closes finished ones). */
  async refreshRuns(all = false): Promise<void> {
    const ids = all ? await this.o.store.openRuns() : [...this.touchedRuns]
    this.touchedRuns.clear()
    const now = new Date()
    for (const id of ids) {
      const counts = await this.o.store.runCounts(id)
      await this.o.store.saveRunCounts(id, counts, counts.pending === 0 && counts.retrying === 0, now)
    }
    this.lastCounts = Date.now()
  }

  private async housekeeping(): Promise<void> {
    const now = Date.now()
    if (now - this.lastRenew > this.o.config.claimLeaseMs / 3) {
      await this.o.store.renew(this.worker, new Date())
      this.lastRenew = now
    }
    // Counting a 100,000-row run blocks for a few milliseconds: often enough for staff,
    // rarely enough not to stall the SMTP connections.
    if (now - this.lastCounts > 5000 && this.touchedRuns.size > 0) await this.refreshRuns()
  }

  /**
   * Sends until the outbox has nothing due (`untilIdle`) or until stopped. Keeps
   * `inFlight` messages open at once: enough to fill the SMTP pool, few enough that
   * memory stays flat however long the run.
   */
  async run(options: { untilIdle?: boolean; signal?: AbortSignal; pollMs?: number } = {}): Promise<DispatchStats> {
    const { store, config } = this.o
    const pollMs = options.pollMs ?? 1000
    await this.recover()
    let lastRecover = Date.now()
    const active = new Set<Promise<void>>()
    let queue: ClaimedRow[] = []
    let ctx: ComposeContext | null = null
    let failure: unknown = null
    // One waiter for "a send finished": Promise.race over every send in flight would add
    // a handler to each of them on every turn (20 × 20 per email), all kept until they settle.
    let wake: (() => void) | null = null
    const settled = () => new Promise<void>((resolve) => (wake = resolve))
    const done = (p: Promise<void>) => {
      active.delete(p)
      const w = wake
      wake = null
      w?.()
    }

    while (!options.signal?.aborted && failure === null) {
      if (Date.now() < this.pausedUntil) {
        // The relay refused: give back what is claimed but not started, then wait.
        await this.giveBack(queue.splice(0), 'Waiting for the SMTP relay', new Date(this.pausedUntil))
        if (active.size > 0) {
          await settled()
          continue
        }
        await this.housekeeping()
        await sleep(Math.min(this.pausedUntil - Date.now(), pollMs), options.signal)
        continue
      }
      if (queue.length === 0) {
        const rows = await store.claim(this.worker, config.inFlight * 2, new Date())
        if (rows.length > 0) {
          ctx = await this.context(rows)
          queue = rows
        }
      }
      while (queue.length > 0 && active.size < config.inFlight && failure === null) {
        const row = queue.shift()!
        const p: Promise<void> = this.sendOne(row, ctx!).then(
          () => done(p),
          (error: unknown) => {
            failure = error
            done(p)
          },
        )
        active.add(p)
      }
      await this.housekeeping()
      if (active.size > 0) {
        await settled()
        continue
      }
      if (queue.length > 0) continue
      // Idle: close finished runs, then wait for new rows or the next retry.
      await this.refreshRuns(true)
      if (options.untilIdle) {
        const due = await store.nextDue()
        if (!due) break
        await sleep(Math.max(0, Math.min(due.getTime() - Date.now(), pollMs)), options.signal)
        continue
      }
      if (Date.now() - lastRecover > config.claimLeaseMs / 2) {
        await this.recover()
        lastRecover = Date.now()
      }
      const due = await store.nextDue()
      await sleep(due ? Math.max(0, Math.min(due.getTime() - Date.now(), pollMs)) : pollMs, options.signal)
    }
    await Promise.allSettled(active)
    if (queue.length > 0) {
      // Stopped with rows claimed but not started: hand them back at once.
      await this.giveBack(queue, 'Dispatcher stopped before sending', new Date())
    }
    await this.refreshRuns(true)
    if (failure !== null) throw failure
    return this.stats
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}
