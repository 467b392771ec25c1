import type { Payload } from 'payload'

import { documentTitle } from '../../lib/titles'
import { settings } from '../../model/env'

/** A review-by date as the city writes it (2027-01-15), in its time zone: a date picked as 15 January is 22:00 UTC the day before. */
export function cityDay(iso: string, timeZone = settings().ATVIRA_TIMEZONE): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso))
}

export type Overdue = { collection: string; id: number | string; title: string; reviewBy: string; owner?: string }

/** Live documents past their review-by date, the longest overdue first. */
export async function overdueReviews(payload: Payload, collections: readonly string[], now = new Date()): Promise<Overdue[]> {
  const items: Overdue[] = []
  for (const collection of collections) {
    const found = await payload.find({
      collection: collection as 'news',
      where: { and: [{ reviewBy: { less_than: now.toISOString() } }, { _status: { equals: 'published' } }] } as never,
      depth: 1,
      limit: 100,
      overrideAccess: true,
    })
    for (const d of found.docs as unknown as Record<string, unknown>[]) {
      const owner = d.contentOwner as { name?: string; email?: string } | null | undefined
      items.push({ collection, id: d.id as number, title: documentTitle(collection, d as { id: unknown }), reviewBy: String(d.reviewBy), owner: owner?.name || owner?.email })
    }
  }
  return items.sort((a, b) => a.reviewBy.localeCompare(b.reviewBy))
}
