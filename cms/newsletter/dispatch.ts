import crypto from 'node:crypto'
import os from 'node:os'

import type { Transporter } from 'nodemailer'

import { type ComposeContext, ComposeError, composeMessage } from './compose'
import type { NewsletterConfig } from './config'
import type { ChangeRow, ClaimedRow, NewsletterStore, SenderSettings } from './store/types'

/**
 * Sends what is in the outbox. Each row is claimed (atomically, so several dispatchers
 * can share the work), sent, and marked sent right after the server accepts it.
 *
 * The one duplicate window: the receiving server has answered 250 for a message but
 * this process dies before that row is marked sent (one database write after the
 * reply arrives). The row is still claimed, so recovery queues it again and it is
 * resent with the same Message-ID. At most one message per open connection can be in
 * that window at a time; see docs/newsletter.md for the measured size.
 */

export type SendError = Error & { code?: string; responseCode?: number; permanent?: boolean }

/** 5xx (and nodemailer's `permanent`) is final; 4xx and connection trouble are retried. */
export function classify(error: SendError): 'permanent' | 'temporary' {
  if (typeof error.responseCode === 'number') return error.responseCode >= 500 ? 'permanent' : 'temporary'
  return error.permanent === true ? 'permanent' : 'temporary'
}

/** Exponential backoff with ±20 % jitter, so retries from a failed batch spread out. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(exp * (0.8 + 0.4 * random()))
}

export type DispatcherOptions = {
  store: NewsletterStore
  transport: Transporter
  config: NewsletterConfig
  secret: string
  defaultLocale: string
  emailFrom: string
  log?: (line: string) => void
}

export type DispatchStats = { sent: number; retried: number; failed: number; skipped: number }

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
  readonly stats: DispatchStats = { sent: 0, retried: 0, failed: 0, skipped: 0 }
  private readonly changes = new Map<string, ChangeRow>()
  private readonly blocks = new Map<string, { html: string; text: string }>()
  private sender: { at: number; value: SenderSettings } | null = null
  private readonly touchedRuns = new Set<string>()
  private lastCounts = 0
  private lastRenew = Date.now()

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
    const missing = new Set<string>()
    for (const row of rows) {
      const items =
        row.kind === 'test' ? ((row.items as { changeIds?: string[] })?.changeIds ?? []) : row.kind === 'immediate' || row.kind === 'digest' ? ((row.items as string[]) ?? []) : []
      for (const id of items) if (!this.changes.has(String(id))) missing.add(String(id))
    }
    // Recorded changes never change: cache them for the whole process.
    if (missing.size > 0) for (const c of await this.o.store.changes([...missing])) this.changes.set(c.id, c)
    if (!this.sender || Date.now() - this.sender.at > 60_000) this.sender = { at: Date.now(), value: await this.o.store.sender() }
    return {
      config: this.o.config,
      secret: this.o.secret,
      defaultLocale: this.o.defaultLocale,
      emailFrom: this.o.emailFrom,
      sender: this.sender.value,
      changes: this.changes,
      blocks: this.blocks,
    }
  }

  private async sendOne(row: ClaimedRow, ctx: ComposeContext): Promise<void> {
    const { store, config } = this.o
    if (row.runId) this.touchedRuns.add(row.runId)
    const sub = row.subscriber
    if (row.kind !== 'test' && row.kind !== 'receipt') {
      const already = row.kind === 'confirm' && Boolean((row.items as { already?: boolean } | null)?.already)
      const wanted = row.kind === 'confirm' && !already ? 'pending' : 'confirmed'
      if (!sub || sub.status !== wanted) {
        await store.markFinal(row.id, 'skipped', sub ? `Subscriber is ${sub.status}` : 'Subscriber erased')
        this.stats.skipped++
        return
      }
    }
    let mail
    try {
      mail = composeMessage(row, ctx)
    } catch (error) {
      if (!(error instanceof ComposeError)) throw error
      await store.markFinal(row.id, 'skipped', error.message)
      this.stats.skipped++
      return
    }
    try {
      await this.o.transport.sendMail({ ...mail, textEncoding: 'quoted-printable' })
      await store.markSent(row.id, mail.messageId, new Date())
      this.stats.sent++
    } catch (raw) {
      const error = raw as SendError
      const detail = `${error.code ?? 'ERROR'}${error.responseCode ? ` ${error.responseCode}` : ''}: ${error.message}`
      if (classify(error) === 'permanent') {
        if (sub) {
          const suspended = await store.bounce(sub.id, detail, config.maxBounces)
          if (suspended) this.log(`Suspended ${sub.email} after ${config.maxBounces} permanent failures.`)
        }
        await store.markFinal(row.id, 'failed', detail)
        this.stats.failed++
        return
      }
      const attempts = row.attempts + 1
      if (attempts >= config.maxAttempts) {
        await store.markFinal(row.id, 'failed', `Gave up after ${attempts} attempts. ${detail}`)
        this.stats.failed++
        return
      }
      await store.markRetry(row.id, attempts, detail, new Date(Date.now() + backoffMs(attempts, config.retryBaseMs, config.retryMaxMs)))
      this.stats.retried++
    }
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

    while (!options.signal?.aborted && failure === null) {
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
          () => {
            active.delete(p)
          },
          (error: unknown) => {
            active.delete(p)
            failure = error
          },
        )
        active.add(p)
      }
      await this.housekeeping()
      if (active.size > 0) {
        await Promise.race(active)
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
      for (const row of queue) await store.markRetry(row.id, row.attempts, 'Dispatcher stopped before sending', new Date())
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
