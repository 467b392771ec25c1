/**
 * Responding to a consultation on the running site: with JavaScript off in Chromium and
 * with a plain POST; closed and upcoming consultations refuse on the server; a
 * validation error keeps what was typed (escaped); responses never reach the site.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ConsultationDoc } from '../../site/src/lib/types'
import { axeViolations, formatViolations, launchBrowser, loopbackContext } from './browser'
import { startSite, type SiteFixture } from './site-fixture'

let site: SiteFixture
let browser: Browser

beforeAll(async () => {
  site = await startSite()
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

const consultations = (locale = 'lt') => site.snapshot.content[locale]!.docs.filter((d): d is ConsultationDoc => d.collection === 'consultations')
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
