/**
 * Consultation responses in the CMS: the server decides what is accepted, answers are
 * stored as text, staff export and summarise them, the public sees only counts and
 * chosen quotes, and subscribers are told once when a consultation opens and when its
 * outcome is out.
 */
import { parse } from 'csv-parse/sync'
import { createLocalReq, type PayloadRequest } from 'payload'
import type React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { exportResponsesEndpoint, publicResponseFactsEndpoint, responseSummaryEndpoint } from '../../cms/plugins/consultations/collections/ConsultationResponses/endpoints'
import { PANEL_PAGE_SIZE, ResponsesPanel } from '../../cms/plugins/consultations/admin/ResponsesPanel'
import { responseFacts } from '../../cms/plugins/consultations/facts'
import { checkAnswers, submitResponse } from '../../cms/plugins/consultations/responses'
import { fanOutChange } from '../../cms/plugins/newsletter/queueing'
import { newReference } from '../../cms/model/consultationForm'
import { buildSnapshot } from '../../site/publisher/snapshot'
import { localSource } from '../../cms/plugins/publishing/localSource'
import type { ResponseInput } from '../../cms/model/services/consultations'
import { paragraph, startCms, type TestCms } from './helpers'
import { addSubscriber, dispatcher, makeTopic, runNewsletterJobs } from './newsletter-support'
import { startSink } from './smtpSink'

let cms: TestCms
let topic: string
let editor: Record<string, unknown>
const day = 86_400_000

beforeAll(async () => {
  cms = await startCms({ env: { SITE_URL: 'https://www.pajuris.example' } })
  topic = await makeTopic(cms.payload, 'Aplinka', 'Environment')
  editor = (await cms.payload.create({
    collection: 'users',
    data: { email: 'editor@pajuris.example', name: 'E', role: 'editor', password: 'password-editor-123' } as never,
    overrideAccess: true,
  })) as unknown as Record<string, unknown>
}, 120_000)

afterAll(async () => {
  await cms?.close()
})

type Q = { id: string; type: string }

async function consultation(o: { opensAt: Date; closesAt: Date; title?: string; status?: 'published' | 'draft' }) {
  const doc = await cms.payload.create({
    collection: 'consultations',
    locale: 'lt',
    data: {
      title: o.title ?? `Konsultacija ${Math.random().toString(36).slice(2, 8)}`,
      summary: 'Santrauka',
      body: paragraph('Tekstas'),
      opensAt: o.opensAt.toISOString(),
      closesAt: o.closesAt.toISOString(),
      topics: [Number(topic)],
      questions: [
        { type: 'scale', label: 'Pritariu', required: true },
        { type: 'single', label: 'Kaip dažnai?', options: [{ label: 'Dažnai' }, { label: 'Retai' }] },
        { type: 'multiple', label: 'Ko reikia?', options: [{ label: 'Suolų' }, { label: 'Medžių' }, { label: 'Šviesos' }] },
        { type: 'text', label: 'Pastabos' },
      ],
      _status: o.status ?? 'published',
    } as never,
    overrideAccess: true,
  })
  const questions = (doc as unknown as { questions: (Q & { options?: { id: string }[] })[] }).questions
  return { id: String(doc.id), questions }
}

function input(id: string, answers: Record<string, string | string[]>, over: Partial<ResponseInput> = {}): ResponseInput {
  return { consultationId: id, locale: 'lt', answers, name: '', email: '', organisation: '', consent: true, receipt: false, consentWording: 'Sutinku', title: 'K', url: 'https://www.pajuris.example/k/', ...over }
}

/** Text of exactly `n` characters as a browser counts them (LF), with line breaks inside. */
function typed(n: number, lineBreak = '\n'): string {
  let out = ''
  for (let i = 0; i < n; i++) out += i % 60 === 30 ? '\n' : 'ž'
  return out.replace(/\n/g, lineBreak)
}

const asUser = (user: Record<string, unknown>) => ({ ...user, collection: 'users' }) as never

async function storedResponse(consultationId: string, data: Record<string, unknown>) {
  return cms.payload.create({
    collection: 'consultation-responses',
    data: { reference: newReference(), consultation: Number(consultationId), status: 'new', locale: 'lt', answers: [], submittedAt: new Date().toISOString(), ...data } as never,
    overrideAccess: true,
  })
}

