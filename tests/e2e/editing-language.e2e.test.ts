/**
 * The editing language in the built admin, in Chromium (lt-LT), as the editor
 * met it: after working in English, "Create new" opens in Lithuanian; an English-only
 * draft says which language is being edited and what Lithuanian lacks; publishing or
 * scheduling it is refused with the reason, and the schedule drawer opens on Publish;
 * a scheduled publish that fails anyway is shown on its document and on the dashboard.
 * One admin server (`next start`) on a real SQLite file, real HTTP; the job runner is
 * Payload's own (`payload.jobs.run`, as scripts/jobs.ts runs it) in this process, on
 * the same file; the scheduled time "comes" by making the job due now.
 */
import type { Payload } from 'payload'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fieldLabel, localeLabel } from '../../cms/plugins/editingLanguage/requirements'
import { buildCmsIfStale } from '../../scripts/lib/cmsBuild'
import { paragraph, startCms, type TestCms } from '../int/helpers'
import { AxeBuilder } from '@axe-core/playwright'

import { axeTags, choosePublishMenuItem, formatViolations, launchBrowser, loopbackContext } from './browser'
import { startAdminServer } from './server'

let cms: TestCms
let payload: Payload
let server: Awaited<ReturnType<typeof startAdminServer>>
let browser: Browser
let token: string
const password = 'a-long-editor-password'

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  await payload.create({ collection: 'users', data: { email: 'editor@language.test', password, name: 'Redaktorė', role: 'editor' }, overrideAccess: true })
  await payload.updateGlobal({ slug: 'settings', locale: 'lt', data: { cityName: 'Pajūris', _status: 'published' }, overrideAccess: true })
  await buildCmsIfStale()
  server = await startAdminServer({ ...process.env })
  const res = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@language.test', password }),
  })
  expect(res.status).toBe(200)
  token = ((await res.json()) as { token: string }).token
  browser = await launchBrowser()
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await cms?.close()
})

/** A signed-in editor's browser tab in Lithuanian, in the city's time zone; requests leave 127.0.0.1 never. */
async function editorTab(): Promise<{ page: Page; blocked: string[]; close: () => Promise<void> }> {
  const { context, blocked } = await loopbackContext(browser, { locale: 'lt-LT', timezoneId: 'Europe/Vilnius' })
  await context.addCookies([{ name: 'payload-token', value: token, url: server.url }])
  const page = await context.newPage()
  return { page, blocked, close: () => context.close() }
}

async function open(page: Page, path: string): Promise<void> {
  const res = await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' })
  expect(res?.status(), path).toBe(200)
}

/** The REST API as the editor (real HTTP). */
async function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

const text = (words: string) => paragraph(words) as never
/** A news field's name as the Lithuanian edit form shows it. */
const ltLabel = (name: string) => fieldLabel(payload.collections.news.config.fields.find((f) => 'name' in f && f.name === name) as never, 'lt')
const enLabel = (name: string) => fieldLabel(payload.collections.news.config.fields.find((f) => 'name' in f && f.name === name) as never, 'en')
/** What the locale selector calls a locale in an admin language. */
const selector = (code: string, lang: 'lt' | 'en') => localeLabel(payload.config, code, lang)
const required = () => ['title', 'summary', 'body'].map(ltLabel)
const languageNotice = (page: Page) => page.locator('.atvira-editing-language')
const errorToasts = (page: Page) => page.locator('[data-sonner-toast][data-type="error"]')
const successToasts = (page: Page) => page.locator('[data-sonner-toast][data-type="success"]')
const scheduleJobs = async (id: number) =>
  (await payload.find({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { 'input.doc.value': { equals: String(id) } }] }, depth: 0, overrideAccess: true })).docs as unknown as {
    id: number
    hasError?: boolean
    waitUntil?: string
    error?: { message?: string }
  }[]

/** WCAG 2.2 AA (axe) on what this feature adds to a page, nothing else of it. */
async function axeOn(page: Page, selector: string): Promise<string> {
  const result = await new AxeBuilder({ page }).include(selector).withTags(axeTags).analyze()
  expect(result.passes.length + result.incomplete.length, `axe found nothing of ${selector} to check`).toBeGreaterThan(0)
  return formatViolations(selector, result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) })))
}

/** Opens the schedule drawer from the Publish button's menu. */
async function openScheduleDrawer(page: Page): Promise<void> {
  await choosePublishMenuItem(page, '#schedule-publish')
  await page.locator('.schedule-publish').first().waitFor()
}

/** Picks tomorrow, 09:00 in the drawer's date picker, as an editor clicks it; returns the day as YYYY-MM-DD in Vilnius. */
async function pickTomorrowNine(page: Page): Promise<string> {
  const tomorrow = new Date(Date.now() + 86_400_000)
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vilnius', year: 'numeric', month: '2-digit', day: '2-digit' }).format(tomorrow)
  await page.locator('.schedule-publish__scheduler .date-time-picker__input-wrapper input').first().click()
  const dayNumber = String(Number(day.slice(8))).padStart(3, '0')
  await page.locator(`.react-datepicker__day--${dayNumber}:not(.react-datepicker__day--outside-month)`).first().click()
  await page.locator('.react-datepicker__time-list-item', { hasText: /^09:00$/ }).first().click()
  return day
}

