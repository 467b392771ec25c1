/**
 * The newsletter through the running site server, as a resident uses it: sign-up →
 * confirmation email → confirm (POST) → publish → digest in their language →
 * one-click unsubscribe → nothing more. Plus what must not work: enumeration, state
 * changes on GET, expired or tampered links, cross-site posts, bots and floods.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readEnv, rootDir } from '../../cms/model/env'
import { buildDigest, ensureRun } from '../../cms/plugins/newsletter/queueing'
import { signLink } from '../../cms/plugins/newsletter/tokens'
import { addSubscriber, dispatcher, publishNews, runNewsletterJobs } from '../int/newsletter-support'
import { startSink, type Received, type Sink } from '../int/smtpSink'
import { axeViolations, formatViolations, launchBrowser, loopbackContext } from './browser'
import { freePort, waitFor } from './server'
import { startSite, testSiteUrl, type SiteFixture } from './site-fixture'

let site: SiteFixture
let sink: Sink
let browser: Browser

beforeAll(async () => {
  // The site server (a child process) reads these; the flood test goes past the limit on purpose.
  process.env.NEWSLETTER_RATE_LIMIT = '60'
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

function post(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}, base = site.baseUrl) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: form(fields),
  })
}

/** What a mail provider sends for RFC 8058 one-click: a POST from its own servers, no Origin, no cookies. */
const oneClick = (url: string) =>
  fetch(local(url), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })

/** The header block as received, folded lines joined. */
const head = (r: Received) => r.raw.toString('utf8').split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ')
const listUnsubscribeOf = (r: Received) => /^List-Unsubscribe: <([^>]+)>\r?$/m.exec(head(r))?.[1]

const decodeHtml = (s: string) =>
  s.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' ? `0${e.slice(1)}` : e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!,
  )

const signup = (email: string, over: Record<string, string | string[]> = {}, path = '/en/newsletter', headers: Record<string, string> = {}) =>
  post(path, { form: 'newsletter', email, frequency: 'daily', allTopics: '1', locale: 'en', urgent: '1', consent: '1', ...over }, headers)

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

describe('the consent record', () => {
  it('keeps the wording the page showed, which form, when, and no IP address unless asked to', async () => {
    const page = await (await fetch(`${site.baseUrl}/en/newsletter`)).text()
    const shown = decodeHtml(/<p class="hint" id="consent-text">([^<]*)/.exec(page)![1]!).trim()
    expect(shown).toMatch(/^I agree that Pajūris municipality uses my email address/)
    const before = Date.now()
    // The English page, emails chosen in Lithuanian: the person read (and agreed to) the English text.
    const res = await signup('consent@example.org', { locale: 'lt' })
    const after = Date.now()
    expect(res.status, site.log()).toBe(303)
    const sub = await subscriber('consent@example.org')
    const consent = sub!.consent as { at: string; form: string; wording: string; ip?: string | null }
    expect(sub!.locale).toBe('lt')
    expect(consent.wording).toBe(shown)
    expect(consent.form).toBe('newsletter')
    expect(Date.parse(consent.at)).toBeGreaterThanOrEqual(before - 1000)
    expect(Date.parse(consent.at)).toBeLessThanOrEqual(after + 1000)
    // NEWSLETTER_STORE_IP is not set for this server.
    expect(consent.ip ?? null).toBeNull()
  })
})