describe('taking responses', () => {
  it('accepts a valid response only while the consultation is open, and refuses drafts', async () => {
    const now = Date.now()
    const open = await consultation({ opensAt: new Date(now - day), closesAt: new Date(now + day) })
    const closed = await consultation({ opensAt: new Date(now - 3 * day), closesAt: new Date(now - day) })
    const upcoming = await consultation({ opensAt: new Date(now + day), closesAt: new Date(now + 3 * day) })
    const draft = await consultation({ opensAt: new Date(now - day), closesAt: new Date(now + day), status: 'draft' })
    const [scale, single, multiple, text] = open.questions
    const answers = {
      [`q_${scale!.id}`]: '4',
      [`q_${single!.id}`]: open.questions[1]!.options![1]!.id,
      [`q_${multiple!.id}`]: [open.questions[2]!.options![0]!.id, open.questions[2]!.options![2]!.id],
      [`q_${text!.id}`]: '<script>alert(1)</script> =SUM(A1) Daugiau šviesos',
    }
    const ok = await submitResponse(cms.payload, input(open.id, answers, { organisation: '@Bendruomenė' }))
    expect(ok).toMatchObject({ ok: true, reference: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/) })
    const stored = await cms.payload.find({ collection: 'consultation-responses', where: { consultation: { equals: Number(open.id) } }, overrideAccess: true })
    expect(stored.docs[0]).toMatchObject({ status: 'new', organisation: '@Bendruomenė' })
    expect(stored.docs[0]!.answers).toEqual([
      { questionId: scale!.id, type: 'scale', question: 'Pritariu', answer: '4' },
      { questionId: single!.id, type: 'single', question: 'Kaip dažnai?', answer: 'Retai' },
      { questionId: multiple!.id, type: 'multiple', question: 'Ko reikia?', answer: ['Suolų', 'Šviesos'] },
      { questionId: text!.id, type: 'text', question: 'Pastabos', answer: '<script>alert(1)</script> =SUM(A1) Daugiau šviesos' },
    ])

    const scaleOnly = (c: { questions: Q[] }) => ({ [`q_${c.questions[0]!.id}`]: '3' })
    expect(await submitResponse(cms.payload, input(closed.id, scaleOnly(closed)))).toEqual({ ok: false, reason: 'closed' })
    expect(await submitResponse(cms.payload, input(upcoming.id, scaleOnly(upcoming)))).toEqual({ ok: false, reason: 'upcoming' })
    expect(await submitResponse(cms.payload, input(draft.id, scaleOnly(draft)))).toEqual({ ok: false, reason: 'notFound' })
    const counted = await cms.payload.count({ collection: 'consultation-responses', where: { consultation: { in: [closed.id, upcoming.id, draft.id].map(Number) } }, overrideAccess: true })
    expect(counted.totalDocs).toBe(0)
  })

  it('opens and closes for responses exactly at its times', async () => {
    const opensAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 3 * day)
    const closesAt = new Date(opensAt.getTime() + day)
    const c = await consultation({ opensAt, closesAt })
    const answers = { [`q_${c.questions[0]!.id}`]: '3' }
    const at = async (ms: number) => {
      const r = await submitResponse(cms.payload, input(c.id, answers), new Date(ms))
      return r.ok ? 'accepted' : r.reason
    }
    expect(await at(opensAt.getTime() - 1)).toBe('upcoming')
    expect(await at(opensAt.getTime())).toBe('accepted')
    expect(await at(closesAt.getTime() - 1)).toBe('accepted')
    expect(await at(closesAt.getTime())).toBe('closed')
  })

  it('names every problem: required, unknown choices, over 10,000 characters, bad email, no consent', async () => {
    const questions = [
      { id: 'a', type: 'scale' as const, label: 'A', required: true },
      { id: 'b', type: 'single' as const, label: 'B', options: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] },
      { id: 'c', type: 'multiple' as const, label: 'C', options: [{ id: 'x', label: 'X' }] },
      { id: 'd', type: 'text' as const, label: 'D' },
    ]
    const table: [Record<string, string | string[]>, Record<string, string>][] = [
      [{}, { q_a: 'required' }],
      [{ q_a: '6' }, { q_a: 'invalid' }],
      [{ q_a: '3', q_b: 'z' }, { q_b: 'invalid' }],
      [{ q_a: '3', q_b: ['x', 'y'] }, { q_b: 'invalid' }],
      [{ q_a: '3', q_c: ['x', 'nope'] }, { q_c: 'invalid' }],
      [{ q_a: '3', q_d: 'x'.repeat(10_001) }, { q_d: 'tooLong' }],
      [{ q_a: '3', q_d: 'x'.repeat(10_000) }, {}],
    ]
    for (const [answers, errors] of table) expect(checkAnswers(questions, answers).errors, JSON.stringify(answers).slice(0, 60)).toEqual(errors)

    const open = await consultation({ opensAt: new Date(Date.now() - day), closesAt: new Date(Date.now() + day) })
    const res = await submitResponse(cms.payload, input(open.id, { [`q_${open.questions[0]!.id}`]: '2' }, { email: 'not-an-email', consent: false }))
    expect(res).toEqual({ ok: false, reason: 'invalid', errors: { email: 'invalid', consent: 'required' } })
    const long = await submitResponse(cms.payload, input(open.id, { [`q_${open.questions[0]!.id}`]: '2' }, { name: 'V'.repeat(201), organisation: 'O'.repeat(301) }))
    expect(long).toEqual({ ok: false, reason: 'invalid', errors: { name: 'tooLong', organisation: 'tooLong' } })
  })

  it('counts a line break as one character, as the browser did: CRLF is stored as LF', async () => {
    const questions = [{ id: 'd', type: 'text' as const, label: 'D' }]
    const fits = typed(10_000, '\r\n')
    expect(fits.length).toBeGreaterThan(10_000)
    expect(checkAnswers(questions, { q_d: fits })).toEqual({ errors: {}, stored: [{ questionId: 'd', type: 'text', question: 'D', answer: typed(10_000) }] })
    expect(checkAnswers(questions, { q_d: typed(10_000, '\r') }).errors).toEqual({})
    expect(checkAnswers(questions, { q_d: typed(10_001, '\r\n') }).errors).toEqual({ q_d: 'tooLong' })

    const open = await consultation({ opensAt: new Date(Date.now() - day), closesAt: new Date(Date.now() + day) })
    const res = await submitResponse(cms.payload, input(open.id, { [`q_${open.questions[0]!.id}`]: '3', [`q_${open.questions[3]!.id}`]: fits }))
    expect(res.ok).toBe(true)
    const [doc] = (await cms.payload.find({ collection: 'consultation-responses', where: { reference: { equals: (res as { reference: string }).reference } }, overrideAccess: true })).docs
    const text = (doc!.answers as { type: string; answer: string }[]).find((a) => a.type === 'text')!.answer
    expect(text).toHaveLength(10_000)
    expect(text).not.toContain('\r')
  })
})

