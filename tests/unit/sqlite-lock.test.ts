/**
 * A database another process keeps write-locked: statements wait it out without
 * blocking the process, give up with a clear 503 for interactive processes, and wait as
 * long as it lasts in background ones. A real second process holds the lock.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it } from 'vitest'

import { guardClient } from '../../cms/lib/db'
import { lockedResponse } from '../../cms/lib/lockedResponse'
import { ATTEMPT_BUSY_MS, DatabaseLockedError, findLockError, isLockError, setLockWait, waitForLocksInBackground } from '../../cms/lib/sqliteLock'
import { preparedClient } from '../../cms/plugins/newsletter/store/sqliteClient'
import { holdWriteLock } from '../support/holdLock'

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-lock-'))
const file = path.join(work, 'lock.db')
const setup = preparedClient(file)
await setup.execute('PRAGMA journal_mode = WAL')
await setup.execute('CREATE TABLE t (a INTEGER)')
setup.close()

/** Another connection takes the write lock without waiting. */
function writableNow(): boolean {
  const probe = createRequire(import.meta.url)('libsql') as new (f: string) => { exec(sql: string): void; close(): void }
  const db = new probe(file)
  try {
    db.exec('BEGIN IMMEDIATE')
    db.exec('COMMIT')
    return true
  } catch {
    return false
  } finally {
    db.close()
  }
}

afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

describe('isLockError', () => {
  const cases: [string, unknown, boolean][] = [
    ['@libsql/client', Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' }), true],
    ['the raw binding', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), true],
    ['an extended code', Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }), true],
    ['a locked table', Object.assign(new Error('database table is locked'), { code: 'SQLITE_LOCKED' }), true],
    ['a constraint', Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT' }), false],
    ['not an error', 'database', false],
    ['null', null, false],
  ]
  it.each(cases)('%s', (_, error, expected) => expect(isLockError(error)).toBe(expected))
})

describe('a write-locked database', () => {
  it('the dispatcher connection waits out a short lock and the write succeeds', async () => {
    setLockWait(5000)
    const db = preparedClient(file)
    const lock = await holdWriteLock(file, 1200)
    const started = Date.now()
    // The event loop stays free while it waits (SQLite blocks only ATTEMPT_BUSY_MS at a time).
    let ticks = 0
    const ticker = setInterval(() => ticks++, 50)
    await db.execute({ sql: 'INSERT INTO t VALUES (?)', args: [1] })
    clearInterval(ticker)
    const waited = Date.now() - started
    expect(waited).toBeGreaterThan(800)
    expect(ticks).toBeGreaterThan(Math.floor((waited - 4 * ATTEMPT_BUSY_MS) / 100))
    await lock.released
    expect((await db.execute('SELECT count(*) AS n FROM t')).rows[0]!.n).toBe(1)
    expect(writableNow()).toBe(true)
    db.close()
  })

  it('gives up after DATABASE_LOCK_WAIT_MS with an error that answers 503 and says what to do', async () => {
    setLockWait(700)
    const db = preparedClient(file)
    const lock = await holdWriteLock(file, 30_000)
    try {
      const started = Date.now()
      const error = await db.batch([{ sql: 'INSERT INTO t VALUES (2)', args: [] }], 'write').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DatabaseLockedError)
      expect(Date.now() - started).toBeGreaterThanOrEqual(700)
      // As Payload sees it: drizzle wraps the driver's error.
      const wrapped = new Error('Failed query: insert into "news"', { cause: error })
      expect(findLockError(wrapped)).toBe(error)
      const answer = await lockedResponse({ error: wrapped, context: {}, req: {} as never, result: { errors: [] } })
      expect(answer).toMatchObject({ status: 503 })
      const message = (answer as { response: { errors: { message: string }[] } }).response.errors[0]!.message
      expect(message).toMatch(/^Duomenų bazė užrakinta/)
      expect(message).toContain('Nothing was saved: wait a few seconds and try again')
      expect(await lockedResponse({ error: new Error('other'), context: {}, req: {} as never })).toBeUndefined()
      // GraphQL: the driver's error is the GraphQLError's originalError.
      const graphql = Object.assign(new Error('Failed query'), { originalError: wrapped })
      const gql = await lockedResponse({ error: graphql, context: {}, req: {} as never, graphqlResult: { message: 'Something went wrong.', extensions: { statusCode: 500 } } })
      expect(gql).toMatchObject({ graphqlResult: { message, extensions: { statusCode: 503 } } })
    } finally {
      lock.release()
      await lock.released
    }
    // Nothing half-written: the batch rolled back as a whole.
    expect((await db.execute('SELECT count(*) AS n FROM t WHERE a = 2')).rows[0]!.n).toBe(0)
    db.close()
  })

  it("Payload's client keeps a busy timeout on every connection and waits out a short lock", async () => {
    setLockWait(5000)
    const client = createClient({ url: `file:${file}` })
    await client.execute(`PRAGMA busy_timeout = ${ATTEMPT_BUSY_MS}`)
    guardClient(client)
    // @libsql/client opens a new connection after a transaction.
    const tx = await client.transaction('write')
    await tx.execute('INSERT INTO t VALUES (3)')
    await tx.commit()
    expect((await client.execute('PRAGMA busy_timeout')).rows[0]!.timeout).toBe(ATTEMPT_BUSY_MS)
    const lock = await holdWriteLock(file, 800)
    await client.execute('INSERT INTO t VALUES (4)')
    await lock.released
    expect((await client.execute('SELECT count(*) AS n FROM t WHERE a IN (3, 4)')).rows[0]!.n).toBe(2)
    // …and then lets go of the lock: another process can write at once.
    expect(writableNow()).toBe(true)
    client.close()
  })

  // Last: background mode stays on for this process.
  it('a background process waits past the limit, says so, and goes on', async () => {
    setLockWait(300)
    const lines: string[] = []
    waitForLocksInBackground((line) => lines.push(line))
    const db = preparedClient(file)
    const lock = await holdWriteLock(file, 2600)
    await db.execute('INSERT INTO t VALUES (5)')
    await lock.released
    expect(lines[0]).toMatch(/^The database is locked by another process; waiting \(\d s so far\)\.$/)
    expect(lines.at(-1)).toMatch(/^The database is writable again after \d s; going on\.$/)
    db.close()
  })
})
