/**
 * The dashboard: consultations closing this week, responses nobody has reviewed, and the
 * collection cards' counts, each with the staff member's own access (real SQLite).
 */
import { createLocalReq } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { countsOf } from '../../cms/plugins/dashboard/counts'
import { ConsultationsAttention } from '../../cms/plugins/consultations/admin/ConsultationsAttention'
import { closingThisWeek, unreviewedResponses } from '../../cms/plugins/consultations/attention'
import { newReference } from '../../cms/model/consultationForm'
import { paragraph, startCms, type TestCms } from './helpers'

let cms: TestCms
const day = 86_400_000
const now = Date.now()
const users: Record<string, Record<string, unknown>> = {}
const ids: Record<string, string> = {}

async function consultation(title: string, opensIn: number, closesIn: number, status: 'published' | 'draft' = 'published') {
  const doc = await cms.payload.create({
    collection: 'consultations',
    locale: 'lt',
    data: {
      title,
      summary: 'Santrauka',
      body: paragraph('Tekstas'),
      opensAt: new Date(now + opensIn).toISOString(),
      closesAt: new Date(now + closesIn).toISOString(),
      questions: [{ type: 'text', label: 'Pastabos' }],
      _status: status,
    } as never,
    overrideAccess: true,
  })
  return String(doc.id)
}

async function response(consultation: string, status: 'new' | 'reviewed' | 'spam') {
  await cms.payload.create({
    collection: 'consultation-responses',
    data: { reference: newReference(), consultation: Number(consultation), status, locale: 'lt', answers: [], submittedAt: new Date().toISOString() } as never,
    overrideAccess: true,
  })
}

const as = (role: string) => ({ ...users[role], collection: 'users' }) as never

beforeAll(async () => {
  cms = await startCms()
  for (const role of ['admin', 'editor', 'author']) {
    users[role] = (await cms.payload.create({ collection: 'users', data: { email: `${role}@pajuris.example`, name: role, role, password: `password-${role}-1234` } as never, overrideAccess: true })) as never
  }
  ids.soon = await consultation('Dviračių takai', -day, 2 * day)
  ids.lastDay = await consultation('Parko planas', -day, 7 * day - 60_000)
  ids.later = await consultation('Turgaus aikštė', -day, 8 * day)
  ids.closed = await consultation('Mokyklų tinklas', -3 * day, -day)
  ids.draft = await consultation('Juodraštis', -day, 2 * day, 'draft')
  ids.upcoming = await consultation('Būsima', day, 3 * day)
  for (let i = 0; i < 3; i++) await response(ids.soon, 'new')
  await response(ids.soon, 'reviewed')
  await response(ids.soon, 'spam')
  await response(ids.later, 'new')
  await response(ids.later, 'new')
}, 120_000)

afterAll(async () => {
  await cms?.close()
})

describe('the dashboard', () => {
  it('lists the open, published consultations closing within seven days, soonest first', async () => {
    expect((await closingThisWeek(cms.payload)).map((c) => c.title)).toEqual(['Dviračių takai', 'Parko planas'])
    // Two days on: the first has closed, the upcoming one has opened, and the one closing in eight days is within the week.
    expect((await closingThisWeek(cms.payload, new Date(now + 2 * day + 1000))).map((c) => c.title)).toEqual(['Būsima', 'Parko planas', 'Turgaus aikštė'])
  })

  it('counts the responses nobody has reviewed, per consultation, most first (reviewed and spam left out)', async () => {
    expect((await unreviewedResponses(cms.payload)).map(({ title, count }) => [title, count])).toEqual([
      ['Dviračių takai', 3],
      ['Turgaus aikštė', 2],
    ])
  })

  it('shows editors both, in Lithuanian with plural forms and 24-hour times; authors only what closes', async () => {
    const editor = renderToStaticMarkup((await ConsultationsAttention({ payload: cms.payload, i18n: { language: 'lt' }, user: as('editor') }))!)
    expect(editor).toContain('Šią savaitę baigiasi 2 konsultacijos')
    expect(editor).toMatch(/Dviračių takai<\/a>: baigiasi [a-ząčęėįšųūž]+, \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    expect(editor).toContain('3 nauji atsakymai')
    expect(editor).toContain('2 nauji atsakymai')
    expect(editor).toContain(`where[consultation][equals]=${ids.soon}&amp;where[status][equals]=new`)
    const author = renderToStaticMarkup((await ConsultationsAttention({ payload: cms.payload, i18n: { language: 'lt' }, user: as('author') }))!)
    expect(author).toContain('Dviračių takai')
    expect(author).not.toContain('atsakym')
    const english = renderToStaticMarkup((await ConsultationsAttention({ payload: cms.payload, i18n: { language: 'en' }, user: as('editor') }))!)
    expect(english).toContain('2 consultations close this week')
    expect(english).toContain('3 new responses')
  })

  it('gives each collection card its counts, as far as the staff member may read', async () => {
    const req = (role: string) => createLocalReq({ user: as(role) }, cms.payload)
    // Five published consultations and a draft, for every role (all read consultations).
    expect(await countsOf(await req('author'), 'consultations', 'lt')).toBe('Paskelbta: 5 · juodraščiai: 1')
    // Users: an admin reads all three, an editor only their own account.
    expect(await countsOf(await req('admin'), 'users', 'lt')).toBe('Iš viso: 3')
    expect(await countsOf(await req('editor'), 'users', 'en')).toBe('In all: 1')
    // Responses: editors read them; authors may not, and get no count.
    expect(await countsOf(await req('editor'), 'consultation-responses', 'lt')).toBe('Iš viso: 7')
    expect(await countsOf(await req('author'), 'consultation-responses', 'lt')).toBeNull()
  })
})