describe('receipts', () => {
  it('emails a receipt with the reference when asked, through the outbox', async () => {
    const open = await consultation({ opensAt: new Date(Date.now() - day), closesAt: new Date(Date.now() + day), title: 'Kvitų konsultacija' })
    const res = await submitResponse(
      cms.payload,
      input(open.id, { [`q_${open.questions[0]!.id}`]: '3' }, { email: 'Gyventojas@Example.net', receipt: true, title: 'Kvitų konsultacija', url: 'https://www.pajuris.example/konsultacijos/kvitai/' }),
    )
    expect(res.ok).toBe(true)
    const reference = (res as { reference: string }).reference
    const sink = await startSink()
    try {
      await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
      const [mail] = sink.to('gyventojas@example.net')
      expect(mail).toBeDefined()
      const parsed = await sink.parse(mail!)
      expect(parsed.subject).toBe(`Gavome jūsų atsakymą (nr. ${reference})`)
      expect(parsed.text).toContain('Kvitų konsultacija')
      expect(parsed.text).toContain('https://www.pajuris.example/konsultacijos/kvitai/')
      // Without the tick nothing is sent.
      await submitResponse(cms.payload, input(open.id, { [`q_${open.questions[0]!.id}`]: '3' }, { email: 'no-receipt@example.net' }))
      await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
      expect(sink.to('no-receipt@example.net')).toHaveLength(0)
    } finally {
      await sink.close()
    }
  })
})

