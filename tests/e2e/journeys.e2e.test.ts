/**
 * Residents' journeys through the product as `npm start` runs it: its processes, its
 * environment, its secrets, its ports, mail through a real SMTP server on loopback
 * (SMTP_URL). Everything is driven from outside: a real browser for what residents do
 * on the site, HTTP for what staff and mail providers do, the SMTP server for what
 * arrives, the database file for what is kept. A component test that wires both sides
 * itself cannot see that production wires them differently (the newsletter's links
 * were once signed with one key and checked with another).
 */
import type { ParsedMail } from 'mailparser'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraph } from '../int/helpers'
import type { Sink } from '../int/smtpSink'
import sharp from 'sharp'

import { upstreamAdminViolations } from '../fixtures/admin-a11y'
import { auditAdmin, byRule } from './adminAudit'
import { choosePublishMenuItem, loopbackContext } from './browser'
import {
  ctrlC,
  database,
  demoLogin,
  eventually,
  loginAs,
  npmStart,
  startMailedSystem,
  stopMailedSystem,
  type Installation,
  type Started,
} from './system'

const timeZone = 'Europe/Vilnius'
const resident = `gyventoja.${Date.now()}@example.test`
const responder = `atsakymas.${Date.now()}@example.test`

let sink: Sink
let inst: Installation
let s: Started | undefined
let browser: Browser

/** The city's local weekday (1 = Monday … 7 = Sunday) and HH:MM of a moment. */
function localSlot(at: Date): { weekday: number; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  )
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1
  return { weekday, time: `${parts.hour}:${parts.minute}` }
}

async function mailTo(address: string, count: number, what: string, timeoutMs = 180_000): Promise<ParsedMail[]> {
  await eventually(`${count} e-mail(s) to ${address}: ${what}`, async () => sink.to(address).length >= count, s!, timeoutMs)
  return Promise.all(sink.to(address).map((r) => sink.parse(r)))
}

/** A message's header block as sent, folded lines joined. */
const head = (raw: Buffer) => raw.toString('utf8').split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ').replace(/\r\n/g, '\n')

/** The first link in a mail's plain text that starts with `prefix`. */
function linkIn(mail: ParsedMail, prefix: string): string {
  const found = (mail.text ?? '').split(/\s+/).find((w) => w.startsWith(prefix))
  if (!found) throw new Error(`No link starting with ${prefix} in the e-mail "${mail.subject}":\n${mail.text}`)
  return found
}

async function page(): Promise<Page> {
  const { context } = await loopbackContext(browser, { javaScriptEnabled: false })
  return context.newPage()
}

async function subscriber(email: string): Promise<Record<string, unknown> | undefined> {
  const db = database(inst)
  try {
    return (await db.execute({ sql: 'select status, frequency, locale from subscribers where email = ?', args: [email] })).rows[0] as Record<string, unknown> | undefined
  } finally {
    db.close()
  }
}

async function publishNews(auth: string, title: string): Promise<{ id: number; slug: string }> {
  const res = await fetch(`${inst.cmsUrl}/api/news?locale=lt`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth },
    body: JSON.stringify({ title, summary: `${title}: santrauka.`, body: paragraph(`${title}.`), _status: 'published' }),
  })
  const body = (await res.json()) as { doc: { id: number; slug: string } }
  expect(res.status, JSON.stringify(body)).toBe(201)
  return body.doc
}

const status = async (url: string) => (await fetch(url, { redirect: 'manual' })).status

beforeAll(async () => {
  // The weekly digest goes out on another day while the first start runs: the second
  // start moves it to a minute in the near future, so the test waits minutes, not days.
  const weekly = (localSlot(new Date()).weekday + 2) % 7 || 7
  ;({ sink, inst, s, browser } = await startMailedSystem((mail) => ({
    SMTP_URL: mail.url,
    NEWSLETTER_WEEKLY_DAY: String(weekly),
    SITE_BUILD_DEBOUNCE_MS: '300',
    JOBS_INTERVAL_MS: '300',
  })))
}, 900_000)

afterAll(() => stopMailedSystem({ sink, inst, s, browser }))

