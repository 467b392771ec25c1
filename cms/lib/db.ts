import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { Client } from '@libsql/client'
import type { DatabaseAdapterObj } from 'payload'

import type { Env } from '../model/env'
import { rootDir } from '../model/env'
import { privateDir, privateFile, restrictFiles } from './privateFiles'
import { ATTEMPT_BUSY_MS, isLockError, retryLocked, setLockWait } from './sqliteLock'

/**
 * Payload looks up localized rows by parent id on every read but does not index that
 * column; on a 10k-document database the list queries are an order of magnitude faster
 * with it.
 */
const indexLocalesParent = ({ schema, extendTable }: Parameters<NonNullable<Parameters<typeof sqliteAdapter>[0]['afterSchemaInit']>[number]>[0]) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!name.endsWith('_locales')) continue
    const columns = (table as unknown as Record<string, unknown>)
    if (!('_parentID' in columns)) continue
    extendTable({
      table,
      extraConfig: (t) => ({
        [`${name}_parent_idx`]: index(`${name}_parent_idx`).on(t._parentID!),
      }),
    })
  }
  return schema
}

export function databaseAdapter(env: Env): DatabaseAdapterObj {
  // SQL migrations cannot run on MongoDB: each engine has its own folder.
  const migrationDir = path.join(rootDir, 'cms/migrations', env.database.kind)
  if (env.database.kind === 'mongodb') {
    // Transactions need a replica set; see README "MongoDB".
    return mongooseAdapter({
      url: env.database.url,
      migrationDir,
      connectOptions: { serverSelectionTimeoutMS: env.mongoServerSelectionTimeoutMS },
    })
  }
  setLockWait(env.lockWaitMs)
  const file = env.database.file
  // SQLite gives the -wal and -shm files the database file's mode: create it 0600 first.
  privateDir(path.dirname(file))
  privateFile(file)
  const obj = sqliteAdapter({
    client: { url: env.database.url },
    migrationDir,
    push: env.dbPush,
    busyTimeout: ATTEMPT_BUSY_MS,
    wal: { synchronous: 'NORMAL' },
    afterSchemaInit: [indexLocalesParent],
  })
  // The adapter's connect creates the client: guard it once it exists.
  const init = obj.init
  obj.init = (args) => {
    const adapter = init(args)
    const connect = adapter.connect!
    adapter.connect = async function (this: typeof adapter, ...rest) {
      await connect.apply(this, rest)
      const self = this as unknown as { client?: Client }
      if (self.client) {
        guardClient(self.client)
        await self.client.execute(SECURE_DELETE)
      }
      restrictFiles(file, `${file}-wal`, `${file}-shm`)
    }
    return adapter
  }
  return obj
}

/**
 * Deleted content is overwritten with zeros, not left in free pages of the file: an
 * erased subscriber (cms/plugins/newsletter/personal.ts) is gone from the database
 * file, not only from its tables. Per connection, so every connection sets it.
 */
export const SECURE_DELETE = 'PRAGMA secure_delete = ON'

const guarded = new WeakSet<Client>()

/**
 * Every statement waits for a locked database (`retryLocked`), and every connection has
 * a busy timeout: @libsql/client opens a new connection after each `transaction()`,
 * without the PRAGMA the adapter ran on the first one (nor `secure_delete`).
 *
 * A statement that failed on the lock is never reset by @libsql/client (it prepares a
 * new one each time); while it lingers, the connection's next write keeps the write
 * lock until garbage collection, locking every other process out. So after a lock error
 * the connection is dropped (`transaction()` detaches it) and the retry runs on a new one.
 */
export function guardClient(client: Client): void {
  if (guarded.has(client)) return
  guarded.add(client)
  const execute = client.execute.bind(client) as (...args: unknown[]) => ReturnType<Client['execute']>
  const batch = client.batch.bind(client)
  const transaction = client.transaction.bind(client)
  const pragma = `PRAGMA busy_timeout = ${ATTEMPT_BUSY_MS}`
  const freshConnection = async () => {
    try {
      ;(await transaction('deferred')).close()
    } catch {
      // the connection is unusable anyway: the next statement opens another
    }
    await execute(pragma)
    await execute(SECURE_DELETE)
  }
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A) =>
      retryLocked(async () => {
        try {
          return await fn(...args)
        } catch (error) {
          if (isLockError(error)) await freshConnection()
          throw error
        }
      })
  Object.assign(client, {
    execute: guard(execute),
    batch: guard(batch),
    transaction: async (...args: Parameters<Client['transaction']>) => {
      const tx = await guard(transaction)(...args)
      await execute(pragma)
      await execute(SECURE_DELETE)
      return tx
    },
  })
}