describe('what must not work', () => {
  it('answers the same for known and unknown addresses; a known one is told it is already subscribed', async () => {
    const known = 'known@example.org'
    await signup(known)
    await send()
    await payload().update({ collection: 'subscribers', where: { email: { equals: known } }, data: { status: 'confirmed' }, overrideAccess: true })
    const hash = (await subscriber(known))?.confirmTokenHash
    const a = await signup(known)
    const b = await signup('stranger@example.org')
    expect([a.status, a.headers.get('location')]).toEqual([b.status, b.headers.get('location')])
    expect(await a.text()).toBe(await b.text())
    // The known address keeps its settings: they change only through its own link.
    expect(await subscriber(known)).toMatchObject({ status: 'confirmed', confirmTokenHash: hash })

    await send()
    const mails = await mailsTo(known)
    expect(mails.map((m) => m.subject)).toEqual(['Confirm your Pajūris newsletter subscription', 'You already get the Pajūris newsletter'])
    const already = mails[1]!
    // A link to its preferences, and nothing that would confirm anything.
    expect(already.text).toMatch(/\/en\/newsletter\/preferences\?token=/)
    expect(already.text).not.toMatch(/\/en\/newsletter\/confirm\?token=/)
  })

  it('answers the same for a still-pending address, which gets a new link that replaces the old one', async () => {
    const pending = 'still-pending@example.org'
    await signup(pending)
    await send()
    const firstToken = new URL(local(link((await mailsTo(pending))[0]!.text!, /\/en\/newsletter\/confirm/))).searchParams.get('token')!
    const a = await signup(pending)
    const b = await signup('another-stranger@example.org')
    expect([a.status, a.headers.get('location')]).toEqual([b.status, b.headers.get('location')])
    expect(await a.text()).toBe(await b.text())
    expect((await subscriber(pending))?.status).toBe('pending')
    await send()
    const mails = await mailsTo(pending)
    expect(mails.map((m) => m.subject)).toEqual(['Confirm your Pajūris newsletter subscription', 'Confirm your Pajūris newsletter subscription'])
    const secondToken = new URL(local(link(mails[1]!.text!, /\/en\/newsletter\/confirm/))).searchParams.get('token')!
    expect(secondToken).not.toBe(firstToken)
    expect((await fetch(`${site.baseUrl}/en/newsletter/confirm?token=${firstToken}`)).status).toBe(400)
    expect((await fetch(`${site.baseUrl}/en/newsletter/confirm?token=${secondToken}`)).status).toBe(200)
  })

  it('refuses a sign-up with neither Origin nor Referer, and accepts the Referer of one of its pages', async () => {
    const fields = { form: 'newsletter', frequency: 'daily', allTopics: '1', locale: 'en', consent: '1' }
    const bare = await fetch(`${site.baseUrl}/en/newsletter`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ ...fields, email: 'no-origin@example.org' }),
    })
    expect(bare.status).toBe(403)
    expect(await subscriber('no-origin@example.org')).toBeUndefined()
    const foreign = await fetch(`${site.baseUrl}/en/newsletter`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', referer: 'https://evil.example/en/newsletter' },
      body: form({ ...fields, email: 'evil-referer@example.org' }),
    })
    expect(foreign.status).toBe(403)
    // Browsers leave Origin out in some cases; a Referer from the site (either address) will do.
    for (const [email, referer] of [
      ['referer@example.org', `${site.baseUrl}/en/`],
      ['referer-public@example.org', `${testSiteUrl}/en/news/`],
    ] as const) {
      const res = await fetch(`${site.baseUrl}/en/newsletter`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', referer },
        body: form({ ...fields, email }),
      })
      expect(res.status, email).toBe(303)
      expect((await subscriber(email))?.status).toBe('pending')
    }
  })

  it('stores no confirmation token anywhere in the database, only its hash', async () => {
    const email = 'token-scan@example.org'
    await signup(email)
    await send()
    const token = new URL(local(link((await mailsTo(email))[0]!.text!, /\/en\/newsletter\/confirm/))).searchParams.get('token')!
    const files = fs.readdirSync(site.cms.dir).filter((f) => f.startsWith('test.db'))
    expect(files).toContain('test.db')
    const bytes = Buffer.concat(files.map((f) => fs.readFileSync(path.join(site.cms.dir, f))))
    expect(bytes.indexOf(token)).toBe(-1)
    // The scan sees live data: the hash of that token is there.
    expect(bytes.indexOf(crypto.createHash('sha256').update(token).digest('hex'))).toBeGreaterThan(-1)
    expect((await subscriber(email))?.confirmTokenHash).toBe(crypto.createHash('sha256').update(token).digest('hex'))
  })

  it('one-click in a confirmation email ("not me") erases the pending address', async () => {
    const email = 'not-me@example.org'
    await signup(email)
    await send()
    const received = sink.to(email)[0]!
    const confirmUrl = local(link((await sink.parse(received)).text!, /\/en\/newsletter\/confirm/))
    const url = listUnsubscribeOf(received)
    expect(url).toMatch(/^https:\/\/www\.pajuris\.example\/en\/newsletter\/unsubscribe\?token=/)
    expect(head(received)).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m)
    const res = await oneClick(url!)
    expect(res.status, site.log()).toBe(200)
    expect(await subscriber(email)).toBeUndefined()
    // Nothing left to confirm, and the link is spent.
    expect((await post('/en/newsletter/confirm', { token: new URL(confirmUrl).searchParams.get('token')! })).status).toBe(400)
    expect((await oneClick(url!)).status).toBe(400)
  })

  it('preferences: topics change, an expired link changes nothing, and the leave button unsubscribes', async () => {
    const email = 'prefs@example.org'
    const id = await addSubscriber(payload(), { email, locale: 'en', urgent: true })
    const key = readEnv().keys.newsletterLinks
    const token = signLink(key, 'preferences', id, email, new Date(Date.now() + 86_400_000))
    const url = `/en/newsletter/preferences?token=${token}`
    const topic = site.snapshot.content.en!.docs.find((d) => d.collection === 'topics')!

    const saved = await post(url, { action: 'save', frequency: 'weekly', topics: topic.id, locale: 'en' })
    expect(saved.status).toBe(200)
    expect(await saved.text()).toContain('Your preferences are saved.')
    const sub = await subscriber(email)
    expect(sub).toMatchObject({ allTopics: false, frequency: 'weekly', urgent: false, status: 'confirmed' })
    expect((sub!.topics as unknown[]).map((t) => String(typeof t === 'object' ? (t as { id: unknown }).id : t))).toEqual([topic.id])
    // The page shows what is saved.
    const page = await (await fetch(`${site.baseUrl}${url}`)).text()
    expect(page).toMatch(new RegExp(`id="topic-${topic.id}"[^>]*checked`))
    expect(page).not.toMatch(/id="topics-all"[^>]*checked/)

    const expired = `/en/newsletter/preferences?token=${signLink(key, 'preferences', id, email, new Date(Date.now() - 60_000))}`
    const shown = await fetch(`${site.baseUrl}${expired}`)
    expect(shown.status).toBe(400)
    expect(await shown.text()).toContain('This link has expired')
    expect((await post(expired, { action: 'leave' })).status).toBe(400)
    expect((await post(expired, { action: 'save', frequency: 'daily', allTopics: '1', locale: 'en' })).status).toBe(400)
    expect(await subscriber(email)).toMatchObject({ status: 'confirmed', frequency: 'weekly' })

    const left = await post(url, { action: 'leave' })
    expect(left.status).toBe(200)
    expect(await left.text()).toContain('You have unsubscribed.')
    expect((await subscriber(email))?.status).toBe('unsubscribed')
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
    // The same post from the site's own origin is taken: the refusal below is about the origin.
    const sameSite = await signup('csrf@example.org', {}, '/en/newsletter')
    expect(sameSite.status).toBe(303)
    expect((await subscriber('csrf@example.org'))?.status).toBe('pending')
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

/** A second site server on the same build and database, with its own settings. */
async function startServer(env: Record<string, string>): Promise<{ url: string; log: () => string; stop: () => Promise<void> }> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts/site-server.ts'), '--dir', site.outDir, '--port', String(port)], {
    cwd: rootDir,
    env: { ...process.env, SITE_URL: testSiteUrl, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  try {
    await waitFor(`${url}/`, 30_000)
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error })
  }
  return { url, log: () => output, stop }
}

