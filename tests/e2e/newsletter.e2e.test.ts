/**
 * The newsletter through the running site server, as a resident uses it: sign-up →
 * confirmation email → confirm (POST) → publish → digest in their language →
 * one-click unsubscribe → nothing more. Plus what must not work: enumeration, state
 * changes on GET, expired or tampered links, cross-site posts, bots and floods.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildDigest, ensureRun } from '../../cms/newsletter/queueing'
import { dispatcher, publishNews, runNewsletterJobs } from '../int/newsletter-support'
import { startSink, type Sink } from '../int/smtpSink'
import { axeViolations, formatViolations, launchBrowser, loopbackContext } from './browser'
import { startSite, testSiteUrl, type SiteFixture } from './site-fixture'

let site: SiteFixture
let sink: Sink
let browser: Browser

beforeAll(async () => {
  // The site server (a child process) reads these; the flood test goes past the limit on purpose.
  process.env.NEWSLETTER_RATE_LIMIT = '40'
  process.env.SITE_URL = testSiteUrl
  site = await startSite()
  sink = await startSink()
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await sink?.close()
  await site?.stop()
})

const payload = () => site.cms.payload
const local = (url: string) => url.replace(testSiteUrl, site.baseUrl)

function form(fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x)
  return body
}

function post(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
  return fetch(`${site.baseUrl}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: site.baseUrl, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: form(fields),
  })
}

const signup = (email: string, over: Record<string, string | string[]> = {}, path = '/en/newsletter') =>
  post(path, { form: 'newsletter', email, frequency: 'daily', allTopics: '1', locale: 'en', urgent: '1', consent: '1', ...over })

async function subscriber(email: string) {
  const res = await payload().find({ collection: 'subscribers', where: { email: { equals: email } }, depth: 0, overrideAccess: true, showHiddenFields: true })
  return res.docs[0]
}

const send = () => dispatcher(payload(), sink.url).run({ untilIdle: true })

async function mailsTo(address: string) {
  return Promise.all(sink.to(address).map((r) => sink.parse(r)))
}

function link(text: string, path: RegExp): string {
  const m = new RegExp(`${testSiteUrl.replace(/\./g, '\\.')}${path.source}\\?token=[A-Za-z0-9._-]+`).exec(text)
  if (!m) throw new Error(`No ${path} link in:\n${text}`)
  return m[0]
}

async function digestNow(title: string) {
  await runNewsletterJobs(payload())
  const run = await ensureRun(payload(), { key: `daily:e2e-${title}-${Date.now()}`, kind: 'daily', title, cutoff: new Date() })
  await buildDigest(payload(), run.id)
  await send()
}

describe('a resident subscribes, reads a digest and leaves', () => {
  it('works end to end, with the list headers on every email', async () => {
    const email = 'resident@example.org'
    const page = await fetch(`${site.baseUrl}/en/newsletter`)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(await page.text()).toMatch(/<form class="newsletter-form" method="post" action="\/en\/newsletter"/)

    const res = await signup(email)
    expect(res.status, site.log()).toBe(303)
    expect(res.headers.get('location')).toBe('/en/newsletter?sent=1')
    expect((await subscriber(email))?.status).toBe('pending')

    await send()
    const [confirmMail] = await mailsTo(email)
    expect(confirmMail?.subject).toBe('Confirm your Pajūris newsletter subscription')
    const confirmUrl = local(link(confirmMail!.text!, /\/en\/newsletter\/confirm/))

    // The link only shows a button: mail scanners follow links.
    const shown = await fetch(confirmUrl)
    expect(shown.status).toBe(200)
    expect(await shown.text()).toContain('Confirm subscription</button>')
    expect((await subscriber(email))?.status).toBe('pending')

    const token = new URL(confirmUrl).searchParams.get('token')!
    const confirmed = await post('/en/newsletter/confirm', { token })
    expect(confirmed.status, site.log()).toBe(200)
    expect(await confirmed.text()).toContain('Your subscription is confirmed')
    expect((await subscriber(email))?.status).toBe('confirmed')

    await new Promise((r) => setTimeout(r, 10))
    await publishNews(payload(), { lt: 'Atnaujinta biblioteka', en: 'The library reopens' })
    await digestNow('first')
    const digests = (await mailsTo(email)).filter((m) => m.subject?.includes("today's news"))
    expect(digests).toHaveLength(1)
    const digest = digests[0]!
    expect(digest.subject).toBe("Pajūris: today's news (1)")
    expect(digest.html).toContain('<html lang="en">')
    expect(digest.html).toContain('The library reopens')
    expect(digest.html).not.toContain('Atnaujinta biblioteka')
    expect(Buffer.byteLength(String(digest.html))).toBeLessThan(100_000)
    expect(digest.text).toContain('The library reopens')
    // Sender and list headers (Gmail and Yahoo bulk-sender rules, RFC 2369, 2919, 8058).
    expect(digest.from?.value[0]).toMatchObject({ address: 'naujienos@pajuris.lt', name: 'Pajūris Municipality' })
    expect(digest.replyTo?.value[0]?.address).toBe('info@pajuris.lt')
    expect(digest.messageId).toMatch(/^<[0-9a-f]{32}@pajuris\.lt>$/)
    // Headers as received, unfolded.
    const listUnsubscribe = sink
      .to(email)
      .map((r) => r.raw.toString('utf8').split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' '))
      .find((head) => head.includes('List-Unsubscribe:'))!
    expect(listUnsubscribe).toMatch(/^List-ID: .*<newsletter\.www\.pajuris\.example>\r?$/im)
    expect(listUnsubscribe).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m)
    const unsubscribeUrl = /^List-Unsubscribe: <([^>]+)>/m.exec(listUnsubscribe)?.[1]
    expect(unsubscribeUrl).toMatch(/^https:\/\/www\.pajuris\.example\/en\/newsletter\/unsubscribe\?token=/)
    // The body has the visible links too.
    expect(digest.text).toContain(unsubscribeUrl)
    expect(digest.html).toContain('Unsubscribe</a>')

    // GET shows a button and changes nothing.
    const unsubPage = await fetch(local(unsubscribeUrl!))
    expect(await unsubPage.text()).toContain('Unsubscribe</button>')
    expect((await subscriber(email))?.status).toBe('confirmed')
    // One-click: a POST from the mail provider, no cookies, no Origin.
    const oneClick = await fetch(local(unsubscribeUrl!), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(oneClick.status).toBe(200)
    expect((await subscriber(email))?.status).toBe('unsubscribed')

    const before = sink.to(email).length
    await publishNews(payload(), { lt: 'Dar viena naujiena', en: 'One more story' })
    await digestNow('after-unsubscribe')
    expect(sink.to(email)).toHaveLength(before)
  })
})

describe('signing up for one topic', () => {
  it('works from the topic page form, with the topic as a hidden field', async () => {
    const topic = site.snapshot.content.lt!.docs.find((d) => d.collection === 'topics')!
    const page = await (await fetch(`${site.baseUrl}${topic.url}`)).text()
    expect(page).toContain(`<input type="hidden" name="topics" value="${topic.id}">`)
    const res = await post('/naujienlaiskis', { form: `topic:${topic.slug}`, email: 'topic@example.org', frequency: 'weekly', locale: 'lt', urgent: '1', topics: topic.id, consent: '1' })
    expect(res.status, site.log()).toBe(303)
    const sub = await subscriber('topic@example.org')
    expect(sub).toMatchObject({ allTopics: false, frequency: 'weekly', locale: 'lt', status: 'pending', consent: { form: `topic:${topic.slug}` } })
    expect((sub!.topics as unknown[]).map((t) => String(typeof t === 'object' ? (t as { id: unknown }).id : t))).toEqual([topic.id])
  })
})

describe('what must not work', () => {
  it('answers the same for known and unknown addresses', async () => {
    const known = 'known@example.org'
    await signup(known)
    await payload().update({ collection: 'subscribers', where: { email: { equals: known } }, data: { status: 'confirmed' }, overrideAccess: true })
    const a = await signup(known)
    const b = await signup('stranger@example.org')
    expect([a.status, a.headers.get('location')]).toEqual([b.status, b.headers.get('location')])
    expect(await a.text()).toBe(await b.text())
    // The known address keeps its settings: they change only through its own link.
    expect((await subscriber(known))?.status).toBe('confirmed')
  })

  it('refuses expired and tampered links, and GET never changes anything', async () => {
    const email = 'expired@example.org'
    await signup(email)
    await send()
    const mail = (await mailsTo(email))[0]!
    const url = local(link(mail.text!, /\/en\/newsletter\/confirm/))
    const token = new URL(url).searchParams.get('token')!
    const sub = await subscriber(email)
    await payload().update({ collection: 'subscribers', id: sub!.id, data: { confirmTokenExpires: new Date(Date.now() - 1000).toISOString() }, overrideAccess: true })
    const expired = await post('/en/newsletter/confirm', { token })
    expect(expired.status).toBe(400)
    expect(await expired.text()).toContain('This link has expired')
    expect((await subscriber(email))?.status).toBe('pending')

    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
    expect((await post('/en/newsletter/confirm', { token: tampered })).status).toBe(400)

    // A confirmed subscriber's signed links, tampered: refused, nothing changes.
    const ok = 'signed@example.org'
    await signup(ok)
    await send()
    const okUrl = new URL(local(link((await mailsTo(ok))[0]!.text!, /\/en\/newsletter\/confirm/)))
    await post('/en/newsletter/confirm', { token: okUrl.searchParams.get('token')! })
    await publishNews(payload(), { lt: 'Parašyta nuoroda', en: 'Signed link story' })
    await digestNow('signed')
    const digest = (await mailsTo(ok)).find((m) => m.subject?.includes("today's news"))!
    const prefs = new URL(local(link(digest.text!, /\/en\/newsletter\/preferences/)))
    const unsub = new URL(local(link(digest.text!, /\/en\/newsletter\/unsubscribe/)))
    const flip = (u: URL) => {
      const t = u.searchParams.get('token')!
      const copy = new URL(u)
      copy.searchParams.set('token', `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`)
      return copy
    }
    expect((await fetch(flip(prefs))).status).toBe(400)
    expect((await fetch(flip(unsub), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(400)
    expect((await subscriber(ok))?.status).toBe('confirmed')

    // The real preferences link works: change the frequency.
    const page = await fetch(prefs)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Emails go to signed@example.org')
    const saved = await post(`${prefs.pathname}${prefs.search}`, { action: 'save', frequency: 'weekly', allTopics: '1', locale: 'lt', urgent: '1' })
    expect(saved.status).toBe(200)
    expect(await subscriber(ok)).toMatchObject({ frequency: 'weekly', locale: 'lt', status: 'confirmed' })
  })

  it('keeps what was typed and names each problem', async () => {
    const res = await post('/en/newsletter', { form: 'newsletter', email: 'not an address', frequency: 'daily', locale: 'en' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('class="error-summary"')
    expect(html).toContain('Enter an email address')
    expect(html).toContain('Choose at least one topic')
    expect(html).toContain('Tick the box to agree')
    expect(html).toContain('value="not an address"')
    expect(await subscriber('not an address')).toBeUndefined()
  })

  it('refuses cross-site posts and quietly ignores bots and repeated sign-ups of one address', async () => {
    const evil = await signup('csrf@example.org', {}, '/en/newsletter')
    expect(evil.status).toBe(303)
    const cross = await post('/en/newsletter', { form: 'newsletter', email: 'csrf2@example.org', frequency: 'daily', allTopics: '1', locale: 'en', consent: '1' }, { origin: 'https://evil.example' })
    expect(cross.status).toBe(403)
    expect(await subscriber('csrf2@example.org')).toBeUndefined()

    const bot = await signup('bot@example.org', { website: 'http://spam.example' })
    expect(bot.status).toBe(303)
    expect(await subscriber('bot@example.org')).toBeUndefined()

    const repeated = 'again@example.org'
    for (let i = 0; i < 5; i++) expect((await signup(repeated)).status).toBe(303)
    await send()
    // Three per hour per address, whoever asks.
    expect(sink.to(repeated).length).toBe(3)
  })
})

describe('in the browser', () => {
  it('signs up from the home page with JavaScript off', { timeout: 120_000 }, async () => {
    const { context, blocked } = await loopbackContext(browser, { javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      await page.goto(`${site.baseUrl}/en/`)
      const box = page.locator('.newsletter-signup')
      await box.getByLabel('Email address').fill('browser@example.org')
      await box.getByLabel('I agree').check()
      await Promise.all([page.waitForNavigation(), box.getByRole('button', { name: 'Subscribe' }).click()])
      expect(page.url(), await page.content()).toMatch(/\/en\/newsletter\?sent=1$/)
      await expect(page.locator('h1').textContent()).resolves.toBe('Check your email')
      expect((await subscriber('browser@example.org'))?.status).toBe('pending')

      expect(blocked).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('passes axe on the form, its error state and the sent page', { timeout: 180_000 }, async () => {
    // axe runs as a script, so this context has JavaScript on.
    const { context, blocked } = await loopbackContext(browser)
    try {
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      for (const path of ['/naujienlaiskis', '/en/newsletter', '/en/newsletter?sent=1']) {
        await page.goto(`${site.baseUrl}${path}`)
        const violations = await axeViolations(page)
        expect(violations, formatViolations(path, violations)).toEqual([])
      }
      await page.goto(`${site.baseUrl}/en/newsletter`)
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Subscribe' }).click()])
      expect(await page.locator('.error-summary').count()).toBe(1)
      const violations = await axeViolations(page)
      expect(violations, formatViolations('errors', violations)).toEqual([])
      expect(blocked).toEqual([])
    } finally {
      await context.close()
    }
  })
})

// Last: it uses up this client's sign-up allowance.
describe('floods', () => {
  it('rate-limits a flood from one client', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 45; i++) statuses.push((await signup(`flood${i}@example.org`)).status)
    expect(statuses).toContain(429)
    expect(statuses.filter((s) => s === 303).length).toBeLessThan(45)
  })
})
