import type { Payload } from 'payload'

import { documentTitle } from '../../lib/titles'

export type ClosingSoon = { id: number | string; title: string; closesAt: string }
export type UnreviewedResponses = { consultation: number | string; title: string; count: number }

const WEEK_MS = 7 * 24 * 60 * 60 * 1000

/**
 * Open, published consultations that close within the next seven days, soonest first:
 * the last week is when staff remind residents and line up the summary.
 */
export async function closingThisWeek(payload: Payload, now: Date = new Date()): Promise<ClosingSoon[]> {
  const found = await payload.find({
    collection: 'consultations',
    where: {
      and: [
        { _status: { equals: 'published' } },
        { opensAt: { less_than_equal: now.toISOString() } },
        { closesAt: { greater_than: now.toISOString() } },
        { closesAt: { less_than_equal: new Date(now.getTime() + WEEK_MS).toISOString() } },
      ],
    },
    sort: 'closesAt',
    depth: 0,
    limit: 20,
    overrideAccess: true,
  })
  return found.docs.map((d) => ({
    id: d.id,
    title: documentTitle('consultations', d as { id: unknown }),
    closesAt: String(d.closesAt),
  }))
}

/** Responses nobody has reviewed yet, counted per consultation, most first. */
export async function unreviewedResponses(payload: Payload): Promise<UnreviewedResponses[]> {
  const found = await payload.find({
    collection: 'consultation-responses',
    where: { status: { equals: 'new' } },
    select: { consultation: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const counts = new Map<number | string, number>()
  for (const r of found.docs) {
    const id = typeof r.consultation === 'object' && r.consultation ? r.consultation.id : r.consultation
    if (id != null) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  if (counts.size === 0) return []
  const consultations = await payload.find({
    collection: 'consultations',
    where: { id: { in: [...counts.keys()] } },
    depth: 0,
    draft: true,
    pagination: false,
    overrideAccess: true,
  })
  const titles = new Map(consultations.docs.map((d) => [d.id, documentTitle('consultations', d as { id: unknown })]))
  return [...counts]
    .map(([consultation, count]) => ({
      consultation,
      title: titles.get(consultation as number) ?? `#${String(consultation)}`,
      count,
    }))
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
}
