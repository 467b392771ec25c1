import { stringify } from 'csv-stringify/sync'
import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '../../../../access/roles'
import type { StoredAnswer } from '../../responses'
import { summarize } from '../../summary'
import { storedQuestions } from '../Consultations/questions'
import { getDefaultLocale } from '../../../../model/locales'
import { responseFacts, type ResponseFacts } from '../../facts'
import { csvSafe } from '../../../newsletter/collections/Subscribers/endpoints/exportCsv'
import { asLocale } from '../../../../lib/locale'

const staffOnly = () => Response.json({ errors: [{ message: 'Editors and admins only.' }] }, { status: 403 })

async function consultationWithResponses(req: PayloadRequest) {
  const searchParams = new URL(req.url ?? '', 'http://x').searchParams
  const id = searchParams.get('consultation') ?? ''
  if (!/^[A-Za-z0-9]{1,40}$/.test(id)) return null
  // Only a missing consultation is "not found": a database error answers as one.
  const found = await req.payload.findByID({
    collection: 'consultations',
    id,
    depth: 0,
    locale: asLocale(getDefaultLocale()),
    overrideAccess: true,
    disableErrors: true,
  })
  if (!found) return null
  const consultation = { ...found, questions: storedQuestions(found) }
  const responses = await req.payload.find({
    collection: 'consultation-responses',
    where: { consultation: { equals: consultation.id } },
    sort: 'createdAt',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return { consultation, responses: responses.docs, searchParams }
}

/**
 * `GET /api/consultation-responses/export.csv?consultation=<id>`: one row per response,
 * one column per question. UTF-8 with a BOM so spreadsheets read Lithuanian letters;
 * cells a spreadsheet would run as a formula are kept as text. `&delimiter=semicolon`
 * for Excel with Lithuanian (and most European) regional settings, whose list
 * separator is `;` and which would otherwise open the file as a single column.
 */
export const exportResponsesEndpoint: Endpoint = {
  path: '/export.csv',
  method: 'get',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'editor')) return staffOnly()
    const data = await consultationWithResponses(req)
    if (!data) return Response.json({ errors: [{ message: 'Unknown consultation.' }] }, { status: 404 })
    const questions = data.consultation.questions ?? []
    // Answers to questions removed since keep their own columns.
    const extra = new Map<string, string>()
    for (const r of data.responses) for (const a of (r.answers as StoredAnswer[] | null) ?? []) if (!questions.some((q) => q.id === a.questionId)) extra.set(a.questionId, a.question)
    const columns = [...questions.map((q) => ({ id: q.id, label: q.label })), ...[...extra].map(([id, label]) => ({ id, label }))]
    const header = ['Reference', 'Submitted', 'Status', 'Name', 'Email', 'Organisation', ...columns.map((c) => c.label), 'Quote for the outcome']
    const rows = data.responses.map((r) => {
      const answers = (r.answers as StoredAnswer[] | null) ?? []
      const cell = (id: string) => {
        const a = answers.find((x) => x.questionId === id)
        return a ? (Array.isArray(a.answer) ? a.answer.join('; ') : a.answer) : ''
      }
      return [r.reference, r.submittedAt, r.status, r.name, r.email, r.organisation, ...columns.map((c) => cell(c.id)), r.publishQuote ? r.quote : ''].map(csvSafe)
    })
    const semicolon = data.searchParams.get('delimiter') === 'semicolon'
    const csv = stringify([header.map(csvSafe), ...rows], { bom: true, delimiter: semicolon ? ';' : ',' })
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="responses-${String(data.consultation.slug ?? data.consultation.id)}.csv"`,
        'cache-control': 'no-store',
      },
    })
  },
}

/** `GET /api/consultation-responses/summary?consultation=<id>`: counts and percentages of the choice questions (spam left out). */
export const responseSummaryEndpoint: Endpoint = {
  path: '/summary',
  method: 'get',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'editor')) return staffOnly()
    const data = await consultationWithResponses(req)
    if (!data) return Response.json({ errors: [{ message: 'Unknown consultation.' }] }, { status: 404 })
    const counted = data.responses.filter((r) => r.status !== 'spam').map((r) => ({ answers: (r.answers as StoredAnswer[] | null) ?? [] }))
    return Response.json(
      { consultation: data.consultation.title, responses: counted.length, questions: summarize(data.consultation.questions ?? [], counted, getDefaultLocale()) },
      { headers: { 'cache-control': 'no-store' } },
    )
  },
}

// Anonymous callers share one answer for a short while, so the endpoint cannot be used
// to load the database; a signed-in caller (the site's build, with its API key) reads fresh.
const PUBLIC_TTL_MS = 30_000
let shared: { at: number; payload: unknown; facts: Promise<ResponseFacts> } | null = null

/**
 * `GET /api/consultation-responses/public`: what the site may show (the site's REST
 * content source reads it): per published consultation the number of responses, and
 * once the outcome is published the quotes staff chose. Never the responses.
 */
export const publicResponseFactsEndpoint: Endpoint = {
  path: '/public',
  method: 'get',
  handler: async (req) => {
    let facts: Promise<ResponseFacts>
    if (req.user) facts = responseFacts(req.payload)
    else {
      if (!shared || shared.payload !== req.payload || Date.now() - shared.at > PUBLIC_TTL_MS) {
        const pending = responseFacts(req.payload)
        shared = { at: Date.now(), payload: req.payload, facts: pending }
        pending.catch(() => {
          if (shared?.facts === pending) shared = null
        })
      }
      facts = shared.facts
    }
    return Response.json(await facts, { headers: { 'cache-control': req.user ? 'no-store' : `public, max-age=${PUBLIC_TTL_MS / 1000}` } })
  },
}
