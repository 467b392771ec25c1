/**
 * Waiting for a locked SQLite database. Another process holding the write lock (a
 * backup, an `sqlite3` shell, a long import) makes every write fail with SQLITE_BUSY.
 * SQLite's own busy handler waits, but the libsql binding is synchronous: a 5 s busy
 * timeout freezes the whole CMS for 5 s. So each attempt waits only briefly inside
 * SQLite (`ATTEMPT_BUSY_MS`), and between attempts the process sleeps without blocking,
 * backing off, until the lock is gone or the policy's time is up. Interactive processes
 * (the CMS, the site server) then answer 503 with `lockedMessage`; background ones (the
 * job runner, the dispatcher) wait as long as it takes.
 *
 * No Payload import here: the dispatcher loads this and starts in well under a second.
 */

/** How long one statement waits inside SQLite (blocking the process) before the next try. */
export const ATTEMPT_BUSY_MS = 250

/** The default for DATABASE_LOCK_WAIT_MS: how long a request waits before answering 503. */
export const DEFAULT_LOCK_WAIT_MS = 10_000

let interactiveWaitMs = DEFAULT_LOCK_WAIT_MS
let background: { log: (line: string) => void } | null = null

/** DATABASE_LOCK_WAIT_MS, set where the database adapter is configured. */
export function setLockWait(ms: number): void {
  interactiveWaitMs = ms
}

/** A process nobody waits on (job runner, dispatcher): wait for a lock as long as it lasts, saying so. */
export function waitForLocksInBackground(log: (line: string) => void): void {
  background = { log }
}

const policy = () => ({ waitMs: background ? Infinity : interactiveWaitMs, log: background?.log })

/** SQLITE_BUSY (another connection holds the lock) or SQLITE_LOCKED, from @libsql/client or the raw binding. */
export function isLockError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null
  if (!e || typeof e !== 'object') return false
  const code = typeof e.code === 'string' ? e.code : ''
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || /database (table )?is locked/.test(String(e.message ?? ''))
}

/** The lock was not released in time. Found in an error's cause chain by `findLockError`. */
export class DatabaseLockedError extends Error {
  readonly status = 503
  constructor(
    readonly waitedMs: number,
    cause: unknown,
  ) {
    super(`The database is locked by another process (waited ${Math.round(waitedMs / 100) / 10} s).`, { cause })
    this.name = 'DatabaseLockedError'
  }
}

/** A lock error anywhere in the chain (drizzle and Payload wrap what the driver throws; GraphQL keeps it as `originalError`). */
export function findLockError(error: unknown): DatabaseLockedError | { waitedMs: number } | null {
  const next = (e: unknown) => (e as { cause?: unknown }).cause ?? (e as { originalError?: unknown }).originalError
  for (let e = error, depth = 0; e && depth < 10; e = next(e), depth++) {
    if (e instanceof DatabaseLockedError) return e
    if (isLockError(e)) return { waitedMs: 0 }
  }
  return null
}

/** What staff read (admin toast, REST `errors[0].message`): Lithuanian first, then English. */
export function lockedMessage(waitedMs: number): string {
  const s = Math.max(1, Math.round(waitedMs / 1000))
  return (
    `Duomenų bazė užrakinta: kitas procesas (pvz., atsarginė kopija ar sqlite3) ją laiko jau ${s} s. ` +
    'Pakeitimai neišsaugoti: palaukite kelias sekundes ir bandykite dar kartą; jei kartojasi, praneškite administratoriui. ' +
    `/ The database is locked: another process (a backup, an sqlite3 shell…) has held it for ${s} s. ` +
    'Nothing was saved: wait a few seconds and try again; if it keeps happening, tell your administrator.'
  )
}

let lastWaitLog = 0
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Runs `attempt` until it does not fail on a lock. Safe for one autocommit statement or
 * a whole transaction (BEGIN … COMMIT): a statement that hits SQLITE_BUSY changed nothing.
 */
export async function retryLocked<T>(attempt: () => Promise<T> | T): Promise<T> {
  const { waitMs, log } = policy()
  const started = Date.now()
  let delay = 50
  let logged = false
  for (;;) {
    try {
      const result = await attempt()
      if (logged) log?.(`The database is writable again after ${Math.round((Date.now() - started) / 1000)} s; going on.`)
      return result
    } catch (error) {
      if (!isLockError(error)) throw error
      const waited = Date.now() - started
      if (waited >= waitMs) throw new DatabaseLockedError(waited, error)
      // Once a process, every 15 s: many statements may be waiting at once.
      if (log && waited >= 2000 && Date.now() - lastWaitLog >= 15_000) {
        lastWaitLog = Date.now()
        logged = true
        log(`The database is locked by another process; waiting (${Math.round(waited / 1000)} s so far).`)
      }
      await sleep(Math.min(delay, Math.max(0, waitMs - waited)))
      delay = Math.min(delay * 2, 2000)
    }
  }
}
