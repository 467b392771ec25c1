import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { DatabaseAdapterObj } from 'payload'

import type { Env } from './env'
import { rootDir } from './env'

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
  fs.mkdirSync(path.dirname(env.database.file), { recursive: true })
  return sqliteAdapter({
    client: { url: env.database.url },
    migrationDir,
    push: env.dbPush,
    busyTimeout: 5000,
    wal: { synchronous: 'NORMAL' },
    afterSchemaInit: [indexLocalesParent],
  })
}