describe('staff', () => {
  it('export CSV (UTF-8, BOM, formulas neutralised) and a summary with percentages; spam is not counted', async () => {
    const open = await consultation({ opensAt: new Date(Date.now() - day), closesAt: new Date(Date.now() + day), title: 'Eksportuojama konsultacija' })
    const [scale, single] = open.questions
    const option = (i: number) => open.questions[1]!.options![i]!.id
    for (const [n, choice, text] of [[5, 0, '=HYPERLINK("http://x.example")'], [4, 0, '+370 600 00000'], [2, 1, 'Ąžuolų alėja']] as const) {
      const r = await submitResponse(cms.payload, input(open.id, { [`q_${scale!.id}`]: String(n), [`q_${single!.id}`]: option(choice), [`q_${open.questions[3]!.id}`]: text }))
      expect(r.ok).toBe(true)
    }
    const spam = await submitResponse(cms.payload, input(open.id, { [`q_${scale!.id}`]: '1' }))
    await cms.payload.update({ collection: 'consultation-responses', where: { reference: { equals: (spam as { reference: string }).reference } }, data: { status: 'spam' }, overrideAccess: true })

    const req = async (url: string) => {
      const r = await createLocalReq({ user: { ...editor, collection: 'users' } as never }, cms.payload)
      return Object.assign(r, { url }) as PayloadRequest
    }
    const csv = await exportResponsesEndpoint.handler(await req(`http://cms/api/consultation-responses/export.csv?consultation=${open.id}`))
    expect(csv.status).toBe(200)
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(3))
    expect(text).toContain('Ąžuolų alėja')
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"")"`)
    expect(text).toContain("'+370 600 00000")
    expect(text).not.toMatch(/(^|,)"?[=+@]/m)

    const summary = (await (await responseSummaryEndpoint.handler(await req(`http://cms/api/consultation-responses/summary?consultation=${open.id}`))).json()) as {
      responses: number
      questions: { question: string; answered: number; rows: { label: string; count: number; percent: number }[] }[]
    }
    expect(summary.responses).toBe(3)
    const often = summary.questions.find((q) => q.question === 'Kaip dažnai?')!
    expect(often.rows).toEqual([
      { label: 'Dažnai', count: 2, percent: 66.7 },
      { label: 'Retai', count: 1, percent: 33.3 },
    ])
    const agree = summary.questions.find((q) => q.question === 'Pritariu')!
    expect(agree.rows.map((r) => r.count)).toEqual([0, 1, 0, 1, 1])

    // Only editors and admins.
    const anon = await createLocalReq({}, cms.payload)
    expect((await exportResponsesEndpoint.handler(Object.assign(anon, { url: `http://cms/x?consultation=${open.id}` }) as PayloadRequest)).status).toBe(403)
  })

  const staffReq = async (url: string, user: Record<string, unknown> = editor) => {
    const r = await createLocalReq({ user: asUser(user) }, cms.payload)
    return Object.assign(r, { url }) as PayloadRequest
  }

  it('CSV read back by a CSV parser: every cell a spreadsheet could run (= + - @ TAB CR) kept as text, comma or semicolon', async () => {
    const open = await consultation({ opensAt: new Date(Date.now() - day), closesAt: new Date(Date.now() + day), title: 'Formulių konsultacija' })
    const [scale, , , text] = open.questions
    // Residents' words are trimmed when taken, so TAB and CR can lead only in a staff quote.
    const cases = [
      { text: '-2+3+cmd|\' /C calc\'!A0', name: '-Jonas', organisation: '@Bendrija', quote: '=1+1' },
      { text: '@SUM(1+9)*cmd|\' /C calc\'!A0', name: '+Petras', organisation: '=Org', quote: '\t=cmd|\' /C calc\'!A0' },
      { text: '+ląstelė; su kabliataškiu, "kabutėmis"\nir eilute', name: 'Ona', organisation: '', quote: '\r=HYPERLINK("http://x.example")' },
    ]
    const refs: string[] = []
    for (const c of cases) {
      const r = await submitResponse(cms.payload, input(open.id, { [`q_${scale!.id}`]: '4', [`q_${text!.id}`]: c.text }, { name: c.name, organisation: c.organisation }))
      expect(r.ok).toBe(true)
      refs.push((r as { reference: string }).reference)
    }
    for (const [i, c] of cases.entries()) {
      await cms.payload.update({ collection: 'consultation-responses', where: { reference: { equals: refs[i] } }, data: { status: 'reviewed', publishQuote: true, quote: c.quote }, overrideAccess: true })
    }
    const read = async (query: string, delimiter: string) => {
      const res = await exportResponsesEndpoint.handler(await staffReq(`http://cms/api/consultation-responses/export.csv?consultation=${open.id}${query}`))
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      const bytes = new Uint8Array(await res.arrayBuffer())
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      // Strict UTF-8: a byte that is not would throw.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      return parse(Buffer.from(bytes), { bom: true, delimiter, relax_column_count: false }) as string[][]
    }
    for (const [query, delimiter] of [['', ','], ['&delimiter=semicolon', ';']] as const) {
      const [header, ...rows] = await read(query, delimiter)
      expect(header!.slice(0, 6)).toEqual(['Reference', 'Submitted', 'Status', 'Name', 'Email', 'Organisation'])
      const col = (name: string) => header!.indexOf(name)
      expect(rows).toHaveLength(cases.length)
      for (const [i, c] of cases.entries()) {
        const row = rows.find((r) => r[0] === refs[i])!
        expect(row, refs[i]).toBeDefined()
        const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)
        expect(row[col('Name')]).toBe(safe(c.name))
        expect(row[col('Organisation')]).toBe(safe(c.organisation))
        expect(row[col('Pastabos')]).toBe(safe(c.text))
        expect(row[col('Quote for the outcome')]).toBe(safe(c.quote))
      }
      // No cell of the file starts with a character that makes it a formula.
      for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/)
      expect(rows.flat()).toContain("'\t=cmd|' /C calc'!A0")
      expect(rows.flat()).toContain("'\r=HYPERLINK(\"http://x.example\")")
    }
  })

  it('summary of several-choices questions: percentages of those who answered, which may add up past 100 %', async () => {
    const open = await consultation({ opensAt: new Date(Date.now() - day), closesAt: new Date(Date.now() + day) })
    const [scale, , multiple] = open.questions
    const opt = (i: number) => open.questions[2]!.options![i]!.id
    for (const picked of [[0, 1], [0], [0, 2], []]) {
      const answers: Record<string, string | string[]> = { [`q_${scale!.id}`]: '3' }
      if (picked.length) answers[`q_${multiple!.id}`] = picked.map(opt)
      expect((await submitResponse(cms.payload, input(open.id, answers))).ok).toBe(true)
    }
    const res = await responseSummaryEndpoint.handler(await staffReq(`http://cms/api/consultation-responses/summary?consultation=${open.id}`))
    const body = (await res.json()) as { responses: number; questions: { question: string; type: string; answered: number; rows: { label: string; count: number; percent: number }[] }[] }
    expect(body.responses).toBe(4)
    const need = body.questions.find((q) => q.question === 'Ko reikia?')!
    expect(need).toMatchObject({ type: 'multiple', answered: 3 })
    expect(need.rows).toEqual([
      { label: 'Suolų', count: 3, percent: 100 },
      { label: 'Medžių', count: 1, percent: 33.3 },
      { label: 'Šviesos', count: 1, percent: 33.3 },
    ])
    expect(need.rows.reduce((sum, r) => sum + r.percent, 0)).toBeGreaterThan(100)
  })

  it('what a resident sent cannot be changed through the API; moderation and the quote can', async () => {
    const open = await consultation({ opensAt: new Date(Date.now() - day), closesAt: new Date(Date.now() + day) })
    const other = await consultation({ opensAt: new Date(Date.now() - day), closesAt: new Date(Date.now() + day) })
    const r = await submitResponse(cms.payload, input(open.id, { [`q_${open.questions[0]!.id}`]: '5' }, { name: 'Tikras Vardas', email: 'tikras@example.net', organisation: 'Tikra' }))
    const reference = (r as { reference: string }).reference
    const [before] = (await cms.payload.find({ collection: 'consultation-responses', where: { reference: { equals: reference } }, depth: 0, overrideAccess: true })).docs
    const updated = await cms.payload.update({
      collection: 'consultation-responses',
      id: before!.id,
      data: {
        answers: [{ questionId: 'x', type: 'text', question: 'Q', answer: 'Pakeista' }],
        name: 'Pakeistas',
        email: 'kitas@example.net',
        organisation: 'Kita',
        reference: 'ZZZZ-ZZZZ',
        consultation: Number(other.id),
        submittedAt: new Date(0).toISOString(),
        locale: 'en',
        consentWording: 'Kita',
        status: 'reviewed',
        publishQuote: true,
        quote: 'Tinkama citata',
      } as never,
      user: asUser(editor),
      overrideAccess: false,
    })
    expect(updated).toMatchObject({ status: 'reviewed', publishQuote: true, quote: 'Tinkama citata' })
    const after = await cms.payload.findByID({ collection: 'consultation-responses', id: before!.id, depth: 0, overrideAccess: true })
    for (const field of ['answers', 'name', 'email', 'organisation', 'reference', 'consultation', 'submittedAt', 'locale', 'consentWording'] as const) {
      expect(after[field], field).toEqual(before![field])
    }
    expect(after).toMatchObject({ status: 'reviewed', publishQuote: true, quote: 'Tinkama citata' })
  })

  it('authors can neither read, change nor export responses', async () => {
    const author = (await cms.payload.create({
      collection: 'users',
      data: { email: 'author@pajuris.example', name: 'A', role: 'author', password: 'password-author-123' } as never,
      overrideAccess: true,
    })) as unknown as Record<string, unknown>
    const open = await consultation({ opensAt: new Date(Date.now() - day), closesAt: new Date(Date.now() + day) })
    const r = await submitResponse(cms.payload, input(open.id, { [`q_${open.questions[0]!.id}`]: '5' }))
    const [doc] = (await cms.payload.find({ collection: 'consultation-responses', where: { reference: { equals: (r as { reference: string }).reference } }, overrideAccess: true })).docs
    await expect(cms.payload.find({ collection: 'consultation-responses', user: asUser(author), overrideAccess: false })).rejects.toThrow(/not allowed/i)
    await expect(cms.payload.findByID({ collection: 'consultation-responses', id: doc!.id, user: asUser(author), overrideAccess: false })).rejects.toThrow(/not allowed/i)
    await expect(cms.payload.update({ collection: 'consultation-responses', id: doc!.id, data: { status: 'spam' }, user: asUser(author), overrideAccess: false })).rejects.toThrow(/not allowed/i)
    const url = `http://cms/api/consultation-responses/export.csv?consultation=${open.id}`
    expect((await exportResponsesEndpoint.handler(await staffReq(url, author))).status).toBe(403)
    expect((await responseSummaryEndpoint.handler(await staffReq(url.replace('export.csv', 'summary'), author))).status).toBe(403)
    // The editor, for contrast, can.
    expect((await exportResponsesEndpoint.handler(await staffReq(url))).status).toBe(200)
  })

  it('the responses panel reaches every consultation that has opened, page by page, not only the latest', async () => {
    for (let i = 0; i < 2 * PANEL_PAGE_SIZE + 2; i++) {
      await consultation({ opensAt: new Date(Date.now() - (400 + i) * day), closesAt: new Date(Date.now() - (399 + i) * day), title: `Sena konsultacija ${i}` })
    }
    await consultation({ opensAt: new Date(Date.now() + 5 * day), closesAt: new Date(Date.now() + 9 * day), title: 'Būsima konsultacija panelėje' })
    const opened = await cms.payload.find({ collection: 'consultations', where: { opensAt: { less_than_equal: new Date().toISOString() } }, limit: 0, pagination: false, depth: 0, locale: 'lt', overrideAccess: true })
    expect(opened.docs.length).toBeGreaterThan(2 * PANEL_PAGE_SIZE)
    const seen: string[] = []
    let search: Record<string, string> = { limit: '10' }
    for (let pages = 0; pages < 20; pages++) {
      const html = renderToStaticMarkup((await ResponsesPanel({ payload: cms.payload, user: asUser(editor), searchParams: search })) as React.ReactElement)
      for (const m of html.matchAll(/<summary[^>]*>([^]*?) \(/g)) seen.push(m[1]!)
      const older = html.match(/<a href="\?([^"]+)">Older consultations<\/a>/)
      if (!older) break
      search = Object.fromEntries(new URLSearchParams(older[1]!.replace(/&amp;/g, '&')))
      // The list's own query is kept while paging.
      expect(search.limit).toBe('10')
    }
    expect(seen.sort()).toEqual(opened.docs.map((d) => String(d.title)).sort())
    expect(seen).toContain('Sena konsultacija 21')
    expect(seen).not.toContain('Būsima konsultacija panelėje')
    // Nothing for authors.
    expect(await ResponsesPanel({ payload: cms.payload, user: asUser({ id: 1, role: 'author' }) })).toBeNull()
  })
})

