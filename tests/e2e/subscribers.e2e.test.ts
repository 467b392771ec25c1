/**
 * A data-protection request against the built admin, as `npm start` runs it: a person
 * subscribed through the real sign-up (confirmation mailed through an SMTP server on
 * loopback, confirmed by its link), was sent an item, and answered a consultation with
 * a receipt. An editor finds them by address, exports what Atvira holds on them over
 * HTTP, and erases them with the admin's button in a real browser; afterwards the
 * SQLite file itself, read without Payload, holds nothing of them, while another
 * person's data is all there. Bad ids answer 400 or 404, never 500.
 */
import fs from 'node:fs'

import { AxeBuilder } from '@axe-core/playwright'
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { submitResponse } from '../../cms/plugins/consultations/responses'
import { newsletterService } from '../../cms/plugins/newsletter/service'
import { buildCmsIfStale } from '../../scripts/lib/cmsBuild'
import { paragraph, startCms, type TestCms } from '../int/helpers'
import { dispatcher, makeTopic, publishNews, runNewsletterJobs } from '../int/newsletter-support'
import { startSink, type Sink } from '../int/smtpSink'
import { axeTags, launchBrowser, loopbackContext } from './browser'
import { startAdminServer } from './server'

const SITE = 'https://www.pajuris.example'
const day = 86_400_000

/** The person who asks, and someone else whose data must stay. */
const ona = { typed: 'Ona.Petraitiene@Example.NET', email: 'ona.petraitiene@example.net', name: 'Ona Petraitienė', answer: 'Daugiau suolų prie tvenkinio, prašau.' }
const jonas = { typed: 'jonas.jonaitis@example.net', email: 'jonas.jonaitis@example.net', name: 'Jonas Jonaitis', answer: 'Reikia daugiau šviesos alėjoje.' }
const newsTitle = 'Parke pasodinta keturiasdešimt liepų'

let cms: TestCms
let server: Awaited<ReturnType<typeof startAdminServer>>
let sink: Sink
let dbFile: string
const tokens = { author: '', editor: '', admin: '' }
const ids = { ona: '', jonas: '', admin: '' }
const references: Record<string, string> = {}

type Actor = keyof typeof tokens | 'anonymous'
async function get(actor: Actor, path: string, method = 'GET') {
  const res = await fetch(`${server.url}${path}`, { method, headers: actor === 'anonymous' ? {} : { authorization: `JWT ${tokens[actor]}` }, redirect: 'manual' })
  const text = await res.text()
  let json: Record<string, unknown> | null = null
  try {
    json = JSON.parse(text) as Record<string, unknown>
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, text, json }
}
const messageOf = (r: { json: Record<string, unknown> | null }) => String((r.json?.errors as { message?: string }[] | undefined)?.[0]?.message ?? '')

