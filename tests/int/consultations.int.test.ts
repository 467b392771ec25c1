/**
 * Consultation responses in the CMS: the server decides what is accepted, answers are
 * stored as text, staff export and summarise them, the public sees only counts and
 * chosen quotes, and subscribers are told once when a consultation opens and when its
 * outcome is out.
 */
import { createLocalReq, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportResponsesEndpoint, responseSummaryEndpoint } from '../../cms/collections/ConsultationResponses/endpoints'
import { checkAnswers, submitResponse } from '../../cms/consultations/responses'
import { fanOutChange } from '../../cms/newsletter/queueing'
import { buildSnapshot } from '../../site/src/lib/snapshot'
import { localSource } from '../../site/src/lib/source/local'
import type { ResponseInput } from '../../site/src/lib/server/consultations'
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
