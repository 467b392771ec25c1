import type { Payload } from 'payload'

import { type AdminLabel, labels } from '../../model/i18n'
import { getDefaultLocale } from '../../model/locales'
import { asLocale } from '../../lib/locale'
import { personalDataSources } from '../personalData'
import { storeFor } from './store'
import type { ChangeRow, MailRecord } from './store/types'

/**
 * One person's data, for a data-protection request made with their address: everything
 * Atvira holds on it (export), and erasing it. The subscriber row and its mail are the
 * newsletter's; the other features' records come from their personal-data sources
 * (cms/plugins/personalData.ts), e.g. consultation responses given with the address.
 */

type Id = string | number

/** The id as the database holds it, or null for text that cannot be one (SQLite: whole numbers; MongoDB: ObjectIds). */
export function subscriberIdFrom(payload: Payload, raw: string): Id | null {
  if (payload.db.defaultIDType === 'number') return /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : null
  return /^[0-9a-f]{24}$/i.test(raw) ? raw : null
}

async function subscriberOf(payload: Payload, id: Id) {
  // Hidden fields (the confirmation token's hash) stay on the server.
  return payload.findByID({ collection: 'subscribers', id, depth: 1, locale: asLocale(getDefaultLocale()), overrideAccess: true, disableErrors: true, showHiddenFields: false })
}

/** What an outbox row says, as the person may read it: change ids as titles and links, never the confirmation secret. */
function mailContent(row: MailRecord, changes: Map<string, ChangeRow>, locale: string): unknown {
  const defaultLocale = getDefaultLocale()
  const about = (ids: unknown) =>
    (Array.isArray(ids) ? ids : []).map(String).map((id) => {
      const change = changes.get(id)
      const entry = change ? (change.entries[locale] ?? change.entries[defaultLocale] ?? Object.values(change.entries)[0]) : undefined
      return { title: entry?.title ?? null, url: entry?.url ?? null, publishedAt: change?.publishedAt ?? null }
    })
  if (row.kind === 'immediate' || row.kind === 'digest') return { items: about(row.items) }
  if (!row.items || typeof row.items !== 'object') return null
  const { nonce: _secret, changeIds, ...rest } = row.items as Record<string, unknown>
  return changeIds === undefined ? rest : { ...rest, items: about(changeIds) }
}

function changeIdsOf(row: MailRecord): string[] {
  if (row.kind === 'immediate' || row.kind === 'digest') return Array.isArray(row.items) ? row.items.map(String) : []
  const ids = (row.items as { changeIds?: unknown } | null)?.changeIds
  return Array.isArray(ids) ? ids.map(String) : []
}

export type PersonalDataExport = {
  about: AdminLabel
  exportedAt: string
  email: string
  subscriber: Record<string, unknown>
  mail: Record<string, unknown>[]
  [source: string]: unknown
}

/** Everything Atvira holds on the subscriber's address; null when there is no such subscriber. */
export async function personalDataOf(payload: Payload, id: Id, now = new Date()): Promise<PersonalDataExport | null> {
  const sub = await subscriberOf(payload, id)
  if (!sub) return null
  const store = storeFor(payload)
  const mail = await store.mailFor(String(sub.id), sub.email)
  const changes = new Map((await store.changes([...new Set(mail.flatMap(changeIdsOf))])).map((c) => [c.id, c]))
  const out: PersonalDataExport = {
    about: labels('admin.subscribers.export.about'),
    exportedAt: now.toISOString(),
    email: sub.email,
    subscriber: {
      id: sub.id,
      email: sub.email,
      status: sub.status,
      locale: sub.locale,
      frequency: sub.frequency,
      allTopics: sub.allTopics ?? true,
      topics: (sub.topics ?? []).map((t) => (typeof t === 'object' && t ? { id: t.id, name: t.name, slug: t.slug } : { id: t })),
      urgent: sub.urgent ?? true,
      consent: { at: sub.consent?.at ?? null, form: sub.consent?.form ?? null, wording: sub.consent?.wording ?? null, ip: sub.consent?.ip ?? null },
      confirmedAt: sub.confirmedAt ?? null,
      unsubscribedAt: sub.unsubscribedAt ?? null,
      bounceCount: sub.bounceCount ?? 0,
      lastBounce: sub.lastBounce ?? null,
      digestCursor: sub.digestCursor ?? null,
      createdAt: sub.createdAt,
      updatedAt: sub.updatedAt,
    },
    mail: mail.map((row) => ({
      id: row.id,
      kind: row.kind,
      status: row.status,
      to: row.subscriberId === String(sub.id) ? 'subscriber' : 'address',
      queuedAt: row.createdAt,
      attempts: row.attempts,
      nextAttemptAt: row.nextAttemptAt,
      sentAt: row.sentAt,
      messageId: row.messageId,
      lastError: row.lastError,
      content: mailContent(row, changes, sub.locale),
    })),
  }
  for (const source of personalDataSources(payload)) out[source.key] = await source.find(payload, sub.email)
  return out
}

export type ErasurePreview = { email: string; mail: number; records: Record<string, number> }

/** What erasing would remove, counted: for the confirmation staff read before they erase. */
export async function erasurePreview(payload: Payload, id: Id): Promise<ErasurePreview | null> {
  const sub = await payload.findByID({ collection: 'subscribers', id, depth: 0, overrideAccess: true, disableErrors: true })
  if (!sub) return null
  const records: Record<string, number> = {}
  for (const source of personalDataSources(payload)) records[source.key] = (await source.find(payload, sub.email)).length
  return { email: sub.email, mail: (await storeFor(payload).mailFor(String(sub.id), sub.email)).length, records }
}

export type ErasureReport = { erased: true; mail: number; testRuns: number; records: Record<string, number> }

/** Test sendings are titled with the staff address they went to (NewsletterRuns' send-test). */
async function eraseFromTestRuns(payload: Payload, email: string): Promise<number> {
  const runs = await payload.find({
    collection: 'newsletter-runs',
    where: { and: [{ kind: { equals: 'test' } }, { title: { contains: email } }] },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  let n = 0
  for (const run of runs.docs) {
    const title = String(run.title ?? '')
    if (!title.toLowerCase().includes(email)) continue
    await payload.update({ collection: 'newsletter-runs', id: run.id, data: { title: title.replace(new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '(erased)') }, depth: 0, overrideAccess: true })
    n++
  }
  return n
}

/**
 * Erases the subscriber and everything keyed by their address: mail addressed to it,
 * the other features' records (their sources), test sendings that name it, and last
 * the subscriber, whose delete hook erases the subscription's own mail. The subscriber
 * goes last so that an erasure stopped half-way can simply be asked for again.
 */
export async function erasePerson(payload: Payload, id: Id): Promise<ErasureReport | null> {
  const sub = await payload.findByID({ collection: 'subscribers', id, depth: 0, overrideAccess: true, disableErrors: true })
  if (!sub) return null
  const email = sub.email
  const store = storeFor(payload)
  const mail = (await store.mailFor(String(sub.id), email)).length
  await store.eraseMailTo(email)
  const records: Record<string, number> = {}
  for (const source of personalDataSources(payload)) records[source.key] = await source.erase(payload, email)
  const testRuns = await eraseFromTestRuns(payload, email)
  await payload.delete({ collection: 'subscribers', id: sub.id, overrideAccess: true })
  await store.forgetErased()
  return { erased: true, mail, testRuns, records }
}
