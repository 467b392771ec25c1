import type { Payload } from 'payload'

import { settings } from '../../model/env'
import { t } from '../../model/i18n'
import { getDefaultLocale } from '../../model/locales'
import { documentTitle } from '../../lib/titles'
import { cityDay } from './overdue'

/** How long before its review-by date a page's owner hears about it first. */
export const reminderDaysAhead = 14

type Stage = 'soon' | 'due'

/** The collections the upkeep plugin gave a review-by date. */
export function upkeepCollections(payload: Payload): string[] {
  return payload.config.collections.filter((c) => c.fields.some((f) => 'name' in f && f.name === 'reviewBy')).map((c) => c.slug)
}

/**
 * Reminders of review-by dates, by e-mail: once two weeks before the date and once on it,
 * to the page's content owner (to the editors and admins when it has none). What was sent
 * is kept in Payload's key-value store under the page and the date, so a runner that
 * restarts sends nothing twice and a new date starts afresh; the page itself is not
 * touched (no new version, no site update). Returns how many reminders went out.
 */
export async function remindReviews(payload: Payload, collections: readonly string[], now = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + reminderDaysAhead * 86_400_000).toISOString()
  const lang = getDefaultLocale()
  const admin = settings().PAYLOAD_PUBLIC_SERVER_URL.replace(/\/$/, '')
  let sent = 0
  let editors: string[] | undefined
  for (const collection of collections) {
    const due = await payload.find({
      collection: collection as 'news',
      where: { and: [{ reviewBy: { less_than_equal: horizon } }, { _status: { equals: 'published' } }] } as never,
      depth: 1,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of due.docs as unknown as Record<string, unknown>[]) {
      const date = cityDay(String(doc.reviewBy))
      const stage: Stage = new Date(String(doc.reviewBy)).getTime() <= now.getTime() ? 'due' : 'soon'
      const key = `upkeep:reminded:${collection}:${String(doc.id)}`
      const already = await payload.kv.get<string>(key)
      if (already === `${stage}:${date}` || (stage === 'soon' && already === `due:${date}`)) continue
      const owner = doc.contentOwner as { email?: string } | null | undefined
      editors ??= (await payload.find({ collection: 'users', where: { role: { in: ['editor', 'admin'] } }, pagination: false, depth: 0, overrideAccess: true })).docs.map((u) => u.email)
      const to = owner?.email ? [owner.email] : editors
      const vars = { title: documentTitle(collection, doc as { id: unknown }), date, url: `${admin}/admin/collections/${collection}/${String(doc.id)}` }
      for (const address of to)
        await payload.sendEmail({ to: address, subject: t(lang, `email.upkeep.${stage}.subject`, vars), text: t(lang, `email.upkeep.${stage}.text`, vars) })
      await payload.kv.set(key, `${stage}:${date}`)
      sent++
    }
  }
  return sent
}
