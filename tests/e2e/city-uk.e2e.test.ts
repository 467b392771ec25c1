/**
 * A Ukrainian city runs Atvira as its README says: `ATVIRA_LOCALES=uk,en npm start --
 * --content content/demo-uk` on a throwaway installation, mail through a real SMTP
 * server on loopback. Driven from outside only: a resident signs up in Ukrainian and
 * confirms from the e-mail that arrives; an editor of the city logs in to the admin, which
 * speaks Ukrainian, and its main views pass axe like the Lithuanian admin's.
 */
import type { ParsedMail } from 'mailparser'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { cityVars, t } from '../../cms/model/i18n'
import { messages } from '../../cms/security/messages'
import type { Sink } from '../int/smtpSink'
import { auditAdmin, byRule } from './adminAudit'
import { loopbackContext } from './browser'
import { database, demoLogin, eventually, loginAs, startMailedSystem, stopMailedSystem, type Installation, type Started } from './system'

const resident = `meshkanka.${Date.now()}@example.test`
const city = cityVars({ cityName: 'Ясноводськ', cityNameCases: { genitive: 'Ясноводська', locative: 'Ясноводську' } })
const uk = (key: Parameters<typeof t>[1], vars: Record<string, string | number> = {}) => t('uk', key, { ...city, ...vars })

let sink: Sink
let inst: Installation
let s: Started | undefined
let browser: Browser

async function mailTo(address: string, count: number, what: string): Promise<ParsedMail[]> {
  await eventually(`${count} e-mail(s) to ${address}: ${what}`, async () => sink.to(address).length >= count, s!, 180_000)
  return Promise.all(sink.to(address).map((r) => sink.parse(r)))
}

beforeAll(async () => {
  ;({ sink, inst, s, browser } = await startMailedSystem((mail) => ({ SMTP_URL: mail.url, ATVIRA_LOCALES: 'uk,en', SITE_BUILD_DEBOUNCE_MS: '300', JOBS_INTERVAL_MS: '300' }), ['--content', 'content/demo-uk']))
}, 900_000)

afterAll(() => stopMailedSystem({ sink, inst, s, browser }))

describe('a Ukrainian city through npm start (Ясноводськ)', { timeout: 600_000 }, () => {
  it('prints the city\'s own demo staff, and its site answers in Ukrainian', async () => {
    const editor = demoLogin(inst, 'editor')
    expect(editor.email).toBe('editor@yasnovodsk.example')
    expect(s!.output()).toContain(editor.email)
    const home = await (await fetch(`${inst.siteUrl}/`)).text()
    expect(home).toContain('<html lang="uk"')
    expect(home).toContain(uk('home.heading'))
  })

  it('a resident signs up on the home page in Ukrainian, gets the e-mail in Ukrainian from the city council, and confirms it', async () => {
    const { context } = await loopbackContext(browser, { javaScriptEnabled: false, locale: 'uk-UA' })
    const p = await context.newPage()
    await p.goto(`${inst.siteUrl}/`)
    const form = p.getByRole('region', { name: uk('newsletter.signupTitle') })
    await form.getByLabel(uk('newsletter.email')).fill(resident)
    await form.getByRole('radio', { name: uk('newsletter.frequency.daily') }).check()
    await form.getByLabel(uk('newsletter.consentLabel')).check()
    await Promise.all([p.waitForURL(/sent=1/), form.getByRole('button', { name: uk('newsletter.subscribe') }).click()])
    expect(await p.getByRole('status').innerText()).toContain(uk('newsletter.sent'))

    const [mail] = await mailTo(resident, 1, 'the confirmation')
    expect(mail!.subject).toBe(uk('email.confirm.subject'))
    expect(mail!.subject).toContain('Ясноводська')
    expect(mail!.from?.value[0]).toMatchObject({ name: 'Ясноводська міська рада', address: 'novyny@yasnovodsk.example' })
    expect(mail!.html).toMatch(/<html lang="uk"/)
    expect(mail!.text).toContain(uk('email.confirm.body'))
    const link = (mail!.text ?? '').split(/\s+/).find((w) => w.startsWith(`${inst.siteUrl}/rozsylka/`))
    expect(link, mail!.text).toBeDefined()

    await p.goto(link!)
    await p.getByRole('button', { name: uk('newsletter.confirmButton') }).click()
    expect(await p.getByRole('status').innerText()).toContain(uk('newsletter.confirmedTitle'))
    expect(await p.locator('html').getAttribute('lang')).toBe('uk')
    await context.close()
    const db = database(inst)
    try {
      const row = (await db.execute({ sql: 'select status, frequency, locale from subscribers where email = ?', args: [resident] })).rows[0]
      expect(row).toMatchObject({ status: 'confirmed', frequency: 'daily', locale: 'uk' })
    } finally {
      db.close()
    }
  })

  it('an editor logs in to the admin in Ukrainian; its main views pass axe as the Lithuanian admin does', async () => {
    const { context } = await loopbackContext(browser, { locale: 'uk-UA' })
    const p = await context.newPage()
    await p.goto(`${inst.cmsUrl}/admin/login`)
    expect(await p.locator('html').getAttribute('lang')).toBe('uk')
    const editor = demoLogin(inst, 'editor')
    // A wrong password is told in Ukrainian, with the one message that never says whether the account exists.
    await p.locator('#field-email').fill(editor.email)
    await p.locator('#field-password').fill(`${editor.password}-not`)
    await p.locator('button[type=submit]').click()
    await expect.poll(() => p.locator('.payload-toast-container').innerText().catch(() => ''), { timeout: 15_000 }).toContain(messages.loginFailed.uk)
    await p.locator('#field-password').fill(editor.password)
    await Promise.all([p.waitForURL(`${inst.cmsUrl}/admin`), p.locator('button[type=submit]').click()])
    await p.locator('#card-news .atvira-card-count').waitFor()
    const count = await p.locator('#card-news .atvira-card-count').innerText()
    expect(count).toMatch(new RegExp(`^${uk('admin.dashboard.count.published', { n: '\\d+' })} · ${uk('admin.dashboard.count.drafts', { n: '\\d+' })}$`))
    const text = await p.locator('body').innerText()
    expect(text).toContain('Новини')
    expect(text).not.toMatch(/\b(Dashboard|News|Services|Create new)\b/)

    const token = await loginAs(inst, 'editor')
    const firstId = async (collection: string) => {
      const res = await fetch(`${inst.cmsUrl}/api/${collection}?limit=1&depth=0&draft=true&sort=-updatedAt`, { headers: { authorization: token } })
      return ((await res.json()) as { docs: { id: number }[] }).docs[0]!.id
    }
    const views = ['/admin', '/admin/collections/news', `/admin/collections/news/${await firstId('news')}`, `/admin/collections/services/${await firstId('services')}`, `/admin/collections/consultations/${await firstId('consultations')}`]
    const audit = await auditAdmin(p, inst.cmsUrl, views, async (view) => {
      expect(await p.locator('html').getAttribute('lang'), view).toBe('uk')
    })
    console.log(`Ukrainian admin under axe, by rule: ${byRule(audit, views.length)}`)
    await context.close()
    expect(audit.unexpected, audit.unexpected.join('\n')).toEqual([])
  })
})