describe('the public', () => {
  it('never reads responses; the site gets only the count and the quotes staff chose', async () => {
    const open = await consultation({ opensAt: new Date(Date.now() - day), closesAt: new Date(Date.now() + day) })
    const marker = `PRIVATE-ANSWER-${Date.now()}`
    const first = await submitResponse(cms.payload, input(open.id, { [`q_${open.questions[0]!.id}`]: '5', [`q_${open.questions[3]!.id}`]: marker }, { name: 'Vardenis Pavardenis' }))
    await submitResponse(cms.payload, input(open.id, { [`q_${open.questions[0]!.id}`]: '4' }))
    await expect(cms.payload.find({ collection: 'consultation-responses', overrideAccess: false })).rejects.toThrow()

    const snapshotNow = async () => JSON.stringify(await buildSnapshot(await localSource(cms.payload), { siteUrl: 'https://www.pajuris.example', timeZone: 'Europe/Vilnius' }))
    let json = await snapshotNow()
    expect(json).not.toContain(marker)
    expect(json).not.toContain('Vardenis')
    expect(json).toMatch(new RegExp(`"id":"${open.id}"[^]*?"responseCount":2`))

    // Quoted only once reviewed and marked: then the quote (not the answer) is public.
    await cms.payload.update({
      collection: 'consultation-responses',
      where: { reference: { equals: (first as { reference: string }).reference } },
      data: { publishQuote: true, quote: 'Parkui reikia daugiau šviesos.', status: 'reviewed' },
      overrideAccess: true,
    })
    await cms.payload.update({
      collection: 'consultations',
      id: open.id,
      data: { closesAt: new Date(Date.now() - 1000).toISOString(), opensAt: new Date(Date.now() - day).toISOString(), outcome: { summary: paragraph('Rezultatai'), publishedAt: new Date(Date.now() - 500).toISOString() } } as never,
      overrideAccess: true,
    })
    json = await snapshotNow()
    expect(json).toContain('Parkui reikia daugiau šviesos.')
    expect(json).not.toContain(marker)
  })
})

