import { type Db, MongoClient } from 'mongodb'
import type { Payload } from 'payload'

import { parseDatabaseUrl, settings } from '../../../model/env'
import { mongoStore } from './mongodb'
import { sqliteStore } from './sqlite'
import { preparedClient } from './sqliteClient'
import type { NewsletterStore } from './types'

export type { NewsletterStore } from './types'

const stores = new WeakMap<object, NewsletterStore>()

/** The store on Payload's own connection (jobs, hooks, the site server's routes). */
export function storeFor(payload: Payload): NewsletterStore {
  const db = payload.db as unknown as { name?: string; client?: unknown; connection?: { getClient: () => MongoClient; db: unknown } }
  let store = stores.get(db)
  if (!store) {
    if (db.connection && typeof db.connection.getClient === 'function') {
      store = mongoStore(db.connection.getClient(), db.connection.db as Db)
    } else if (db.client) store = sqliteStore(db.client as Parameters<typeof sqliteStore>[0])
    else throw new Error('The newsletter needs the SQLite or MongoDB adapter.')
    stores.set(db, store)
  }
  return store
}

/**
 * A connection of its own, without Payload: the dispatcher process starts in well
 * under a second and keeps its memory for messages.
 */
export async function openStore(databaseUrl: string | undefined): Promise<NewsletterStore> {
  const setting = parseDatabaseUrl(databaseUrl)
  if (setting.kind === 'mongodb') {
    const client = new MongoClient(setting.url, {
      serverSelectionTimeoutMS: settings().MONGODB_SERVER_SELECTION_TIMEOUT_MS,
    })
    await client.connect()
    return mongoStore(client, client.db(), { close: true })
  }
  const client = preparedClient(setting.file)
  // As the CMS's own connection (cms/lib/db.ts): WAL without an fsync per commit. A
  // process crash loses nothing committed; a power cut may lose the last marks, which
  // then means a resend, never a lost email.
  await client.execute('PRAGMA synchronous = NORMAL')
  return sqliteStore(client, { close: true })
}
