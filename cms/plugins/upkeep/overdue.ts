import type { Payload } from 'payload'

import { documentTitle } from '../../lib/titles'

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
