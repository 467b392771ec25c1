import { createRequire } from 'node:module'

import type { InArgs, InStatement } from '@libsql/client'

/**
 * The part of @libsql/client's Client that the SQLite store uses. Payload's own
 * connection is such a client; the dispatcher opens `preparedClient` instead.
 */
export type SqlRow = Record<string, unknown>
export type SqlResult = { rows: SqlRow[]; rowsAffected: number }
export interface SqlClient {
  execute(stmt: InStatement): Promise<SqlResult>
  batch(stmts: InStatement[], mode: 'write'): Promise<SqlResult[]>
  close(): void
}

type Statement = { reader: boolean; all(args: unknown): SqlRow[]; run(args: unknown): { changes: number } }
type Database = { prepare(sql: string): Statement; exec(sql: string): void; close(): void }

import { ATTEMPT_BUSY_MS, retryLocked } from '../../../lib/sqliteLock'

const require = createRequire(import.meta.url)

// Enough for every statement the store writes (the multi-row inserts vary by chunk size).
const MAX_CACHED = 256

/**
 * SQLite through the same engine as @libsql/client (the `libsql` binding it wraps), with
 * each statement prepared once. @libsql/client prepares every statement anew and, for
 * one that returns no rows, throws and catches an exception to find out: for the
 * dispatcher, which writes one row per email sent, that was most of its database time.
 */
export function preparedClient(file: string): SqlClient {
  const Libsql = require('libsql') as new (path: string) => Database
  const db = new Libsql(file)
  // Brief waits inside SQLite, longer ones in `retryLocked` without blocking the process.
  db.exec(`PRAGMA busy_timeout = ${ATTEMPT_BUSY_MS}`)
  // As the CMS's connections (cms/lib/db.ts): what a send overwrites is not left in free pages.
  db.exec('PRAGMA secure_delete = ON')
  const cache = new Map<string, Statement>()

  const prepare = (sql: string): Statement => {
    let stmt = cache.get(sql)
    if (!stmt) {
      if (cache.size >= MAX_CACHED) cache.clear()
      stmt = db.prepare(sql)
      cache.set(sql, stmt)
    }
    return stmt
  }

  const run = (input: InStatement): SqlResult => {
    const { sql, args } = typeof input === 'string' ? { sql: input, args: [] as InArgs } : { sql: input.sql, args: input.args ?? [] }
    const stmt = prepare(sql)
    if (stmt.reader) return { rows: stmt.all(args), rowsAffected: 0 }
    return { rows: [], rowsAffected: stmt.run(args).changes }
  }

  return {
    execute(stmt) {
      return retryLocked(() => run(stmt))
    },
    batch(stmts) {
      return retryLocked(() => {
        db.exec('BEGIN IMMEDIATE')
        try {
          const results = stmts.map(run)
          db.exec('COMMIT')
          return results
        } catch (error) {
          db.exec('ROLLBACK')
          throw error
        }
      })
    },
    close() {
      cache.clear()
      db.close()
    },
  }
}