describe('the editing language in the admin', { timeout: 300_000 }, () => {
  it('after working in English, "Create new" opens in Lithuanian, and says nothing about the language there', async () => {
    const article = await payload.create({ collection: 'news', locale: 'lt', data: { title: 'Išverstas straipsnis', summary: 'Santrauka.', body: text('Tekstas.'), _status: 'published' }, overrideAccess: true, context: { atviraSeeding: true } })
    await payload.update({ collection: 'news', id: article.id, locale: 'en', data: { title: 'Translated article', summary: 'Summary.', body: text('Text.'), _status: 'published' }, overrideAccess: true, context: { atviraSeeding: true } })
    const tab = await editorTab()
    try {
      const { page } = tab
      // Translating: the English version, named prominently.
      await open(page, `/admin/collections/news/${article.id}?locale=en`)
      await expect.poll(() => languageNotice(page).innerText()).toContain('Redaguojama: anglų kalba')
      expect(await languageNotice(page).innerText()).toContain('Tai ne pagrindinė svetainės kalba: svetainė kiekvieną puslapį pirmiausia rodo lietuvių kalba.')
      // Nothing is missing in Lithuanian: no such warning.
      expect(await languageNotice(page).innerText()).not.toContain('Dar neužpildyta')
      // Payload keeps English as this editor's language: the same article opens in English again.
      await open(page, `/admin/collections/news/${article.id}`)
      await expect.poll(() => languageNotice(page).count()).toBe(1)

      // "Create new" from the list opens in Lithuanian (Payload creates the autosaved
      // draft at once and moves on to its edit view).
      await open(page, '/admin/collections/news')
      const visited: string[] = []
      page.on('request', (r) => visited.push(r.url()))
      await page.locator('a[href$="/admin/collections/news/create"]').first().click()
      await page.waitForURL(/\/admin\/collections\/news\/\d+/)
      await page.locator('#field-title').waitFor()
      expect(visited.some((u) => u.includes('/admin/collections/news/create?locale=lt'))).toBe(true)
      expect(await page.locator('.localizer').first().innerText()).toContain(selector('lt', 'lt'))
      expect(await languageNotice(page).count()).toBe(0)
      // Typed straight into the address bar, too: sent on to the default language.
      const typed = await page.goto(`${server.url}/admin/collections/news/create`, { waitUntil: 'domcontentloaded' })
      let first = typed!.request()
      while (first.redirectedFrom()) first = first.redirectedFrom()!
      expect(first.redirectedTo()?.url()).toBe(`${server.url}/admin/collections/news/create?locale=lt`)
      await page.locator('#field-title').waitFor()
      expect(await languageNotice(page).count()).toBe(0)
      // And Lithuanian is the editor's language again: the article opens in Lithuanian.
      await open(page, `/admin/collections/news/${article.id}`)
      await page.locator('#field-title').waitFor()
      expect(await page.locator('#field-title').inputValue()).toBe('Išverstas straipsnis')
      expect(await languageNotice(page).count()).toBe(0)
      expect(tab.blocked).toEqual([])
    } finally {
      await tab.close()
    }
  })

  it('the sticky-language case: an English-only draft warns, and publishing and scheduling it are refused with the reason; nothing is silently queued', async () => {
    const created = await api('POST', '/news?locale=en&draft=true', { title: 'Lietuviškas tekstas angliškuose laukuose', summary: 'Santrauka.', body: text('Tekstas.'), _status: 'draft' })
    expect(created.status).toBe(201)
    const id = (created.json.doc as { id: number }).id
    const tab = await editorTab()
    try {
      const { page } = tab
      await open(page, `/admin/collections/news/${id}?locale=en`)
      await expect.poll(() => languageNotice(page).innerText()).toContain('Redaguojama: anglų kalba')
      expect(await axeOn(page, '.atvira-editing-notices')).toBe('')
      // The names the messages use are the ones the form shows.
      expect(await page.locator('label[for="field-title"]').innerText()).toContain(ltLabel('title'))
      expect(await languageNotice(page).innerText()).toContain(
        `Dar neužpildyta lietuvių kalba: ${required().join(', ')}. Juodraštį išsaugoti galima, bet paskelbti ar suplanuoti paskelbimą – tik užpildžius šiuos laukus.`,
      )

      // Publish: refused, with the fields named.
      await page.locator('#action-save').click()
      await expect
        .poll(() => errorToasts(page).allInnerTexts())
        .toContainEqual(
          `Paskelbti negalima, kol lietuvių kalba neužpildyti šie laukai (perjunkite kalbą į „${selector('lt', 'lt')}“, užpildykite juos ir skelbkite dar kartą) (3):\n${required().join('\n')}`,
        )
      expect((await payload.findByID({ collection: 'news', id, depth: 0, overrideAccess: true }))._status).toBe('draft')

      // Schedule: the drawer opens on Publish (the draft was never published) …
      await openScheduleDrawer(page)
      expect(await page.getByRole('radio', { name: 'Paskelbti', exact: true }).isChecked()).toBe(true)
      expect(await page.getByRole('radio', { name: 'Nebepublikuoti', exact: true }).isChecked()).toBe(false)
      // … and saving says why it cannot be scheduled, instead of "scheduled".
      await pickTomorrowNine(page)
      await page.locator('#scheduled-publish-save').click()
      await expect
        .poll(() => errorToasts(page).allInnerTexts())
        .toContainEqual(`Suplanuoti negalima, nes lietuvių kalba neužpildyti laukai: ${required().join(', ')}. Perjunkite kalbą į „${selector('lt', 'lt')}“, užpildykite juos ir suplanuokite dar kartą.`)
      expect(await successToasts(page).allInnerTexts()).not.toContainEqual(expect.stringContaining('Sėkmingai suplanuota'))
      expect(await page.locator('.schedule-publish__upcoming').innerText()).toContain('Nėra suplanuotų būsimų renginių.')
      expect(await scheduleJobs(id)).toEqual([])

      // The draft itself still saves in English.
      const saved = await api('PATCH', `/news/${id}?locale=en&draft=true`, { summary: 'Kita santrauka.' })
      expect(saved.status).toBe(200)
      expect(tab.blocked).toEqual([])
    } finally {
      await tab.close()
    }
  })

  it('a scheduled publish that fails at its time is shown on the document and on the dashboard, with a link', async () => {
    const created = await api('POST', '/news?locale=lt&draft=true', { title: 'Suplanuota naujiena', summary: 'Santrauka.', body: text('Tekstas.'), _status: 'draft' })
    expect(created.status).toBe(201)
    const id = (created.json.doc as { id: number }).id
    const tab = await editorTab()
    try {
      const { page } = tab
      await open(page, `/admin/collections/news/${id}`)
      await page.locator('#field-title').waitFor()
      await openScheduleDrawer(page)
      expect(await page.getByRole('radio', { name: 'Paskelbti', exact: true }).isChecked()).toBe(true)
      const day = await pickTomorrowNine(page)
      await page.locator('#scheduled-publish-save').click()
      await expect.poll(() => successToasts(page).allInnerTexts()).toContainEqual(expect.stringContaining('Sėkmingai suplanuota'))
      const [job] = await scheduleJobs(id)
      expect(job).toBeDefined()
      expect(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Vilnius', dateStyle: 'short', timeStyle: 'short' }).format(new Date(job!.waitUntil!))).toBe(`${day} 09:00`)

      // Before the time, someone empties the Lithuanian summary in a draft (drafts always save).
      expect((await api('PATCH', `/news/${id}?locale=lt&draft=true`, { summary: '' })).status).toBe(200)

      // The time comes (the job is made due now), and the job runner runs it: it fails.
      const due = new Date(Date.now() - 1000)
      await payload.update({ collection: 'payload-jobs', id: job!.id, data: { waitUntil: due.toISOString() }, overrideAccess: true })
      await payload.jobs.run({ queue: 'default' })
      const [failed] = await scheduleJobs(id)
      expect(failed?.hasError).toBe(true)
      expect(failed?.error?.message).toBe(`The following field is invalid: ${enLabel('summary')}`)
      expect((await payload.findByID({ collection: 'news', id, depth: 0, overrideAccess: true }))._status).toBe('draft')

      const at = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Vilnius', dateStyle: 'short', timeStyle: 'short' }).format(due)
      const expected = `Suplanuotas paskelbimas ${at} nepavyko. Neužpildyti laukai (lietuvių kalba): ${ltLabel('summary')}. Ištaisykite ir suplanuokite dar kartą.`
      // On the dashboard: listed, with a link to the document …
      await open(page, '/admin')
      const panel = page.locator('.atvira-failed-schedules')
      await panel.waitFor()
      expect(await panel.locator('h2').innerText()).toBe('Nepavykę suplanuoti paskelbimai')
      expect(await axeOn(page, '.atvira-failed-schedules')).toBe('')
      const item = panel.locator('li', { hasText: 'Suplanuota naujiena' })
      expect(await item.innerText()).toBe(`Suplanuota naujiena – ${expected}`)
      await item.getByRole('link', { name: 'Suplanuota naujiena' }).click()
      await page.waitForURL(new RegExp(`/admin/collections/news/${id}(\\?|$)`))
      // … and on the document itself.
      await expect.poll(() => page.locator('.atvira-schedule-failed').innerText()).toBe(expected)
      expect(await axeOn(page, '.atvira-editing-notices')).toBe('')
      expect(await page.locator('.atvira-schedule-failed').getAttribute('role')).toBe('alert')

      // Fixed and published: no longer a failure anywhere.
      expect((await api('PATCH', `/news/${id}?locale=lt`, { summary: 'Santrauka vėl.', _status: 'published' })).status).toBe(200)
      await open(page, '/admin')
      await page.locator('nav').first().waitFor()
      expect(await page.locator('.atvira-failed-schedules', { hasText: 'Suplanuota naujiena' }).count()).toBe(0)
      expect(tab.blocked).toEqual([])
    } finally {
      await tab.close()
    }
  })
})
