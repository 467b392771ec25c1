/**
 * Consultation responses over real HTTP against the built admin, as `npm start` runs
 * it: the anonymous REST and GraphQL APIs and the staff endpoints give nothing of
 * them, nor does an author; editors read and export them but cannot rewrite what a
 * resident sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildCmsIfStale } from '../../scripts/lib/cmsBuild'
import { newReference } from '../../cms/model/consultationForm'
import { paragraph, startCms, type TestCms } from '../int/helpers'
import { startAdminServer } from './server'

let cms: TestCms
let server: Awaited<ReturnType<typeof startAdminServer>>
const marker = `RESPONSE-SECRET-${Date.now()}`
const day = 86_400_000
const ids: { consultation?: number | string; response?: number | string } = {}
const tokens: Record<'author' | 'editor', string> = { author: '', editor: '' }

beforeAll(async () => {
  cms = await startCms()
  await buildCmsIfStale()
  const { payload } = cms
  for (const role of ['author', 'editor'] as const) {
    await payload.create({
      collection: 'users',
      data: { email: `${role}@example.test`, password: `a-long-${role}-password`, name: role, role },
      overrideAccess: true,
    })
  }
  const consultation = await payload.create({
    collection: 'consultations',
    locale: 'lt',
    data: {
      title: 'Atvira konsultacija',
      summary: 'S',
      body: paragraph('B'),
      opensAt: new Date(Date.now() - day).toISOString(),
      closesAt: new Date(Date.now() + day).toISOString(),
      questions: [{ type: 'text', label: 'Pastabos' }],
      _status: 'published',
    } as never,
    overrideAccess: true,
  })
  ids.consultation = consultation.id
  const question = (consultation as unknown as { questions: { id: string }[] }).questions[0]!.id
  const response = await payload.create({
    collection: 'consultation-responses',
    data: {
      reference: newReference(),
      consultation: consultation.id,
      status: 'reviewed',
      locale: 'lt',
      answers: [{ questionId: question, type: 'text', question: 'Pastabos', answer: `Atsakymas ${marker}` }],
      name: `Vardas ${marker}`,
      email: `${marker.toLowerCase()}@example.net`,
      organisation: `Organizacija ${marker}`,
      // Marked as a quote, but the outcome is not out: not public either.
      publishQuote: true,
      quote: `Citata ${marker}`,
      submittedAt: new Date().toISOString(),
    } as never,
    overrideAccess: true,
  })
  ids.response = response.id
  server = await startAdminServer(process.env)
  for (const role of ['author', 'editor'] as const) {
    const res = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${role}@example.test`, password: `a-long-${role}-password` }),
    })
    expect(res.status, `${role} login`).toBe(200)
    tokens[role] = ((await res.json()) as { token: string }).token
  }
}, 900_000)

afterAll(async () => {
  await server?.stop()
  await cms?.close()
})

const auth = (role?: 'author' | 'editor'): Record<string, string> => (role ? { authorization: `JWT ${tokens[role]}` } : {})

async function get(path: string, role?: 'author' | 'editor') {
  const res = await fetch(`${server.url}${path}`, { headers: auth(role) })
  return { status: res.status, text: await res.text() }
}

async function gql(query: string, role?: 'author' | 'editor') {
  const res = await fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth(role) },
    body: JSON.stringify({ query }),
  })
  return { status: res.status, text: await res.text() }
}

const staffPaths = () => [
  '/api/consultation-responses',
  '/api/consultation-responses?depth=2&limit=100',
  `/api/consultation-responses?where[consultation][equals]=${ids.consultation}`,
  `/api/consultation-responses/${ids.response}`,
  `/api/consultation-responses/${ids.response}?depth=2`,
  '/api/consultation-responses/count',
  `/api/consultation-responses/summary?consultation=${ids.consultation}`,
  `/api/consultation-responses/export.csv?consultation=${ids.consultation}`,
  `/api/consultation-responses/export.csv?consultation=${ids.consultation}&delimiter=semicolon`,
]

const graphqlQueries = () => [
  '{ ConsultationResponses(limit: 100) { docs { id reference answers name email organisation quote } } }',
  `{ ConsultationResponse(id: ${JSON.stringify(ids.response)}) { answers name email quote } }`,
  '{ countConsultationResponses { totalDocs } }',
]

describe.each([
  ['anonymous', undefined],
  ['an author', 'author'],
] as const)('%s', (_, role) => {
  it('is refused every REST route and staff endpoint of consultation-responses, and sees no marker', async () => {
    for (const path of staffPaths()) {
      const res = await get(path, role)
      expect(res.status, path).toBe(403)
      expect(res.text, path).not.toContain(marker)
    }
  })

  it('gets nothing of them through GraphQL', async () => {
    for (const query of graphqlQueries()) {
      const res = await gql(query, role)
      expect(res.text, query).not.toContain(marker)
      const body = JSON.parse(res.text) as { errors?: { message: string }[]; data?: unknown }
      expect(body.errors?.length, query).toBeGreaterThan(0)
      expect(JSON.stringify(body.errors), query).toMatch(/not allowed|forbidden|cannot query/i)
    }
  })

  it('sees the count but no quote of a consultation whose outcome is not out', async () => {
    const res = await get('/api/consultation-responses/public', role)
    expect(res.status).toBe(200)
    expect(res.text).not.toContain(marker)
    expect(JSON.parse(res.text)[String(ids.consultation)]).toEqual({ count: 1, quotes: [] })
    // The consultation itself carries nothing of its responses.
    const doc = await get(`/api/consultations/${ids.consultation}?depth=3`, role)
    expect(doc.status).toBe(200)
    expect(doc.text).not.toContain(marker)
  })

  it('cannot change or delete a response', async () => {
    for (const method of ['PATCH', 'DELETE'] as const) {
      const res = await fetch(`${server.url}/api/consultation-responses/${ids.response}`, {
        method,
        headers: { 'content-type': 'application/json', ...auth(role) },
        body: method === 'PATCH' ? JSON.stringify({ status: 'spam' }) : undefined,
      })
      expect(res.status, method).toBe(403)
    }
    const stored = await cms.payload.findByID({ collection: 'consultation-responses', id: ids.response!, overrideAccess: true })
    expect(stored.status).toBe('reviewed')
  })
})

describe('an editor', () => {
  it('reads and exports responses (so the refusals above are about access, not a broken route)', async () => {
    for (const path of staffPaths()) {
      const res = await get(path, 'editor')
      expect(res.status, path).toBe(200)
      if (!path.includes('/count') && !path.includes('/summary')) expect(res.text, path).toContain(marker)
    }
    const res = await gql('{ ConsultationResponses { docs { name } } }', 'editor')
    expect(res.text).toContain(marker)
  })

  it('moderates over REST, but what the resident sent stays as sent', async () => {
    const before = await cms.payload.findByID({ collection: 'consultation-responses', id: ids.response!, depth: 0, overrideAccess: true })
    const res = await fetch(`${server.url}/api/consultation-responses/${ids.response}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...auth('editor') },
      body: JSON.stringify({
        status: 'spam',
        quote: 'Nauja citata',
        answers: [{ questionId: 'x', type: 'text', question: 'Q', answer: 'Pakeista' }],
        name: 'Pakeistas',
        email: 'kitas@example.net',
        organisation: 'Kita',
        reference: 'ZZZZ-ZZZZ',
        submittedAt: new Date(0).toISOString(),
      }),
    })
    expect(res.status, await res.clone().text()).toBe(200)
    const after = await cms.payload.findByID({ collection: 'consultation-responses', id: ids.response!, depth: 0, overrideAccess: true })
    expect(after).toMatchObject({ status: 'spam', quote: 'Nauja citata' })
    for (const field of ['answers', 'name', 'email', 'organisation', 'reference', 'submittedAt', 'consultation'] as const) {
      expect(after[field], field).toEqual(before[field])
    }
  })
})