describe('residents’ journeys through npm start', { timeout: 900_000 }, () => {
  it('signs up on the home page, gets the e-mail, confirms it, and changes preferences from an e-mailed link', async () => {
    const p = await page()
    await p.goto(`${inst.siteUrl}/`)
    const form = p.getByRole('region', { name: 'Gaukite naujienas el. paštu' })
    await form.getByLabel('El. pašto adresas').fill(resident)
    await form.getByRole('radio', { name: 'Kartą per dieną (santrauka)' }).check()
    await form.getByLabel('Sutinku').check()
    await Promise.all([p.waitForURL(/sent=1/), form.getByRole('button', { name: 'Prenumeruoti' }).click()])
    await p.getByRole('status').waitFor()
    expect(await subscriber(resident)).toMatchObject({ status: 'pending', frequency: 'daily' })

    // The confirmation e-mail, through SMTP_URL, with a link to this site.
    const [confirmMail] = await mailTo(resident, 1, 'the confirmation')
    expect(head(sink.to(resident)[0]!.raw)).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m)
    const confirmLink = linkIn(confirmMail!, `${inst.siteUrl}/naujienlaiskis/`)
    // A mail scanner opening the link changes nothing; the resident's click does.
    await p.goto(confirmLink)
    expect(await subscriber(resident)).toMatchObject({ status: 'pending' })
    await p.getByRole('button', { name: 'Patvirtinti prenumeratą' }).click()
    await p.getByRole('status').waitFor()
    expect(await subscriber(resident)).toMatchObject({ status: 'confirmed' })

    // Signing up again (the address is known) sends a link to the preferences instead.
    await p.goto(`${inst.siteUrl}/naujienlaiskis`)
    await p.locator('#email').fill(resident)
    await p.locator('#consent').check()
    await Promise.all([p.waitForURL(/sent=1/), p.locator('form.newsletter-form button[type=submit]').click()])
    const mails = await mailTo(resident, 2, 'the "already subscribed" e-mail with the preferences link')
    const prefsLink = linkIn(mails[1]!, `${inst.siteUrl}/naujienlaiskis/`)
    const res = await p.goto(prefsLink)
    expect(res?.status()).toBe(200)
    await p.locator('input[name=frequency][value=weekly]').check()
    await p.locator('button[name=action][value=save]').click()
    await p.getByRole('status').waitFor()
    expect(await subscriber(resident)).toMatchObject({ status: 'confirmed', frequency: 'weekly' })
    await p.context().close()
  })

  it('a published article goes live on the site, and answers 410 (withdrawn) once it is unpublished', async () => {
    const editor = await loginAs(inst, 'editor')
    const doc = await publishNews(editor, 'Atidaryta nauja biblioteka')
    const url = `${inst.siteUrl}/naujienos/${doc.slug}/`
    await eventually('the article live on the site', async () => (await status(url)) === 200, s!)
    const res = await fetch(`${inst.cmsUrl}/api/news/${doc.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: editor },
      body: JSON.stringify({ _status: 'draft' }),
    })
    expect(res.status).toBe(200)
    await eventually('the article gone from the site', async () => (await status(url)) === 410, s!)
  })

  it('staff: an author submits a draft for review in the admin, an editor returns it with a comment (e-mail and dashboard), the author is offered no publishing, resubmits, and the editor approves it by publishing', async () => {
    const author = await loginAs(inst, 'author')
    const title = `Peržiūrai ${Date.now()}`
    const created = await fetch(`${inst.cmsUrl}/api/news?draft=true&locale=lt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: author },
      body: JSON.stringify({ title, summary: 'Santrauka.', body: paragraph('Tekstas.') }),
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: number } }
    const adminAs = async (auth: string) => {
      const { context } = await loopbackContext(browser, { locale: 'lt-LT' })
      await context.addCookies([{ name: 'payload-token', value: auth.replace(/^JWT /, ''), url: inst.cmsUrl }])
      return context.newPage()
    }
    // The author: "Submit for review" beside the document's buttons; then it says it waits.
    const a = await adminAs(author)
    await a.goto(`${inst.cmsUrl}/admin/collections/news/${doc.id}`)
    await a.getByRole('button', { name: 'Pateikti peržiūrai' }).click()
    await a.locator('.atvira-review__state', { hasText: 'Laukia peržiūros' }).waitFor({ timeout: 30_000 })
    // Every editor and admin is e-mailed, with the link; the editor's dashboard lists it.
    const editor = demoLogin(inst, 'editor')
    const [told] = await mailTo(editor.email, 1, 'the review request')
    expect(told!.subject).toBe(`Laukia peržiūros: ${title}`)
    const link = linkIn(told!, `${inst.cmsUrl}/admin/collections/news/`)
    expect(link).toBe(`${inst.cmsUrl}/admin/collections/news/${doc.id}`)
    expect((await mailTo(demoLogin(inst, 'admin').email, 1, 'the review request to the admin'))[0]!.subject).toBe(`Laukia peržiūros: ${title}`)
    const e = await adminAs(await loginAs(inst, 'editor'))
    await e.goto(`${inst.cmsUrl}/admin`)
    const attention = e.locator('.atvira-attention')
    await attention.getByRole('link', { name: title }).waitFor()
    expect(await attention.innerText()).toContain('Laukia peržiūros')
    // The editor returns it with a comment from the e-mailed link.
    await e.goto(link)
    await e.getByRole('button', { name: 'Grąžinti su komentaru' }).click()
    await e.getByLabel('Ką autorius turėtų pakeisti?').fill('Pridėkite darbo laiką.')
    await e.getByRole('dialog').getByRole('button', { name: 'Grąžinti', exact: true }).click()
    await e.locator('.atvira-review__state', { hasText: 'Redaktorius grąžino: Pridėkite darbo laiką.' }).waitFor({ timeout: 30_000 })
    // The author is e-mailed the comment and finds it on their dashboard.
    const [back] = await mailTo(demoLogin(inst, 'author').email, 1, 'the returned draft')
    expect(back!.subject).toBe(`Grąžinta su komentaru: ${title}`)
    expect(back!.text).toContain('Pridėkite darbo laiką.')
    await a.goto(`${inst.cmsUrl}/admin`)
    const mine = a.locator('.atvira-attention')
    await mine.getByRole('link', { name: title }).waitFor()
    expect(await mine.innerText()).toContain('Pridėkite darbo laiką.')
    // The author is offered only what an author can do: no Publish in the document, and in
    // the list only Delete for a selected row (no bulk Edit, Publish or Unpublish).
    await a.goto(`${inst.cmsUrl}/admin/collections/news/${doc.id}`)
    await a.getByRole('button', { name: 'Pateikti peržiūrai' }).waitFor()
    expect(await a.locator('#action-save').count(), 'a Publish button for the author').toBe(0)
    const selectionOf = async (page: typeof a) => {
      await page.goto(`${inst.cmsUrl}/admin/collections/news`)
      await page.locator('.select-row input[type="checkbox"]').first().check()
      await page.locator('.list-selection').waitFor()
      return page.locator('.list-selection').innerText()
    }
    const authorChoices = await selectionOf(a)
    expect(authorChoices).toContain('Ištrinti')
    for (const word of ['Redaguoti', 'Paskelbti', 'Nebepublikuoti']) expect(authorChoices, `bulk "${word}" for the author`).not.toContain(word)
    expect(await selectionOf(e)).toContain('Paskelbti')
    // Fixed, submitted again; the editor approves it by publishing, which ends the review.
    await a.goto(`${inst.cmsUrl}/admin/collections/news/${doc.id}`)
    await a.getByRole('button', { name: 'Pateikti peržiūrai' }).click()
    await a.locator('.atvira-review__state', { hasText: 'Laukia peržiūros' }).waitFor({ timeout: 30_000 })
    await e.goto(link)
    await e.getByRole('button', { name: 'Paskelbti pakeitimus' }).click()
    const editorAuth = await loginAs(inst, 'editor')
    await expect
      .poll(async () => {
        const res = await fetch(`${inst.cmsUrl}/api/news/${doc.id}?draft=true&depth=0`, { headers: { authorization: editorAuth } })
        const latest = (await res.json()) as { _status?: string; review?: { state?: string | null } }
        return [latest._status, latest.review?.state ?? null]
      }, { timeout: 30_000 })
      .toEqual(['published', null])
    await a.context().close()
    await e.context().close()
  })

  it('staff: an editor’s whole journey in the Lithuanian admin: create, translate, preview, schedule, the scheduled publish, then publish a change', async () => {
    const editor = await loginAs(inst, 'editor')
    const { context } = await loopbackContext(browser, { locale: 'lt-LT' })
    // One session for the admin and the site's preview route (a shared cookie domain in production).
    for (const url of [inst.cmsUrl, inst.siteUrl]) await context.addCookies([{ name: 'payload-token', value: editor.replace(/^JWT /, ''), url }])
    const p = await context.newPage()
    const stamp = Date.now()
    const draft = async (locale: string) => {
      const res = await fetch(`${inst.cmsUrl}/api/news/${id}?draft=true&locale=${locale}&depth=0&fallback-locale=none`, { headers: { authorization: editor } })
      return (await res.json()) as { title?: string; summary?: string; slug?: string; _status?: string }
    }
    const fill = async (title: string, summary: string, body: string) => {
      await p.locator('#field-title').fill(title)
      await p.locator('#field-summary').fill(summary)
      await p.locator('.rich-text-lexical [contenteditable="true"]').first().click()
      await p.keyboard.type(body)
    }
    // Create: "Create new" opens in Lithuanian; autosave keeps what is typed.
    await p.goto(`${inst.cmsUrl}/admin/collections/news/create`)
    await p.waitForURL(/\/admin\/collections\/news\/\d+/, { timeout: 60_000 })
    const id = Number(/\/news\/(\d+)/.exec(p.url())![1])
    const lt = { title: `Naujas skveras ${stamp}`, summary: 'Mieste atidarytas naujas skveras.', body: 'Skveras atviras visą parą.' }
    await fill(lt.title, lt.summary, lt.body)
    await expect.poll(async () => (await draft('lt')).summary, { timeout: 30_000 }).toBe(lt.summary)
    // Translate: the English version of the same article.
    await p.goto(`${inst.cmsUrl}/admin/collections/news/${id}?locale=en`)
    await p.locator('.atvira-editing-language', { hasText: 'Redaguojama: anglų kalba' }).waitFor()
    const en = { title: `A new square ${stamp}`, summary: 'A new square has opened in the city.', body: 'The square is open day and night.' }
    await fill(en.title, en.summary, en.body)
    await expect.poll(async () => (await draft('en')).summary, { timeout: 30_000 }).toBe(en.summary)
    // Preview: the site's own template shows the draft, to staff only.
    for (const [locale, text] of [['lt', lt], ['en', en]] as const) {
      const shown = await p.goto(`${inst.siteUrl}/preview?collection=news&id=${id}&locale=${locale}`)
      expect(shown?.status(), `preview (${locale})`).toBe(200)
      expect(await p.locator('h1').innerText()).toBe(text.title)
      expect(await p.locator('main').innerText()).toContain(text.body)
    }
    expect(await status(`${inst.siteUrl}/preview?collection=news&id=${id}&locale=lt`), 'the preview without a session').not.toBe(200)
    // Schedule: tomorrow 09:00, from the Publish button's menu, on a 24-hour list.
    await p.goto(`${inst.cmsUrl}/admin/collections/news/${id}`)
    await choosePublishMenuItem(p, '#schedule-publish')
    await p.locator('.schedule-publish').first().waitFor()
    expect(await p.getByRole('radio', { name: 'Paskelbti', exact: true }).isChecked()).toBe(true)
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + 86_400_000))
    await p.locator('.schedule-publish__scheduler .date-time-picker__input-wrapper input').first().click()
    await p.locator(`.react-datepicker__day--${tomorrow.slice(8).padStart(3, '0')}:not(.react-datepicker__day--outside-month)`).first().click()
    await p.locator('.react-datepicker__time-list-item', { hasText: /^09:00$/ }).first().click()
    await p.locator('#scheduled-publish-save').click()
    await expect.poll(() => p.locator('[data-sonner-toast][data-type="success"]').allInnerTexts()).toContainEqual(expect.stringContaining('Sėkmingai suplanuota'))
    // The job is in the database for 09:00 in Vilnius; its time "comes" by making it due now.
    const db = database(inst)
    try {
      const jobs = (await db.execute({ sql: "select id, wait_until from payload_jobs where task_slug = 'schedulePublish' and completed_at is null and cast(json_extract(input, '$.doc.value') as integer) = ?", args: [id] })).rows
      expect(jobs).toHaveLength(1)
      expect(new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(String(jobs[0]!.wait_until)))).toBe(`${tomorrow} 09:00`)
      await db.execute({ sql: 'update payload_jobs set wait_until = ? where id = ?', args: [new Date(Date.now() - 1000).toISOString(), Number(jobs[0]!.id)] })
    } finally {
      db.close()
    }
    // The scheduled publish: live in both languages, on the site.
    await expect.poll(async () => (await draft('lt'))._status, { timeout: 60_000 }).toBe('published')
    const slugs = { lt: (await draft('lt')).slug, en: (await draft('en')).slug }
    const lPage = `${inst.siteUrl}/naujienos/${slugs.lt}/`
    const ePage = `${inst.siteUrl}/en/news/${slugs.en}/`
    await eventually('the scheduled article on the site in both languages', async () => (await status(lPage)) === 200 && (await status(ePage)) === 200, s!, 60_000)
    expect(await (await fetch(ePage)).text()).toContain(en.summary)
    // Publish a change: "Publish changes" in the edit view; the site follows.
    await p.goto(`${inst.cmsUrl}/admin/collections/news/${id}`)
    await p.waitForLoadState('networkidle').catch(() => {})
    await p.locator('#field-summary').fill('Mieste atidarytas naujas skveras su fontanu.')
    // Autosave keeps the change as a draft first; then there is something to publish.
    await expect.poll(async () => (await draft('lt')).summary, { timeout: 30_000 }).toContain('su fontanu')
    await p.getByRole('button', { name: 'Paskelbti pakeitimus' }).click()
    await eventually('the published change on the site', async () => (await (await fetch(lPage)).text()).includes('su fontanu'), s!, 60_000)
    await context.close()
  })

  it('staff: live preview follows autosave, shows a new draft once it has a title and a new image from the CMS, and says "published" after publishing', async () => {
    const editor = await loginAs(inst, 'editor')
    const { context } = await loopbackContext(browser, { locale: 'lt-LT' })
    for (const url of [inst.cmsUrl, inst.siteUrl]) await context.addCookies([{ name: 'payload-token', value: editor.replace(/^JWT /, ''), url }])
    const p = await context.newPage()
    const frame = p.frameLocator('#live-preview-iframe')
    const openPreview = async () => {
      await p.locator('#live-preview-toggler').waitFor()
      if (!(await p.locator('#live-preview-iframe').isVisible())) await p.locator('#live-preview-toggler').click()
      await p.locator('#live-preview-iframe').waitFor()
    }
    const stamp = Date.now()
    await p.goto(`${inst.cmsUrl}/admin/collections/news/create`)
    await p.waitForURL(/\/admin\/collections\/news\/\d+/, { timeout: 60_000 })
    const id = Number(/\/news\/(\d+)/.exec(p.url())![1])
    await p.waitForLoadState('networkidle').catch(() => {})
    await openPreview()
    // A new draft has nothing to show yet, and says so.
    await expect.poll(() => frame.locator('main').innerText(), { timeout: 30_000 }).toContain('Kol kas nėra ką parodyti')
    // Typing: autosave saves, the preview reloads with what the CMS now holds.
    await p.locator('#field-title').fill(`Peržiūros bandymas ${stamp}`)
    await p.locator('#field-summary').fill('Pirmoji santrauka.')
    await expect.poll(() => frame.locator('h1').innerText().catch(() => ''), { timeout: 45_000 }).toBe(`Peržiūros bandymas ${stamp}`)
    await p.locator('#field-title').fill(`Peržiūra atnaujinta ${stamp}`)
    await expect.poll(() => frame.locator('h1').innerText().catch(() => ''), { timeout: 45_000 }).toBe(`Peržiūra atnaujinta ${stamp}`)
    expect(await frame.locator('.preview-banner').innerText()).toContain('Tai juodraštis')
    // A new image (no live content uses it, so the site's build has no copy) shows from the CMS.
    const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: { r: 20, g: 90, b: 140 } } }).png().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `preview-${stamp}.png`)
    form.append('_payload', JSON.stringify({ alt: 'Naujo skvero planas' }))
    const upload = await fetch(`${inst.cmsUrl}/api/media?locale=lt`, { method: 'POST', headers: { authorization: editor }, body: form })
    expect(upload.status).toBe(201)
    const image = ((await upload.json()) as { doc: { id: number } }).doc.id
    const patch = await fetch(`${inst.cmsUrl}/api/news/${id}?draft=true&locale=lt`, { method: 'PATCH', headers: { authorization: editor, 'content-type': 'application/json' }, body: JSON.stringify({ heroImage: image }) })
    expect(patch.status).toBe(200)
    await p.reload()
    await p.waitForLoadState('networkidle').catch(() => {})
    await openPreview()
    const hero = frame.locator('img[alt="Naujo skvero planas"]').first()
    await hero.waitFor({ timeout: 30_000 })
    expect(await hero.getAttribute('src')).toMatch(new RegExp(`^${inst.cmsUrl}/api/media/file/`))
    await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0)
    // Publishing: the preview says it is the published version.
    await p.locator('#field-body, .rich-text-lexical [contenteditable="true"]').first().click()
    await p.keyboard.type('Skveras atviras visą parą.')
    await p.getByRole('button', { name: 'Paskelbti pakeitimus' }).click()
    await expect.poll(() => frame.locator('.preview-banner').innerText().catch(() => ''), { timeout: 45_000 }).toContain('Tai paskelbta versija')
    await context.close()
  })

  it('staff: the admin’s main views in Lithuanian under axe: nothing Atvira adds, and only the listed rules of Payload’s own interface', async () => {
    const editor = await loginAs(inst, 'editor')
    const firstId = async (collection: string) => {
      const res = await fetch(`${inst.cmsUrl}/api/${collection}?limit=1&depth=0&draft=true&sort=-updatedAt`, { headers: { authorization: editor } })
      return ((await res.json()) as { docs: { id: number }[] }).docs[0]?.id
    }
    const views = ['/admin', '/admin/collections/news', '/admin/collections/newsletter-runs', '/admin/collections/site-builds', '/admin/collections/redirects', '/admin/collections/consultation-responses']
    for (const c of ['news', 'guides', 'leaflets', 'handbook', 'services', 'consultations', 'pages', 'topics', 'alerts']) {
      const id = await firstId(c)
      expect(id, `a ${c} document to open`).toBeDefined()
      views.push(`/admin/collections/${c}/${id}`)
    }
    const { context } = await loopbackContext(browser, { locale: 'lt-LT' })
    await context.addCookies([{ name: 'payload-token', value: editor.replace(/^JWT /, ''), url: inst.cmsUrl }])
    const p = await context.newPage()
    const audit = await auditAdmin(p, inst.cmsUrl, views, async (view) => {
      // The dashboard's cards say what is in each collection, and their "create" buttons are named.
      if (view === '/admin') {
        expect(await p.locator('#card-news .atvira-card-count').innerText()).toMatch(/^Paskelbta: \d+ · juodraščiai: \d+$/)
        expect(await p.locator('#card-news a[aria-label^="Sukurti"]').getAttribute('aria-label')).not.toContain('[object Object]')
        expect(await p.locator('.atvira-overdue h2').innerText()).toMatch(/^Pasibaigęs peržiūros terminas \(\d+\)$/)
      }
      // The rich-text toolbar's icon buttons are named (and have tooltips) in the admin's language.
      if (view.startsWith('/admin/collections/news/')) {
        const names = await p.locator('.rich-text-lexical button[data-button-key], .rich-text-lexical button.toolbar-popup__dropdown').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''))
        expect(names.length, 'toolbar buttons').toBeGreaterThan(5)
        expect(names).toContain('Paryškinti')
        expect(names.filter((n) => n === '' || /dropdown/.test(n)), 'unnamed or English toolbar buttons').toEqual([])
      }
    })
    const { unexpected, seen } = audit
    console.log(`Admin under axe, by rule: ${byRule(audit, views.length)}`)
    await context.close()
    expect(unexpected, unexpected.join('\n')).toEqual([])
    // The list stays true: a rule Payload has fixed comes off it (and off the statement).
    expect(Object.keys(upstreamAdminViolations).filter((id) => !seen.has(id)), 'listed rules no view shows any more').toEqual([])
  })

  it('a response to an open consultation gets a receipt e-mail with its reference', async () => {
    const open = (await (await fetch(`${inst.cmsUrl}/api/consultations?where[status][equals]=open&locale=lt&depth=0&limit=1`)).json()) as {
      docs: { slug: string; title: string }[]
    }
    expect(open.docs.length, 'the demo city has an open consultation').toBe(1)
    const p = await page()
    await p.goto(`${inst.siteUrl}/konsultacijos/${open.docs[0]!.slug}/`)
    const form = p.locator('form', { has: p.locator('input[name=consultation]') })
    // Every question answered, as a resident who takes the time would.
    for (const text of await form.locator('textarea').all()) await text.fill('Pritariu, bet prašau daugiau suoliukų prie jūros.')
    for (const group of await form.locator('fieldset:has(input[name^=q_])').all()) await group.locator('input[name^=q_]').first().check()
    await form.locator('input[name=email]').fill(responder)
    await form.locator('input[name=receipt]').check()
    await form.locator('input[name=consent]').check()
    await form.locator('button[type=submit]').click()
    await p.waitForLoadState()
    expect(p.url(), await p.locator('main').innerText()).toMatch(/ref=/)
    const reference = new URL(p.url()).searchParams.get('ref')!
    expect(await p.content()).toContain(reference)
    const [receipt] = await mailTo(responder, 1, 'the response receipt')
    expect(receipt!.subject).toContain(reference)
    expect(receipt!.text).toContain(open.docs[0]!.title)
    await p.context().close()
  })

  it('after a restart the weekly digest arrives with what was published, and one click ends the subscription', async () => {
    const editor = await loginAs(inst, 'editor')
    const kept = await publishNews(editor, 'Prasideda paplūdimių tvarkymo talka')
    const withdrawn = await publishNews(editor, 'Klaidingai paskelbta žinutė')
    const res = await fetch(`${inst.cmsUrl}/api/news/${withdrawn.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: editor },
      body: JSON.stringify({ _status: 'draft' }),
    })
    expect(res.status).toBe(200)

    // Stop, and start again with the weekly digest due two minutes from now.
    await ctrlC(s!)
    expect(s!.output()).toContain('Stopped.')
    const due = new Date(Math.ceil((Date.now() + 120_000) / 60_000) * 60_000)
    const slot = localSlot(due)
    s = await npmStart(inst, { NEWSLETTER_WEEKLY_DAY: String(slot.weekday), NEWSLETTER_DAILY_AT: slot.time })

    // Waited for from its due time: the runner looks for due digests every 30 s, between jobs.
    const mails = await mailTo(resident, 3, `the weekly digest due at ${slot.time}`, Math.max(0, due.getTime() - Date.now()) + 150_000)
    const digest = mails[2]!
    expect(digest.subject).toMatch(/savaitės naujienos/)
    expect(digest.text).toContain('Prasideda paplūdimių tvarkymo talka')
    expect(digest.text, 'an unpublished article never reaches an e-mail').not.toContain('Klaidingai paskelbta')
    expect(digest.html).toContain(`${inst.siteUrl}/naujienos/${kept.slug}/`)

    // RFC 8058: the mail provider POSTs to the List-Unsubscribe URL, with no cookie and no Origin.
    const unsubscribe = /^List-Unsubscribe: <([^>]+)>/m.exec(head(sink.to(resident)[2]!.raw))?.[1] ?? ''
    expect(unsubscribe.startsWith(`${inst.siteUrl}/naujienlaiskis/`)).toBe(true)
    const oneClick = await fetch(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
      redirect: 'manual',
    })
    expect(oneClick.status).toBeLessThan(400)
    expect(await subscriber(resident)).toMatchObject({ status: 'unsubscribed' })
    // The preferences link of the same e-mail now says so instead of offering settings.
    const prefs = await (await fetch(linkIn(digest, `${inst.siteUrl}/naujienlaiskis/`))).text()
    expect(prefs).toContain('šiuo metu neaktyvi (atsisakyta)')
  })
})
