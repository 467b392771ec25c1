import type { Payload } from 'payload'

import { readEnv } from '../../model/env'
import { getDefaultLocale } from '../../model/locales'
import { type Composed, composeMessage } from './compose'
import { newsletterConfig } from './config'
import { storeFor } from './store'
import type { ClaimedRow } from './store/types'

/**
 * The next digest as a subscriber to every topic would get it: everything recorded
 * since the last run of that frequency (or the last day / week).
 */
export async function nextDigestItems(payload: Payload, frequency: 'daily' | 'weekly', now = new Date()): Promise<string[]> {
  const last = await payload.find({
    collection: 'newsletter-runs',
    where: { kind: { equals: frequency } },
    sort: '-cutoff',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const fallback = new Date(now.getTime() - (frequency === 'daily' ? 1 : 7) * 86_400_000)
  const from = last.docs[0]?.cutoff ? new Date(String(last.docs[0].cutoff)) : fallback
  return (await storeFor(payload).changesBetween(from, now)).map((c) => c.id)
}

export async function composePreview(
  payload: Payload,
  o: { frequency: 'daily' | 'weekly'; locale: string; email: string; changeIds?: string[] },
): Promise<Composed | null> {
  const store = storeFor(payload)
  const changeIds = o.changeIds ?? (await nextDigestItems(payload, o.frequency))
  if (changeIds.length === 0) return null
  const row: ClaimedRow = { id: 'preview', key: `preview:${Date.now()}`, kind: 'test', runId: null, attempts: 0, subscriber: null, items: { email: o.email, locale: o.locale, frequency: o.frequency, changeIds } }
  const env = readEnv()
  // Read outside the try: a database error is an error, not "nothing to preview".
  const sender = await store.sender()
  const changes = new Map((await store.changes(changeIds)).map((c) => [c.id, c]))
  try {
    return composeMessage(row, { config: newsletterConfig(), keys: env.keys, defaultLocale: getDefaultLocale(), emailFrom: env.emailFrom, sender, changes })
  } catch {
    // Nothing in this language.
    return null
  }
}
