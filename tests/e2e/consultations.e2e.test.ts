/**
 * Responding to a consultation on the running site: with JavaScript off in Chromium and
 * with a plain POST; closed and upcoming consultations refuse on the server; a
 * validation error keeps what was typed (escaped); the honeypot, the rate limits and
 * the body limit hold; the built pages show counts, outcomes and chosen quotes, and
 * responses never reach the site.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { newReference } from '../../cms/model/consultationForm'
import { limits } from '../../cms/model/rateLimit'
import type { ConsultationDoc } from '../../cms/model/snapshot'
import type { TestCms } from '../int/helpers'
import { axeViolations, formatViolations, launchBrowser, loopbackContext } from './browser'
import { startSite, type SiteFixture } from './site-fixture'

let site: SiteFixture
let browser: Browser

// Stored before the site is built: what the built pages may show, and what they never may.
const mark = crypto.randomBytes(4).toString('hex')
const secret = {
  answer: `PRIVATE-ANSWER-${mark}`,
  name: `Slaptas Vardenis ${mark}`,
  email: `slaptas-${mark}@example.net`,
  organisation: `Slapta bendrija ${mark}`,
}
const shownQuote = `Parke reikia daugiau suoliukų SHOWN-${mark}`
const hiddenQuotes = { open: `HIDDEN-OPEN-${mark}`, closed: `HIDDEN-CLOSED-${mark}`, new: `HIDDEN-NEW-${mark}`, spam: `HIDDEN-SPAM-${mark}`, unticked: `HIDDEN-UNTICKED-${mark}` }
const built: Record<'open' | 'outcome' | 'closed', { id: string; count: number }> = {} as never

type RawConsultation = { id: number; status: string; questions?: { id: string; type: string; label: string }[]; outcome?: { whatYouSaid?: unknown[]; documents?: unknown[] } }

async function beforeBuild(cms: TestCms) {
  const all = (await cms.payload.find({ collection: 'consultations', limit: 0, pagination: false, depth: 0, locale: 'lt', overrideAccess: true })).docs as unknown as RawConsultation[]
  const open = all.find((c) => c.status === 'open' && ['scale', 'multiple', 'single', 'text'].every((t) => c.questions?.some((q) => q.type === t)))
  const outcome = all.find((c) => c.status === 'outcome' && c.outcome?.whatYouSaid?.length && c.outcome?.documents?.length)
  const closed = all.find((c) => c.status === 'closed')
  if (!open || !outcome || !closed) throw new Error('the demo city lacks an open, a closed or an outcome consultation')
  const add = (c: RawConsultation, data: Record<string, unknown>) =>
    cms.payload.create({
      collection: 'consultation-responses',
      data: { reference: newReference(), consultation: c.id, status: 'new', locale: 'lt', answers: [], submittedAt: new Date().toISOString(), ...data } as never,
      overrideAccess: true,
    })
  const text = open.questions!.find((q) => q.type === 'text')!
  await add(open, { answers: [{ questionId: text.id, type: 'text', question: text.label, answer: secret.answer }], name: secret.name, email: secret.email, organisation: secret.organisation })
  await add(open, { status: 'reviewed', publishQuote: true, quote: hiddenQuotes.open })
  await add(open, { status: 'spam' })
  await add(outcome, { status: 'reviewed', publishQuote: true, quote: shownQuote })
  await add(outcome, { status: 'new', publishQuote: true, quote: hiddenQuotes.new })
  await add(outcome, { status: 'spam', publishQuote: true, quote: hiddenQuotes.spam })
  await add(outcome, { status: 'reviewed', publishQuote: false, quote: hiddenQuotes.unticked })
  await add(closed, { status: 'reviewed', publishQuote: true, quote: hiddenQuotes.closed })
  built.open = { id: String(open.id), count: 2 }
  built.outcome = { id: String(outcome.id), count: 3 }
  built.closed = { id: String(closed.id), count: 1 }
}

beforeAll(async () => {
  site = await startSite({ beforeBuild })
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

const consultations = (locale = 'lt') => site.snapshot.content[locale]!.docs.filter((d): d is ConsultationDoc => d.collection === 'consultations')
/** The open demo consultation that asks every kind of question. */
const everyKind = () => {
  const doc = consultations().find((d) => d.status === 'open' && ['scale', 'multiple', 'single', 'text'].every((t) => d.questions.some((q) => q.type === t)))
  if (!doc) throw new Error('The demo city has no open consultation with every kind of question')
  return doc
}
const withQuestions = (status: ConsultationDoc['status']) => {
  const doc = consultations().find((d) => d.status === status && d.questions.length > 0) ?? consultations().find((d) => d.status === status)
  if (!doc) throw new Error(`The demo city has no ${status} consultation`)
  return doc
}