describe('behind a trusted reverse proxy', () => {
  let proxied: Awaited<ReturnType<typeof startServer>> | undefined
  beforeAll(async () => {
    // As behind nginx on the same machine: the peer is 127.0.0.1, the visitor is in X-Forwarded-For.
    proxied = await startServer({ SITE_TRUSTED_PROXIES: '127.0.0.1,::1', NEWSLETTER_STORE_IP: 'true', NEWSLETTER_RATE_LIMIT: '3' })
  }, 60_000)
  afterAll(async () => {
    await proxied?.stop()
  })

  it('counts each visitor by X-Forwarded-For, whatever they put in front, and keeps the address when NEWSLETTER_STORE_IP=true', { timeout: 120_000 }, async () => {
    const via = (email: string, forwardedFor: string) =>
      post('/en/newsletter', { form: 'newsletter', email, frequency: 'daily', allTopics: '1', locale: 'en', urgent: '1', consent: '1' }, { 'x-forwarded-for': forwardedFor }, proxied!.url)
    const statuses: number[] = []
    // One visitor (198.51.100.1, appended by the proxy) making up a new address in front each time.
    for (let i = 0; i < 4; i++) statuses.push((await via(`proxied-a${i}@example.org`, `203.0.113.${i}, 198.51.100.1`)).status)
    expect(statuses, proxied!.log()).toEqual([303, 303, 303, 429])
    // Another visitor behind the same proxy is not held back by the first.
    expect((await via('proxied-b@example.org', '198.51.100.2')).status).toBe(303)
    expect(((await subscriber('proxied-b@example.org'))?.consent as { ip?: string }).ip).toBe('198.51.100.2')
    expect(((await subscriber('proxied-a0@example.org'))?.consent as { ip?: string }).ip).toBe('198.51.100.1')
    expect(await subscriber('proxied-a3@example.org')).toBeUndefined()
  })

  it('will not start with a malformed SITE_TRUSTED_PROXIES, and says which entry is wrong', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts/site-server.ts'), '--dir', site.outDir, '--port', String(await freePort())], {
      cwd: rootDir,
      env: { ...process.env, SITE_TRUSTED_PROXIES: '127.0.0.1,nginx' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr?.on('data', (d) => (stderr += d))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(2)
    expect(stderr).toContain('SITE_TRUSTED_PROXIES')
    expect(stderr).toContain('"nginx" is not one')
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

  it('signs up from the news page with JavaScript off, through a labelled short form that links to the full one', { timeout: 120_000 }, async () => {
    const { context, blocked } = await loopbackContext(browser, { javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      await page.goto(`${site.baseUrl}/en/news/`)
      const box = page.locator('section.newsletter-signup')
      // A landmark named by its heading (aria-labelledby pointing at it), as screen readers list it.
      expect(await page.getByRole('region', { name: 'Get news by email' }).count()).toBe(1)
      await expect(box.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Get news by email')
      const more = box.getByRole('link', { name: 'More choices: topics, language' })
      expect(await more.getAttribute('href')).toBe('/en/newsletter')
      // Language and topics travel as hidden fields; every visible control has its label.
      expect(await box.locator('input[type="hidden"][name="locale"]').getAttribute('value')).toBe('en')
      expect(await box.locator('input[type="hidden"][name="allTopics"]').getAttribute('value')).toBe('1')
      const shown = (await box.locator('#nl-consent-text').textContent())!.trim()
      await box.getByLabel('Email address').fill('news-page@example.org')
      await box.getByRole('radio', { name: 'Once a week (digest)' }).check()
      await box.getByLabel('I agree').check()
      await Promise.all([page.waitForNavigation(), box.getByRole('button', { name: 'Subscribe' }).click()])
      expect(page.url(), await page.content()).toMatch(/\/en\/newsletter\?sent=1$/)
      const sub = await subscriber('news-page@example.org')
      expect(sub).toMatchObject({ status: 'pending', frequency: 'weekly', locale: 'en', allTopics: true, urgent: true, consent: { form: 'news', wording: shown } })
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
      for (const path of ['/naujienlaiskis', '/en/newsletter', '/en/newsletter?sent=1', '/en/news/']) {
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
  it('rate-limits a flood from one client, which cannot escape by writing X-Forwarded-For (no proxy is trusted here)', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 70; i++) statuses.push((await signup(`flood${i}@example.org`, {}, '/en/newsletter', { 'x-forwarded-for': `198.51.100.${i}` })).status)
    expect(statuses).toContain(429)
    expect(statuses.filter((s) => s === 303).length).toBeLessThan(60)
  })

  it('takes every one-click unsubscribe of a big digest from one mail provider, and refuses a flood of tampered links', { timeout: 120_000 }, async () => {
    const confirmedAt = new Date()
    const emails = Array.from({ length: 40 }, (_, i) => `provider${i}@example.org`)
    for (const email of emails) await addSubscriber(payload(), { email, locale: 'en', confirmedAt })
    await new Promise((r) => setTimeout(r, 10))
    await publishNews(payload(), { lt: 'Didelis laiškas', en: 'A big digest' })
    await digestNow('provider')
    const urls = emails.map((email) => {
      const [mail] = sink.to(email)
      expect(mail, email).toBeDefined()
      return listUnsubscribeOf(mail!)!
    })

    // Tampered links from the same servers: refused, and soon refused outright.
    const tampered = urls.slice(0, 35).map((u) => {
      const url = new URL(u)
      const t = url.searchParams.get('token')!
      url.searchParams.set('token', `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`)
      return url.toString()
    })
    const refused: number[] = []
    for (const url of tampered) refused.push((await oneClick(url)).status)
    expect(refused.every((s) => s === 400 || s === 429)).toBe(true)
    expect(refused.at(-1)).toBe(429)
    for (const email of emails) expect((await subscriber(email))?.status, email).toBe('confirmed')

    // Then the real ones, well past 30 in 10 minutes from one client: every one works.
    const statuses: number[] = []
    for (const url of urls) statuses.push((await oneClick(url)).status)
    expect(statuses).toEqual(urls.map(() => 200))
    for (const email of emails) expect((await subscriber(email))?.status, email).toBe('unsubscribed')
  })
})

describe('every email', () => {
  it('sent to a subscriber address in this file carried List-Unsubscribe (https) and List-Unsubscribe-Post', async () => {
    expect(sink.received.length).toBeGreaterThan(40)
    const subjects = new Set<string>()
    for (const r of sink.received) {
      const h = head(r)
      expect(h, r.to).toMatch(/^List-Unsubscribe: <https:\/\/www\.pajuris\.example\/(naujienlaiskis\/atsisakyti|en\/newsletter\/unsubscribe)\?token=[A-Za-z0-9._-]+>\r?$/m)
      expect(h, r.to).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m)
      subjects.add((await sink.parse(r)).subject!.replace(/\(\d+\)$/, ''))
    }
    // Confirmations, "already subscribed" and digests were all among them.
    expect([...subjects]).toEqual(expect.arrayContaining(['Confirm your Pajūris newsletter subscription', 'You already get the Pajūris newsletter', "Pajūris: today's news "]))
  })
})