beforeAll(async () => {
  cms = await startCms({ env: { SITE_URL: SITE } })
  dbFile = process.env.DATABASE_URL!.replace(/^file:/, '')
  await buildCmsIfStale()
  const { payload } = cms
  for (const role of ['author', 'editor', 'admin'] as const) {
    const user = await payload.create({
      collection: 'users',
      data: { email: `${role}@pajuris.example`, password: `a-long-${role}-password`, name: role, role },
      overrideAccess: true,
    })
    if (role === 'admin') ids.admin = String(user.id)
  }
  const topic = await makeTopic(payload, 'Aplinka', 'Environment')
  sink = await startSink()

  // Both sign up on the site's form, get the confirmation email and confirm by its link.
  const service = newsletterService(payload)
  for (const p of [ona, jonas]) {
    await service.subscribe({ email: p.typed, locale: 'lt', frequency: 'immediately', allTopics: false, topics: [topic], urgent: true, form: 'newsletter', consentWording: 'Sutinku gauti Pajūrio naujienas el. paštu.' })
  }
  await dispatcher(payload, sink.url).run({ untilIdle: true })
  for (const p of [ona, jonas]) {
    const [mail] = sink.to(p.email)
    const token = /[?&]token=([\w-]+)/.exec((await sink.parse(mail!)).text ?? '')?.[1]
    expect(await service.confirm(token ?? ''), p.email).toBe('ok')
  }
  // An item on their topic goes out to them at once.
  await publishNews(payload, { lt: newsTitle, topics: [topic] })
  await runNewsletterJobs(payload)

  // Both answer a consultation and ask for a receipt.
  const consultation = await payload.create({
    collection: 'consultations',
    locale: 'lt',
    data: {
      title: 'Parko ateitis',
      summary: 'S',
      body: paragraph('B'),
      opensAt: new Date(Date.now() - day).toISOString(),
      closesAt: new Date(Date.now() + day).toISOString(),
      questions: [{ type: 'text', label: 'Ko reikia parkui?', required: true }],
      _status: 'published',
    } as never,
    overrideAccess: true,
  })
  const question = (consultation as unknown as { questions: { id: string }[] }).questions[0]!.id
  for (const p of [ona, jonas]) {
    const result = await submitResponse(payload, {
      consultationId: String(consultation.id),
      locale: 'lt',
      answers: { [`q_${question}`]: p.answer },
      name: p.name,
      email: p.typed,
      organisation: 'Parko bičiuliai',
      consent: true,
      receipt: true,
      consentWording: 'Sutinku, kad atsakymas būtų tvarkomas konsultacijai.',
      title: 'Parko ateitis',
      url: `${SITE}/konsultacijos/parko-ateitis/`,
    })
    if (!result.ok) throw new Error(`response refused: ${JSON.stringify(result)}`)
    references[p.email] = result.reference
  }
  await dispatcher(payload, sink.url).run({ untilIdle: true })
  for (const p of [ona, jonas]) expect(sink.to(p.email).length, `${p.email}: confirmation, item, receipt`).toBe(3)

  const subs = await payload.find({ collection: 'subscribers', depth: 0, overrideAccess: true })
  ids.ona = String(subs.docs.find((s) => s.email === ona.email)!.id)
  ids.jonas = String(subs.docs.find((s) => s.email === jonas.email)!.id)

  server = await startAdminServer({ ...process.env })
  for (const role of ['author', 'editor', 'admin'] as const) {
    const res = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${role}@pajuris.example`, password: `a-long-${role}-password` }),
    })
    tokens[role] = ((await res.json()) as { token: string }).token
  }
}, 900_000)

afterAll(async () => {
  await server?.stop()
  await sink?.close()
  await cms?.close()
})

describe('a data-protection request', () => {
  it('an editor finds the person by address; authors and the public get nothing, not even a count', async () => {
    const found = await get('editor', '/api/subscribers?where[email][like]=petraitiene&depth=0')
    expect(found.status).toBe(200)
    expect((found.json?.docs as { email: string }[]).map((d) => d.email)).toEqual([ona.email])
    expect(found.text).not.toMatch(/TokenHash/i)
    for (const actor of ['author', 'anonymous'] as const) {
      for (const path of ['/api/subscribers?where[email][like]=petraitiene', `/api/subscribers/${ids.ona}`, '/api/subscribers/count']) {
        const r = await get(actor, path)
        expect(r.status, `${actor} ${path}`).toBe(403)
        expect(r.text, `${actor} ${path}`).not.toContain('petraitiene')
        expect(r.text, `${actor} ${path}`).not.toMatch(/totalDocs/)
      }
    }
  })

  it("exports everything held on the address as a JSON attachment, and nothing of anyone else's", async () => {
    const r = await get('editor', `/api/subscribers/${ids.ona}/export`)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(r.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="subscriber-${ids.ona}-\\d{4}-\\d{2}-\\d{2}\\.json"$`))
    expect(r.headers.get('cache-control')).toBe('no-store')
    const data = r.json as {
      email: string
      subscriber: { email: string; status: string; frequency: string; topics: { name: string }[]; consent: { form: string; wording: string; at: string } }
      mail: { kind: string; status: string; to: string; sentAt: string | null; content: { items?: { title: string }[]; reference?: string } }[]
      consultationResponses: { reference: string; name: string; email: string; organisation: string; answers: { answer: string }[]; consultation: { title: string } }[]
    }
    expect(data.email).toBe(ona.email)
    expect(data.subscriber).toMatchObject({ email: ona.email, status: 'confirmed', frequency: 'immediately', consent: { form: 'newsletter', wording: 'Sutinku gauti Pajūrio naujienas el. paštu.' } })
    expect(data.subscriber.topics.map((t) => t.name)).toEqual(['Aplinka'])
    expect(Date.parse(data.subscriber.consent.at)).toBeGreaterThan(Date.now() - 3_600_000)
    // The delivery history: the confirmation, the item (by its title) and the receipt, each sent.
    expect(data.mail.map((m) => [m.kind, m.to, m.status])).toEqual([
      ['confirm', 'subscriber', 'sent'],
      ['immediate', 'subscriber', 'sent'],
      ['receipt', 'address', 'sent'],
    ])
    expect(data.mail.every((m) => m.sentAt !== null)).toBe(true)
    expect(data.mail[1]!.content.items?.map((i) => i.title)).toEqual([newsTitle])
    expect(data.mail[2]!.content.reference).toBe(references[ona.email])
    expect(data.consultationResponses).toHaveLength(1)
    expect(data.consultationResponses[0]).toMatchObject({ reference: references[ona.email], name: ona.name, email: ona.email, organisation: 'Parko bičiuliai', consultation: { title: 'Parko ateitis' } })
    expect(data.consultationResponses[0]!.answers.map((a) => a.answer)).toEqual([ona.answer])
    // No secrets (the confirmation nonce, token hashes) and nobody else.
    expect(r.text).not.toMatch(/nonce|TokenHash/i)
    expect(r.text).not.toContain(jonas.email)
    expect(r.text).not.toContain(jonas.answer)

    expect((await get('admin', `/api/subscribers/${ids.ona}/export`)).status).toBe(200)
    for (const actor of ['author', 'anonymous'] as const) {
      const refused = await get(actor, `/api/subscribers/${ids.ona}/export`)
      expect(refused.status, actor).toBe(403)
      expect(refused.text, actor).not.toContain('petraitiene')
    }
  })

  it('answers a bad id with a clear 400 or 404, never a 500, and changes nothing', async () => {
    // Another collection's id that no subscriber has: the admin account.
    expect((await cms.payload.count({ collection: 'subscribers', where: { id: { equals: ids.admin } }, overrideAccess: true })).totalDocs).toBe(0)
    const cases: [string, string, number, RegExp][] = [
      ['GET', '/api/subscribers/abc/export', 400, /Tai ne prenumeratoriaus identifikatorius\. \/ Not a subscriber id\./],
      ['GET', '/api/subscribers/0/export', 400, /Not a subscriber id/],
      ['GET', '/api/subscribers/1.5/export', 400, /Not a subscriber id/],
      ['GET', '/api/subscribers/-1/export', 400, /Not a subscriber id/],
      ['GET', '/api/subscribers/99999999999999999999/export', 400, /Not a subscriber id/],
      ['GET', '/api/subscribers/99999999/export', 404, /Tokio prenumeratoriaus nėra.* \/ No such subscriber/],
      ['GET', `/api/subscribers/${ids.admin}/export`, 404, /No such subscriber/],
      ['POST', '/api/subscribers/abc/erase', 400, /Not a subscriber id/],
      ['POST', '/api/subscribers/99999999/erase', 404, /No such subscriber/],
      ['POST', `/api/subscribers/${ids.admin}/erase`, 404, /No such subscriber/],
    ]
    for (const [method, path, status, message] of cases) {
      const r = await get('editor', path, method)
      expect(r.status, `${method} ${path}: ${r.text.slice(0, 200)}`).toBe(status)
      expect(messageOf(r), `${method} ${path}`).toMatch(message)
    }
    // Erasing is a POST: a GET (a link, a prefetch) erases nothing.
    const viaGet = await get('editor', `/api/subscribers/${ids.ona}/erase`)
    expect(viaGet.status, viaGet.text.slice(0, 200)).toBeGreaterThanOrEqual(400)
    expect(viaGet.status).toBeLessThan(500)
    for (const actor of ['author', 'anonymous'] as const) expect((await get(actor, `/api/subscribers/${ids.ona}/erase`, 'POST')).status, actor).toBe(403)
    expect((await get('admin', `/api/subscribers/${ids.ona}`)).status).toBe(200)
  })

  it("erases the person with the admin's button; the database file holds nothing of them, the other person is intact", async () => {
    const browser = await launchBrowser()
    try {
      const { context, blocked } = await loopbackContext(browser, { locale: 'lt-LT' })
      await context.addCookies([{ name: 'payload-token', value: tokens.editor, url: server.url }])
      const page = await context.newPage()
      // The list, searched by address as the admin's search box does it.
      await page.goto(`${server.url}/admin/collections/subscribers?search=petraitiene`, { waitUntil: 'domcontentloaded' })
      await page.locator('table').getByText(ona.email).waitFor()
      expect(await page.locator('table').innerText()).not.toContain(jonas.email)

      await page.goto(`${server.url}/admin/collections/subscribers/${ids.ona}`, { waitUntil: 'domcontentloaded' })
      const exportLink = page.getByRole('link', { name: 'Eksportuoti asmens duomenis' })
      await exportLink.waitFor()
      expect(await exportLink.getAttribute('href')).toBe(`/api/subscribers/${ids.ona}/export`)
      // The button downloads the file with the signed-in browser's own session.
      const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()])
      expect(download.suggestedFilename()).toMatch(new RegExp(`^subscriber-${ids.ona}-\\d{4}-\\d{2}-\\d{2}\\.json$`))
      const downloaded = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { email: string; mail: unknown[] }
      expect(downloaded.email).toBe(ona.email)
      expect(downloaded.mail).toHaveLength(3)
      const erase = page.getByRole('button', { name: 'Ištrinti prenumeratorių ir jo duomenis' })
      /** WCAG 2.2 AA inside what this feature adds: the box, and the confirmation when it is open. */
      const axeOn = async (selector: string) =>
        (await new AxeBuilder({ page }).withTags(axeTags).include(selector).analyze()).violations.map((v) => `[${v.id}] ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      expect(await axeOn('.atvira-subscriber-data')).toEqual([])

      // The confirmation says what will go, counted; cancelling erases nothing.
      await erase.click()
      const dialog = page.locator('.confirmation-modal')
      await dialog.getByText(`Ištrinti ${ona.email} ir jo duomenis?`).waitFor()
      const text = await dialog.innerText()
      expect(text).toContain('To nebus galima atšaukti.')
      expect(text).toContain('šiuo adresu išsiųstus ir eilėje laukiančius laiškus: 3')
      expect(text).toContain('šiuo adresu pateiktų konsultacijų atsakymų: 1')
      expect(await axeOn('.confirmation-modal')).toEqual([])
      await dialog.getByRole('button', { name: 'Atšaukti' }).click()
      await dialog.waitFor({ state: 'hidden' })
      expect((await get('admin', `/api/subscribers/${ids.ona}`)).status).toBe(200)

      await erase.click()
      await Promise.all([page.waitForURL(`${server.url}/admin/collections/subscribers`), dialog.getByRole('button', { name: 'Taip, ištrinti' }).click()])
      await page.getByText('Prenumeratorius ir jo duomenys ištrinti.').waitFor()
      expect(blocked).toEqual([])
    } finally {
      await browser.close()
    }

    expect((await get('admin', `/api/subscribers/${ids.ona}`)).status).toBe(404)
    expect((await get('editor', `/api/subscribers/${ids.ona}/export`)).status).toBe(404)

    // The database file, read without Payload: every row of every table.
    const db = createClient({ url: `file:${dbFile}` })
    try {
      const tables = (await db.execute(`SELECT name FROM sqlite_master WHERE type = 'table'`)).rows.map((r) => String(r.name))
      const everything: string[] = []
      for (const table of tables) for (const row of (await db.execute(`SELECT * FROM "${table}"`)).rows) everything.push(`${table}: ${JSON.stringify(row)}`)
      const rowsWith = (needle: string) => everything.filter((line) => line.toLowerCase().includes(needle.toLowerCase()))
      // Her address and her name, anywhere (her answer stays: see below).
      for (const trace of [ona.email, 'petraitien']) expect(rowsWith(trace), trace).toEqual([])
      // The control: the same scan finds the other person in the subscription, their mail and their response.
      expect(rowsWith(jonas.email).map((line) => line.split(':')[0]).sort()).toEqual(['consultation_responses', 'email_outbox', 'subscribers'])
      expect(rowsWith(jonas.name)).toHaveLength(1)
      // Her response stays, counted, without who gave it.
      const [response] = (await db.execute({ sql: 'SELECT name, email, organisation, answers FROM consultation_responses WHERE reference = ?', args: [references[ona.email]!] })).rows
      expect(response).toMatchObject({ name: '', email: '', organisation: '' })
      expect(String(response!.answers)).toContain(ona.answer)
      expect((await db.execute({ sql: 'SELECT count(*) AS n FROM email_outbox WHERE subscriber_id = ?', args: [Number(ids.ona)] })).rows[0]!.n).toBe(0)
      expect((await db.execute({ sql: 'SELECT count(*) AS n FROM email_outbox WHERE subscriber_id = ?', args: [Number(ids.jonas)] })).rows[0]!.n).toBe(2)
    } finally {
      db.close()
    }

    // And the bytes of the file and its write-ahead log: deleted content is zeroed, not left in free pages.
    const bytes = Buffer.concat([dbFile, `${dbFile}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)))
    const raw = bytes.toString('latin1').toLowerCase()
    expect(raw.includes('ona.petraitiene'), 'the address in the file').toBe(false)
    expect(raw.includes('petraitien'), 'the name in the file').toBe(false)
    expect(raw.includes(jonas.email), 'the control address in the file').toBe(true)
    expect(raw.includes('jonaitis'), 'the control name in the file').toBe(true)
  })
})