function post(path: string, body: URLSearchParams, headers: Record<string, string> = {}) {
  return fetch(`${site.baseUrl}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: site.baseUrl, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  })
}

function answersFor(doc: ConsultationDoc, text: string): URLSearchParams {
  const body = new URLSearchParams({ consultation: doc.id, locale: doc.locale, consent: '1' })
  for (const q of doc.questions) {
    if (q.type === 'text') body.append(`q_${q.id}`, text)
    else if (q.type === 'scale') body.append(`q_${q.id}`, '4')
    else body.append(`q_${q.id}`, q.options[0]!.id)
  }
  return body
}

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: string }

/**
 * A POST over node:http, from a chosen loopback source address (each is its own client
 * for the rate limits), optionally streamed chunked without a Content-Length.
 */
function send(pathname: string, body: string | Buffer[], options: { from?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  const url = new URL(pathname, site.baseUrl)
  const chunked = Array.isArray(body)
  return new Promise((resolve, reject) => {
    let answered = false
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        localAddress: options.from,
        headers: {
          origin: site.baseUrl,
          'content-type': 'application/x-www-form-urlencoded',
          ...(chunked ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
          ...options.headers,
        },
      },
      (res) => {
        answered = true
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (d: string) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
      },
    )
    // The server may answer before the whole body is sent; a write error after that is expected.
    req.on('error', (error) => (answered ? undefined : reject(error)))
    if (!chunked) return req.end(body)
    void (async () => {
      for (const piece of body) {
        if (!req.write(piece)) await new Promise((r) => req.once('drain', r))
      }
      req.end()
    })()
  })
}

/** Text of exactly `n` characters as a browser counts them (LF), with line breaks and markup inside. */
function typed(n: number): string {
  const line = 'Mano <b>nuomonė</b> & "pastabos" apie parką. '
  let out = ''
  while (out.length < n) out += out.length % 80 === 79 ? '\n' : line[out.length % line.length]
  return `A${out.slice(1, n - 1)}Z`
}

function decodeEntities(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(quot|apos|lt|gt|nbsp|amp);/g, (_, name: string) => ({ quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0', amp: '&' })[name]!)
}

const textareaValue = (html: string, name: string) => {
  const m = html.match(new RegExp(`<textarea id="${name}"[^>]*>([^]*?)</textarea>`))
  return m ? decodeEntities(m[1]!) : null
}

const responses = async (consultationId: string) =>
  (await site.cms.payload.find({ collection: 'consultation-responses', where: { consultation: { equals: Number(consultationId) } }, limit: 0, pagination: false, overrideAccess: true })).docs

describe('responding', () => {
  it('takes a response with a plain POST and answers with a reference number', async () => {
    const doc = withQuestions('open')
    const page = await (await fetch(`${site.baseUrl}${doc.url}`)).text()
    expect(page).toContain('<form id="response-form" class="response-form" method="post" action="/konsultaciju-atsakymai"')
    const marker = `Atsakymas-${Date.now()}`
    const res = await post('/konsultaciju-atsakymai', answersFor(doc, marker))
    expect(res.status, `${site.log()}\n${await res.clone().text()}`).toBe(303)
    const location = res.headers.get('location')!
    expect(location).toMatch(/^\/konsultaciju-atsakymai\?c=\d+&ref=[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    const thanks = await fetch(`${site.baseUrl}${location}`)
    const html = await thanks.text()
    expect(html).toContain('Ačiū už atsakymą')
    const reference = new URL(location, site.baseUrl).searchParams.get('ref')!
    expect(html).toContain(reference)
    const stored = (await responses(doc.id)).find((r) => r.reference === reference)
    expect(JSON.stringify(stored?.answers)).toContain(marker)
  })

  it('refuses closed and upcoming consultations on the server, whatever the form says', async () => {
    const closed = consultations().find((d) => d.status === 'closed' || d.status === 'outcome')!
    const upcoming = withQuestions('upcoming')
    for (const doc of [closed, upcoming]) {
      const before = (await responses(doc.id)).length
      const res = await post('/konsultaciju-atsakymai', answersFor(doc, 'Per vėlu arba per anksti'))
      expect(res.status).toBe(409)
      expect(await res.text()).toMatch(doc === closed ? /atsakymai nebepriimami/ : /Atsakymai bus priimami nuo/)
      expect(await responses(doc.id)).toHaveLength(before)
    }
    // The closed page shows no form at all.
    expect(await (await fetch(`${site.baseUrl}${closed.url}`)).text()).not.toContain('id="response-form"')
  })

  it('keeps what was typed after a validation error, escaped', async () => {
    const doc = withQuestions('open')
    const typed = '<script>alert("x")</script> Mano ilgas atsakymas apie parką'
    const body = answersFor(doc, typed)
    body.delete('consent')
    const res = await post('/konsultaciju-atsakymai', body)
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('class="error-summary"')
    expect(html).toContain('Pažymėkite, kad sutinkate')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Mano ilgas atsakymas apie parką')
    expect(html).not.toContain('<script>alert("x")')
  })

  it('refuses posts from other sites and bodies that are too large', async () => {
    const doc = withQuestions('open')
    const before = (await responses(doc.id)).length
    expect((await post('/konsultaciju-atsakymai', answersFor(doc, 'CSRF'), { origin: 'https://evil.example' })).status).toBe(403)
    const huge = answersFor(doc, 'x'.repeat(600 * 1024))
    expect((await post('/konsultaciju-atsakymai', huge)).status).toBe(413)
    expect(await responses(doc.id)).toHaveLength(before)
  })

  it('never shows responses in the anonymous API', async () => {
    const res = await site.cms.payload.find({ collection: 'consultation-responses', overrideAccess: false }).catch((e: Error) => e)
    expect(res).toBeInstanceOf(Error)
  })
})

describe('long answers with line breaks', () => {
  it('takes 10,000 characters however the line breaks are sent (CRLF counts as one), and stores LF', async () => {
    const doc = everyKind()
    const text = typed(10_000)
    expect(text).toHaveLength(10_000)
    expect(text.split('\n').length).toBeGreaterThan(40)
    const body = answersFor(doc, text.replace(/\n/g, '\r\n'))
    const res = await send('/konsultaciju-atsakymai', body.toString(), { from: '127.0.0.21' })
    expect(res.status, res.body.slice(0, 2000)).toBe(303)
    const reference = new URL(String(res.headers.location), site.baseUrl).searchParams.get('ref')
    const stored = (await responses(doc.id)).find((r) => r.reference === reference)
    const answer = (stored?.answers as { type: string; answer: string }[]).find((a) => a.type === 'text')!.answer
    expect(answer).toBe(text)
  })

  it('refuses 10,001 and shows the form again with every character typed, escaped', async () => {
    const doc = everyKind()
    const before = (await responses(doc.id)).length
    const text = typed(10_001)
    const res = await send('/konsultaciju-atsakymai', answersFor(doc, text.replace(/\n/g, '\r\n')).toString(), { from: '127.0.0.21' })
    expect(res.status).toBe(400)
    expect(res.body).toContain('Tekstas per ilgas: ne daugiau kaip 10 000 ženklų')
    const q = doc.questions.find((x) => x.type === 'text')!
    expect(textareaValue(res.body, `q_${q.id}`)).toBe(text)
    expect(res.body).not.toContain('<b>nuomonė</b>')
    expect(res.body).toMatch(new RegExp(`<textarea id="q_${q.id}"[^>]*aria-invalid="true"`))
    expect(await responses(doc.id)).toHaveLength(before)
  })
})

describe('after a validation error', () => {
  it('keeps ticked choices, the scale, name, email, organisation and the receipt tick', async () => {
    const doc = everyKind()
    const body = new URLSearchParams({ consultation: doc.id, locale: doc.locale, name: 'Ona "Onutė" <Petraitė>', email: 'ona@example.net', organisation: 'Bendrija & Co', receipt: '1' })
    const chosen: Record<string, string[]> = {}
    for (const q of doc.questions) {
      const name = `q_${q.id}`
      if (q.type === 'scale') chosen[name] = ['2']
      else if (q.type === 'single') chosen[name] = [q.options.at(-1)!.id]
      else if (q.type === 'multiple') chosen[name] = [q.options[0]!.id, q.options.at(-1)!.id]
      else body.append(name, 'Tekstas')
      for (const v of chosen[name] ?? []) body.append(name, v)
    }
    // No consent: refused, and everything comes back.
    const res = await send('/konsultaciju-atsakymai', body.toString(), { from: '127.0.0.22' })
    expect(res.status).toBe(400)
    // Attribute values may hold a raw `>`.
    const inputs = [...res.body.matchAll(/<input\b(?:[^>"']|"[^"]*"|'[^']*')*>/g)].map((m) => m[0])
    const checked = (name: string) => inputs.filter((i) => i.includes(`name="${name}"`) && /\schecked\b/.test(i)).map((i) => i.match(/value="([^"]*)"/)![1])
    for (const [name, values] of Object.entries(chosen)) expect(checked(name).sort(), name).toEqual([...values].sort())
    expect(checked('receipt')).toEqual(['1'])
    expect(checked('consent')).toEqual([])
    const value = (id: string) => decodeEntities(inputs.find((i) => i.includes(`id="${id}"`))!.match(/value="([^"]*)"/)![1]!)
    expect(value('r-name')).toBe('Ona "Onutė" <Petraitė>')
    expect(value('r-email')).toBe('ona@example.net')
    expect(value('r-organisation')).toBe('Bendrija & Co')
  })

  it('marks a name or organisation that is too long inline, with aria-invalid and aria-describedby, and keeps it whole', async () => {
    const doc = everyKind()
    const body = answersFor(doc, 'Tekstas')
    body.set('name', `V${'a'.repeat(250)}`)
    body.set('organisation', `O${'b'.repeat(350)}`)
    const res = await send('/konsultaciju-atsakymai', body.toString(), { from: '127.0.0.22' })
    expect(res.status).toBe(400)
    for (const [id, max, length] of [['r-name', 200, 251], ['r-organisation', 300, 351]] as const) {
      expect(res.body).toContain(`<p class="error-message" id="${id}-error">Per ilgas: ne daugiau kaip ${max} ženklų</p>`)
      const input = res.body.match(new RegExp(`<input id="${id}"(?:[^>"']|"[^"]*")*>`))![0]
      expect(input).toContain('aria-invalid="true"')
      expect(input).toContain(`aria-describedby="${id}-error"`)
      expect(input.match(/value="([^"]*)"/)![1]).toHaveLength(length)
      // The error summary links to the field.
      expect(res.body).toContain(`href="#${id}"`)
    }
  })
})

describe('protection', () => {
  it('honeypot: a filled hidden field gets the usual confirmation, and nothing is stored', async () => {
    const doc = everyKind()
    const before = (await responses(doc.id)).length
    const body = answersFor(doc, `Botas-${mark}`)
    body.set('website', 'https://spam.example')
    const res = await send('/konsultaciju-atsakymai', body.toString(), { from: '127.0.0.23' })
    expect(res.status).toBe(303)
    const location = String(res.headers.location)
    expect(location).toMatch(/^\/konsultaciju-atsakymai\?c=\d+&ref=[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    const page = await (await fetch(`${site.baseUrl}${location}`)).text()
    expect(page).toContain('Ačiū už atsakymą')
    const reference = new URL(location, site.baseUrl).searchParams.get('ref')!
    expect(page).toContain(reference)
    const after = await responses(doc.id)
    expect(after).toHaveLength(before)
    expect(after.some((r) => r.reference === reference || JSON.stringify(r.answers).includes(`Botas-${mark}`))).toBe(false)
  })

  it('rate limit per client: over it a 429 with Retry-After and a message people can read; other clients go on', async () => {
    const doc = everyKind()
    const body = answersFor(doc, 'Tekstas')
    body.delete('consent')
    const points = limits.consultationClient.points
    for (let i = 0; i < points; i++) expect((await send('/konsultaciju-atsakymai', body.toString(), { from: '127.0.0.24' })).status, `post ${i + 1}`).toBe(400)
    const limited = await send('/konsultaciju-atsakymai', body.toString(), { from: '127.0.0.24' })
    expect(limited.status).toBe(429)
    const wait = Number(limited.headers['retry-after'])
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(limits.consultationClient.duration)
    expect(limited.body).toContain(`Iš šio ryšio gauta per daug atsakymų. Pabandykite vėl po ${Math.ceil(wait / 60)} min.`)
    expect(limited.body).toMatch(/<html[^>]+lang="lt"/)
    expect((await send('/konsultaciju-atsakymai', body.toString(), { from: '127.0.0.25' })).status).toBe(400)
  })

  it('emailed receipts per address: past the limit the response is kept, no receipt is queued, the page reads the same', async () => {
    const doc = everyKind()
    const address = `kaimynas-${mark}@example.net`
    const submit = async (email: string, consent = true) => {
      const body = answersFor(doc, 'Kvitas')
      body.set('email', email)
      body.set('receipt', '1')
      if (!consent) body.delete('consent')
      return send('/konsultaciju-atsakymai', body.toString(), { from: '127.0.0.26' })
    }
    // A refused response uses none of the address's receipts.
    expect((await submit(address, false)).status).toBe(400)
    const refs: string[] = []
    const pages: string[] = []
    // However the address is typed, it is one mailbox.
    for (const email of [address, address.toUpperCase(), ` ${address} `, address]) {
      const res = await submit(email)
      expect(res.status).toBe(303)
      const location = String(res.headers.location)
      refs.push(new URL(location, site.baseUrl).searchParams.get('ref')!)
      pages.push(await (await fetch(`${site.baseUrl}${location}`)).text())
    }
    const stored = await responses(doc.id)
    for (const ref of refs) expect(stored.some((r) => r.reference === ref), ref).toBe(true)
    const outbox = await site.cms.payload.find({ collection: 'email-outbox', where: { key: { in: refs.map((r) => `receipt:${r}`) } }, limit: 0, pagination: false, overrideAccess: true })
    const queued = outbox.docs.map((d) => String(d.key).replace('receipt:', '')).sort()
    expect(queued).toEqual(refs.slice(0, limits.consultationReceipt.points).sort())
    // The thank-you page does not tell whether the address had been used before.
    const shape = (html: string, ref: string) => html.replaceAll(ref, 'REF')
    expect(shape(pages[3]!, refs[3]!)).toBe(shape(pages[0]!, refs[0]!))
    expect(pages[3]).toContain('Atsakymo patvirtinimą siunčiame el. paštu')
  })

  it('refuses a chunked body past the limit with a clear page, without keeping it; the connection stays usable', async () => {
    const doc = everyKind()
    const before = (await responses(doc.id)).length
    const textField = `q_${doc.questions.find((q) => q.type === 'text')!.id}`
    const chunked = (kib: number, text = 'y') => [Buffer.from(`${answersFor(doc, 'x').toString()}&${textField}=`), ...Array.from({ length: kib / 64 }, () => Buffer.alloc(64 * 1024, text))]
    // Past 512 KB (read and dropped), and past the adapter's 1 MiB (cut, the connection closed).
    for (const [kib, close] of [[768, false], [2048, true]] as const) {
      const res = await send('/konsultaciju-atsakymai', chunked(kib), { from: '127.0.0.27' })
      expect(res.status, `${kib} KiB`).toBe(413)
      expect(res.headers.connection, `${kib} KiB`).toBe(close ? 'close' : 'keep-alive')
      expect(res.body).toMatch(/<h1[^>]*>Atsakymas per didelis<\/h1>/)
      expect(res.body).toContain('Atsakymas per didelis, kad jį būtų galima išsiųsti (daugiau nei 512 KB).')
      expect(res.body).toMatch(/<a href="\/konsultacijos\/?">/)
      // Under the limit, a chunked body is read as usual, on the same client.
      const small = await send('/konsultaciju-atsakymai', [Buffer.from(answersFor(doc, `Dalimis-${kib}-${mark}`).toString())], { from: '127.0.0.27' })
      expect(small.status, small.body.slice(0, 1000)).toBe(303)
    }
    const after = await responses(doc.id)
    expect(after).toHaveLength(before + 2)
    expect(JSON.stringify(after)).not.toContain('yyyyyyyy')
  })
})

describe('the built pages', () => {
  const page = async (id: string, locale = 'lt') => {
    const doc = consultations(locale).find((d) => d.id === id)!
    const res = await fetch(`${site.baseUrl}${doc.url}`)
    expect(res.status).toBe(200)
    return { doc, html: await res.text() }
  }
  const countShown = (html: string, label: string) => html.match(new RegExp(`<dt[^>]*>${label}</dt>\\s*<dd[^>]*>(\\d+)</dd>`))?.[1]

  it('show the number of responses as of the build (spam left out)', async () => {
    for (const kind of ['open', 'outcome', 'closed'] as const) {
      const { html } = await page(built[kind].id)
      expect(countShown(html, 'Gauta atsakymų'), kind).toBe(String(built[kind].count))
      const en = await page(built[kind].id, 'en')
      expect(countShown(en.html, 'Responses received'), `${kind} en`).toBe(String(built[kind].count))
    }
  })

  it.each(['lt', 'en'])('%s: an outcome shows its summary, documents, what you said / what we did, and the chosen quote only', async (locale) => {
    const { doc, html } = await page(built.outcome.id, locale)
    expect(doc.status).toBe('outcome')
    const text = decodeEntities(html)
    const outcome = html.slice(html.indexOf('<section aria-labelledby="outcome-h"'))
    expect(outcome.length).toBeLessThan(html.length)
    // The summary's own words.
    const firstParagraph = decodeEntities(doc.outcome!.html.match(/<p>([^<]{20,})<\/p>/)![1]!)
    expect(decodeEntities(outcome)).toContain(firstParagraph)
    expect(doc.outcome!.documents.length).toBeGreaterThan(0)
    for (const f of doc.outcome!.documents) expect(outcome).toContain(`href="${f.url}"`)
    expect(doc.outcome!.whatYouSaid.length).toBeGreaterThan(0)
    for (const p of doc.outcome!.whatYouSaid) {
      expect(text).toContain(p.said)
      expect(text).toContain(p.did)
    }
    expect(outcome).toMatch(new RegExp(`<blockquote class="quote"[^>]*><p[^>]*>${shownQuote}</p></blockquote>`))
    for (const hidden of Object.values(hiddenQuotes)) expect(text).not.toContain(hidden)
  })

  it('never carry a response, a private detail or an unchosen quote, anywhere in the output', () => {
    const needles = [...Object.values(secret), ...Object.values(hiddenQuotes)].map((n) => n.toLowerCase())
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    const files = [...walk(site.outDir), site.snapshotFile]
    expect(files.length).toBeGreaterThan(50)
    const leaks: string[] = []
    let shown = 0
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8').toLowerCase()
      for (const n of needles) if (text.includes(n)) leaks.push(`${path.relative(site.outDir, file)}: ${n}`)
      if (text.includes(shownQuote.toLowerCase())) shown++
    }
    expect(leaks).toEqual([])
    // The walk reads real output: the chosen quote is there.
    expect(shown).toBeGreaterThan(0)
  })
})

describe('in the browser', () => {
  it('responds with JavaScript off', { timeout: 120_000 }, async () => {
    const doc = withQuestions('open')
    const { context, blocked } = await loopbackContext(browser, { javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      await page.goto(`${site.baseUrl}${doc.url}`)
      const form = page.locator('#response-form')
      for (const q of doc.questions) {
        if (q.type === 'text') await form.getByLabel(q.label, { exact: false }).fill('Naršyklėje parašytas atsakymas')
        else if (q.type === 'scale') await form.getByRole('group', { name: q.label }).getByLabel('Sutinku', { exact: true }).check()
        else await form.getByRole('group', { name: q.label }).getByLabel(q.options[0]!.label, { exact: true }).check()
      }
      await form.getByLabel('Sutinku', { exact: true }).last().check()
      await Promise.all([page.waitForNavigation(), form.getByRole('button', { name: 'Pateikti atsakymą' }).click()])
      expect(await page.locator('h1').textContent()).toBe('Ačiū už atsakymą')
      expect(await page.locator('.reference').textContent()).toMatch(/[A-Z2-9]{4}-[A-Z2-9]{4}/)
      expect(blocked).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('with JavaScript off: 10,000 characters with line breaks fit, and a refused response keeps every choice and field', { timeout: 120_000 }, async () => {
    const doc = everyKind()
    const { context, blocked } = await loopbackContext(browser, { javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      await page.goto(`${site.baseUrl}${doc.url}`)
      const form = page.locator('#response-form')
      const text = typed(10_000)
      const single = doc.questions.find((q) => q.type === 'single')!
      const multiple = doc.questions.find((q) => q.type === 'multiple')!
      const scale = doc.questions.find((q) => q.type === 'scale')!
      const textQ = doc.questions.find((q) => q.type === 'text')!
      const fill = async () => {
        await form.locator(`#q_${textQ.id}`).fill(text)
        await form.getByRole('group', { name: scale.label }).getByLabel('Nesutinku', { exact: true }).check()
        await form.getByRole('group', { name: single.label }).getByLabel(single.options.at(-1)!.label, { exact: true }).check()
        for (const o of [multiple.options[0]!, multiple.options.at(-1)!]) await form.getByRole('group', { name: multiple.label }).getByLabel(o.label, { exact: true }).check()
        await form.getByLabel('Vardas ir pavardė').fill('Ona Petraitė')
        await form.getByLabel('El. paštas', { exact: true }).fill('ona@example.net')
        await form.getByLabel('Organizacija, kurios vardu atsakote').fill('Pajūrio bendrija')
      }
      await fill()
      // Sent without the consent: refused, and the page comes back as it was filled in.
      await Promise.all([page.waitForNavigation(), form.getByRole('button', { name: 'Pateikti atsakymą' }).click()])
      expect(await page.locator('.error-summary').textContent()).toContain('Pažymėkite, kad sutinkate')
      const again = page.locator('#response-form')
      expect(await again.locator(`#q_${textQ.id}`).inputValue()).toBe(text)
      expect(await again.getByRole('group', { name: scale.label }).getByLabel('Nesutinku', { exact: true }).isChecked()).toBe(true)
      expect(await again.getByRole('group', { name: single.label }).getByLabel(single.options.at(-1)!.label, { exact: true }).isChecked()).toBe(true)
      for (const [i, o] of multiple.options.entries()) {
        expect(await again.getByRole('group', { name: multiple.label }).getByLabel(o.label, { exact: true }).isChecked(), o.label).toBe(i === 0 || i === multiple.options.length - 1)
      }
      expect(await again.getByLabel('Vardas ir pavardė').inputValue()).toBe('Ona Petraitė')
      expect(await again.getByLabel('El. paštas', { exact: true }).inputValue()).toBe('ona@example.net')
      expect(await again.getByLabel('Organizacija, kurios vardu atsakote').inputValue()).toBe('Pajūrio bendrija')
      await again.getByLabel('Sutinku', { exact: true }).last().check()
      await Promise.all([page.waitForNavigation(), again.getByRole('button', { name: 'Pateikti atsakymą' }).click()])
      expect(await page.locator('h1').textContent()).toBe('Ačiū už atsakymą')
      const reference = (await page.locator('.reference').textContent())!.match(/[A-Z2-9]{4}-[A-Z2-9]{4}/)![0]
      const stored = (await responses(doc.id)).find((r) => r.reference === reference)!
      const answers = stored.answers as { type: string; answer: string | string[] }[]
      expect(answers.find((a) => a.type === 'text')!.answer).toBe(text)
      expect(answers.find((a) => a.type === 'scale')!.answer).toBe('2')
      expect(answers.find((a) => a.type === 'multiple')!.answer).toEqual([multiple.options[0]!.label, multiple.options.at(-1)!.label])
      expect(stored).toMatchObject({ name: 'Ona Petraitė', email: 'ona@example.net', organisation: 'Pajūrio bendrija' })
      expect(blocked).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('passes axe on the form and its error state', { timeout: 120_000 }, async () => {
    const doc = withQuestions('open')
    const { context } = await loopbackContext(browser)
    try {
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      await page.goto(`${site.baseUrl}${doc.url}`)
      let violations = await axeViolations(page)
      expect(violations, formatViolations('form', violations)).toEqual([])
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Pateikti atsakymą' }).click()])
      expect(await page.locator('.error-summary').count()).toBe(1)
      violations = await axeViolations(page)
      expect(violations, formatViolations('errors', violations)).toEqual([])
    } finally {
      await context.close()
    }
  })
})