describe('quotes', () => {
  it('are public only once the outcome is published, and only from reviewed responses marked for it; two queries in all', async () => {
    const now = Date.now()
    const open = await consultation({ opensAt: new Date(now - day), closesAt: new Date(now + day) })
    const closed = await consultation({ opensAt: new Date(now - 3 * day), closesAt: new Date(now - day) })
    const outcome = await consultation({ opensAt: new Date(now - 4 * day), closesAt: new Date(now - 2 * day) })
    await cms.payload.update({ collection: 'consultations', id: outcome.id, data: { outcome: { summary: paragraph('Rezultatai'), publishedAt: new Date(now - day).toISOString() } } as never, overrideAccess: true })
    const mark = `Q${now}`
    const quoted = { status: 'reviewed', publishQuote: true }
    await storedResponse(open.id, { ...quoted, quote: `${mark}-open` })
    await storedResponse(closed.id, { ...quoted, quote: `${mark}-closed` })
    await storedResponse(outcome.id, { ...quoted, quote: `${mark}-shown` })
    await storedResponse(outcome.id, { status: 'new', publishQuote: true, quote: `${mark}-new` })
    await storedResponse(outcome.id, { status: 'spam', publishQuote: true, quote: `${mark}-spam` })
    await storedResponse(outcome.id, { status: 'reviewed', publishQuote: false, quote: `${mark}-unticked` })
    await storedResponse(outcome.id, { status: 'reviewed', answers: [{ questionId: 'x', type: 'text', question: 'Q', answer: `${mark}-answer` }] })

    const find = vi.spyOn(cms.payload, 'find')
    const count = vi.spyOn(cms.payload, 'count')
    let facts: Awaited<ReturnType<typeof responseFacts>>
    try {
      facts = await responseFacts(cms.payload)
      expect(find).toHaveBeenCalledTimes(2)
      expect(count).not.toHaveBeenCalled()
    } finally {
      find.mockRestore()
      count.mockRestore()
    }
    expect(facts[open.id]).toEqual({ count: 1, quotes: [] })
    expect(facts[closed.id]).toEqual({ count: 1, quotes: [] })
    expect(facts[outcome.id]).toEqual({ count: 4, quotes: [`${mark}-shown`] })

    // The same through the anonymous endpoint, and in the site's snapshot.
    const anon = await createLocalReq({}, cms.payload)
    const res = await publicResponseFactsEndpoint.handler(Object.assign(anon, { url: 'http://cms/api/consultation-responses/public' }) as PayloadRequest)
    const text = await res.text()
    expect(JSON.parse(text)[outcome.id]).toEqual(facts[outcome.id])
    for (const hidden of ['open', 'closed', 'new', 'spam', 'unticked', 'answer']) expect(text).not.toContain(`${mark}-${hidden}`)
    const json = JSON.stringify(await buildSnapshot(await localSource(cms.payload), { siteUrl: 'https://www.pajuris.example', timeZone: 'Europe/Vilnius' }))
    expect(json).toContain(`${mark}-shown`)
    for (const hidden of ['open', 'closed', 'new', 'spam', 'unticked', 'answer']) expect(json).not.toContain(`${mark}-${hidden}`)
  })
})

