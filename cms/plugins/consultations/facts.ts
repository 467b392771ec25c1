import type { Payload } from 'payload'

import { deriveConsultationStatus } from './collections/Consultations/status'
import type { ResponseFacts } from '../../model/source'
import { getDefaultLocale } from '../../model/locales'
import { asLocale } from '../../lib/locale'

export type { ResponseFacts }

const MAX_QUOTES = 50

/**
 * What the site may show about consultation responses, which are staff-only: read with
 * the CMS's authority, but only the number of responses (spam left out) of each
 * published consultation, and, once its outcome is published, the quotes staff marked
 * on reviewed responses. Two queries whatever the number of consultations. The site's
 * build reads it (cms/plugins/publishing/localSource.ts), and so does
 * `GET /api/consultation-responses/public`.
 */
export async function responseFacts(payload: Payload, now = new Date()): Promise<ResponseFacts> {
  const consultations = await payload.find({
    collection: 'consultations',
    where: { _status: { equals: 'published' } },
    locale: asLocale(getDefaultLocale()),
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { opensAt: true, closesAt: true, outcome: { publishedAt: true, summary: true } },
  })
  const facts: ResponseFacts = {}
  const withOutcome = new Set<string>()
  for (const c of consultations.docs) {
    const id = String(c.id)
    facts[id] = { count: 0, quotes: [] }
    if (deriveConsultationStatus(c, now) === 'outcome') withOutcome.add(id)
  }
  const responses = await payload.find({
    collection: 'consultation-responses',
    where: { status: { not_equals: 'spam' } },
    sort: 'createdAt',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { consultation: true, status: true, publishQuote: true, quote: true },
  })
  for (const r of responses.docs) {
    const id = String(typeof r.consultation === 'object' && r.consultation ? r.consultation.id : r.consultation)
    const fact = facts[id]
    if (!fact) continue
    fact.count++
    const quote = String(r.quote ?? '').trim()
    if (withOutcome.has(id) && r.status === 'reviewed' && r.publishQuote === true && quote && fact.quotes.length < MAX_QUOTES) fact.quotes.push(quote)
  }
  return facts
}