describe('following a consultation', () => {
  it('tells subscribers once when it opens and once when the outcome is out', async () => {
    const sink = await startSink()
    try {
      await new Promise((r) => setTimeout(r, 20))
      await addSubscriber(cms.payload, { email: 'follower@example.net', frequency: 'immediately', topics: [topic], confirmedAt: new Date() })
      await addSubscriber(cms.payload, { email: 'other@example.net', frequency: 'immediately', topics: [await makeTopic(cms.payload, 'Sportas', 'Sport')], confirmedAt: new Date() })
      // Upcoming when published: nothing yet.
      const c = await consultation({ opensAt: new Date(Date.now() + 400), closesAt: new Date(Date.now() + day), title: 'Naujo skvero planas' })
      const changes = async () =>
        (await cms.payload.find({ collection: 'content-changes', where: { docId: { equals: c.id } }, depth: 0, overrideAccess: true })).docs.map((d) => d.kind).sort()
      expect(await changes()).toEqual([])

      // The opening time passes: the scheduled job records it (twice run, once recorded).
      await new Promise((r) => setTimeout(r, 500))
      await cms.payload.jobs.run({ queue: 'site', limit: 10 })
      await cms.payload.update({ collection: 'consultations', id: c.id, locale: 'lt', data: { summary: 'Atnaujinta santrauka' } as never, overrideAccess: true })
      expect(await changes()).toEqual(['opened'])

      await cms.payload.update({
        collection: 'consultations',
        id: c.id,
        data: { closesAt: new Date(Date.now() - 10).toISOString(), outcome: { summary: paragraph('Sprendimas priimtas'), publishedAt: new Date(Date.now() - 5).toISOString() } } as never,
        overrideAccess: true,
      })
      expect(await changes()).toEqual(['opened', 'outcome'])
      await runNewsletterJobs(cms.payload)
      const [opened] = await cms.payload.find({ collection: 'content-changes', where: { and: [{ docId: { equals: c.id } }, { kind: { equals: 'opened' } }] }, overrideAccess: true }).then((r) => r.docs)
      expect((await fanOutChange(cms.payload, String(opened!.id))).queued).toBe(0)

      await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
      const subjects = await Promise.all(sink.to('follower@example.net').map(async (r) => (await sink.parse(r)).subject))
      expect(subjects.sort()).toEqual(['Konsultacijos rezultatai: Naujo skvero planas', 'Prasidėjo konsultacija: Naujo skvero planas'])
      expect(sink.to('other@example.net')).toHaveLength(0)
    } finally {
      await sink.close()
    }
  })
})
