/**
 * A Ukrainian and a Greek city run the site in their own language: `ATVIRA_LOCALES=uk,en`
 * (Lviv) and `el,en` (an invented Greek municipality). Each is one small real build from
 * a content source of its own, served from its files on loopback: every page has the
 * right `lang`, passes html-validate, uses addresses in Latin letters, and its default
 * language's interface has no English or Lithuanian words left; the main pages pass axe.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { HtmlValidate, StaticConfigLoader } from 'html-validate'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../../cms/model/env'
import { consultationsCalendarPath, feedPath } from '../../cms/model/routes'
import { cityVars, t } from '../../cms/model/i18n'
import en from '../../cms/model/i18n/en.json'
import lt from '../../cms/model/i18n/lt.json'
import type { ContentSource, RawDoc } from '../../cms/model/source'
import type { Snapshot } from '../../cms/model/snapshot'
import { buildSnapshot } from '../../site/publisher/snapshot'
import { buildSite } from '../../site/publisher/siteBuild'
import { axeViolations, formatViolations, launchBrowser, loopbackContext } from './browser'
import { htmlValidateConfig } from '../support/htmlValidate'
import { serveStatic } from './staticServer'

const day = '2026-05-20T08:00:00.000Z'
const paragraph = (text: string) => ({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] }] } })

type City = {
  locale: 'uk' | 'el'
  /** The news item's date (2026-05-20) as the language writes it. */
  date: string
  name: string
  cases: { genitive: string; locative?: string }
  docs: Record<string, RawDoc[]>
  english: Record<string, RawDoc[]>
}

/** The same kinds of document in each city: a topic, news, a guide, a service, an answer, a consultation, a page. */
function docsOf(words: {
  topic: [string, string]
  news: [string, string, string, string]
  guide: [string, string, string, string, string]
  service: [string, string, string, string, string]
  answer: [string, string, string]
  consultation: [string, string, string, string]
  page: [string, string, string]
}): Record<string, RawDoc[]> {
  const base = { updatedAt: day, _status: 'published' as const }
  return {
    topics: [{ id: 3, name: words.topic[0], slug: words.topic[1], ...base }],
    news: [{ id: 7, title: words.news[0], slug: words.news[1], summary: words.news[2], body: paragraph(words.news[3]), publishedAt: day, topics: [3], ...base }],
    guides: [{ id: 11, title: words.guide[0], slug: words.guide[1], summary: words.guide[2], steps: [{ title: words.guide[3], body: paragraph(words.guide[4]) }], topics: [3], ...base }],
    services: [
      {
        id: 21,
        name: words.service[0],
        slug: words.service[1],
        description: words.service[2],
        phones: [{ number: words.service[3] }],
        openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '18:00' }],
        address: { street: words.service[4], postcode: '00000' },
        topics: [3],
        ...base,
      },
    ],
    handbook: [{ id: 31, question: words.answer[0], slug: words.answer[1], answer: paragraph(words.answer[2]), topic: 3, order: 1, ...base }],
    consultations: [
      {
        id: 41,
        title: words.consultation[0],
        slug: words.consultation[1],
        summary: words.consultation[2],
        body: paragraph(words.consultation[3]),
        opensAt: '2026-05-20T06:00:00.000Z',
        closesAt: '2026-06-20T20:59:00.000Z',
        status: 'open',
        topics: [3],
        ...base,
      },
    ],
    pages: [{ id: 51, title: words.page[0], slug: words.page[1], body: paragraph(words.page[2]), ...base }],
  }
}

const englishDocs = docsOf({
  topic: ['Transport', 'transport'],
  news: ['Bus timetable changes from 1 July', 'bus-timetable-changes', 'Routes 3 and 5 will run more often.', 'From 1 July buses on routes 3 and 5 run every 10 minutes at peak times.'],
  guide: ['How to get a resident parking permit', 'resident-parking-permit', 'Apply online or at the service centre.', 'Apply', 'Apply online or at the service centre.'],
  service: ['Administrative Services Centre', 'service-centre', 'Certificates, permits and registrations in one place.', '+380 32 000 0000', '1 Main Street'],
  answer: ['Where can I take old furniture?', 'old-furniture', 'Call the waste service to book a free collection.'],
  consultation: ['Draft cycle path network', 'cycle-paths', 'Tell us where cycle paths are needed.', 'The draft plan links the districts with the centre.'],
  page: ['About the city', 'about', 'The city council and its departments.'],
})

const cities: City[] = [
  {
    locale: 'uk',
    date: '20 травня 2026 р.',
    name: 'Львів',
    cases: { genitive: 'Львова', locative: 'Львові' },
    docs: docsOf({
      topic: ['Транспорт', 'transport'],
      news: ['Зміни в розкладі автобусів з 1 липня', 'zminy-v-rozkladi-avtobusiv', 'Маршрути № 3 і № 5 курсуватимуть частіше.', 'З 1 липня автобуси маршрутів № 3 і № 5 курсуватимуть кожні 10 хвилин у години пік.'],
      guide: ['Як отримати паркувальний дозвіл мешканця', 'parkuvalnyi-dozvil', 'Заяву можна подати онлайн або в центрі надання послуг.', 'Подайте заяву', 'Заяву можна подати онлайн або особисто в центрі надання адміністративних послуг.'],
      service: ['Центр надання адміністративних послуг', 'tsnap', 'Довідки, дозволи й реєстрація в одному місці.', '+380 32 000 0000', 'вул. Городоцька, 1'],
      answer: ['Куди вивезти старі меблі?', 'stari-mebli', 'Зателефонуйте до служби вивезення відходів і замовте безоплатне вивезення.'],
      consultation: ['Проєкт мережі велосипедних доріжок', 'velodorizhky', 'Підкажіть, де потрібні велодоріжки.', 'Проєкт поєднує райони міста з центром.'],
      page: ['Про місто', 'pro-misto', 'Міська рада та її департаменти.'],
    }),
    english: englishDocs,
  },
  {
    locale: 'el',
    date: '20 Μαΐου 2026',
    name: 'Ακρογιάλι',
    cases: { genitive: 'Ακρογιαλιού' },
    docs: docsOf({
      topic: ['Μεταφορές', 'metafores'],
      news: ['Αλλαγές στα δρομολόγια των λεωφορείων από 1η Ιουλίου', 'allages-dromologia-leoforeion', 'Οι γραμμές 3 και 5 θα περνούν πιο συχνά.', 'Από 1η Ιουλίου τα λεωφορεία των γραμμών 3 και 5 θα περνούν κάθε 10 λεπτά τις ώρες αιχμής.'],
      guide: ['Πώς θα εκδώσετε κάρτα στάθμευσης κατοίκου', 'karta-stathmefsis-katoikou', 'Η αίτηση υποβάλλεται ηλεκτρονικά ή στο ΚΕΠ.', 'Υποβάλετε αίτηση', 'Η αίτηση υποβάλλεται ηλεκτρονικά ή αυτοπροσώπως στο Κέντρο Εξυπηρέτησης Πολιτών.'],
      service: ['Κέντρο Εξυπηρέτησης Πολιτών', 'kep', 'Πιστοποιητικά, άδειες και εγγραφές σε ένα σημείο.', '+30 2310 000000', 'Οδός Θαλάσσης 1'],
      answer: ['Πού μπορώ να αφήσω τα παλιά έπιπλα;', 'palia-epipla', 'Καλέστε την υπηρεσία καθαριότητας για δωρεάν αποκομιδή ογκωδών αντικειμένων.'],
      consultation: ['Σχέδιο δικτύου ποδηλατοδρόμων', 'podilatodromoi', 'Πείτε μας πού χρειάζονται ποδηλατόδρομοι.', 'Το σχέδιο συνδέει τις γειτονιές με το κέντρο.'],
      page: ['Για τον δήμο', 'gia-ton-dimo', 'Το δημοτικό συμβούλιο και οι υπηρεσίες του.'],
    }),
    english: englishDocs,
  },
]

function sourceOf(city: City): ContentSource {
  return {
    name: `city-${city.locale}`,
    locales: () => ({ locales: [city.locale, 'en'], defaultLocale: city.locale }),
    published: async (collection, locale) => (locale === city.locale ? city.docs : city.english)[collection] ?? [],
    uploads: async () => [],
    settings: async (locale) =>
      locale === city.locale
        ? // No motto: the home page's description is the catalogue's, with the city declined.
          { cityName: city.name, cityNameCases: city.cases }
        : { cityName: city.name },
    responseFacts: async () => ({}),
    filePath: async (collection, filename) => path.join('/nonexistent', collection, filename),
    close: async () => {},
  }
}

function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
}

/**
 * Interface words of the other languages that must not show on the city's own pages:
 * English and Lithuanian values long enough to be words, not names or marks.
 */
function foreignWords(): string[] {
  const out = new Set<string>()
  for (const catalog of [en, lt] as Record<string, string>[]) {
    for (const [key, value] of Object.entries(catalog)) {
      if (key.startsWith('admin.') || key.startsWith('email.') || /\{\w+\}/.test(value)) continue
      if (value.length < 8) continue
      out.add(value)
    }
  }
  return [...out]
}

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

describe.each(cities)('the site of a city whose language is $locale ($name)', (city) => {
  const siteUrl = `https://www.city-${city.locale}.example`
  let dir = ''
  let client = ''
  let snapshot: Snapshot
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `atvira-${city.locale}-`))
    // The build imports packages by name: outside the repository only through a parent's node_modules.
    fs.symlinkSync(path.join(rootDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
    snapshot = await buildSnapshot(sourceOf(city), { siteUrl, timeZone: city.locale === 'uk' ? 'Europe/Kyiv' : 'Europe/Athens', now: new Date('2026-06-01T10:00:00Z') })
    const env = { ...process.env, SITE_URL: siteUrl, ATVIRA_LOCALES: `${city.locale},en` }
    await buildSite({ outDir: path.join(dir, 'site'), snapshotFile: path.join(dir, 'snapshot.json'), env, snapshot, log: () => {} })
    client = path.join(dir, 'site', 'client')
    server = await serveStatic(client)
  }, 300_000)

  afterAll(() => {
    server?.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  const pagePath = (file: string) => `/${path.relative(client, file).replace(/index\.html$/, '')}`
  const isEnglish = (p: string) => p === '/en/' || p.startsWith('/en/')

  it('every page says its language, in Latin-letter addresses, and passes html-validate', async () => {
    const files = htmlFiles(client)
    expect(files.length).toBeGreaterThan(15)
    const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig))
    const problems: string[] = []
    for (const file of files) {
      const p = pagePath(file)
      const html = fs.readFileSync(file, 'utf8')
      const lang = /<html lang="([^"]+)"/.exec(html)?.[1]
      if (!p.startsWith('/404')) expect(lang, p).toBe(isEnglish(p) ? 'en' : city.locale)
      expect(p, 'an address in Latin letters').toMatch(/^[a-z0-9/.-]*$/)
      const result = await validator.validateString(html, p)
      for (const r of result.results) for (const m of r.messages) problems.push(`${p}: ${m.ruleId}: ${m.message}`)
    }
    expect(problems).toEqual([])
  })

  it('pairs each page with its English translation (hreflang) in the pages and the sitemap', () => {
    const news = snapshot.content[city.locale]!.docs.find((d) => d.collection === 'news')!
    expect(news.alternates.en).toMatch(/^\/en\//)
    const html = fs.readFileSync(path.join(client, news.url, 'index.html'), 'utf8')
    expect(html).toContain(`hreflang="${city.locale}" href="${siteUrl}${news.url}"`)
    expect(html).toContain(`hreflang="en" href="${siteUrl}${news.alternates.en}"`)
    expect(fs.readFileSync(path.join(client, 'sitemap-0.xml'), 'utf8')).toContain(`hreflang="${city.locale}"`)
  })

  it('reads in its own language: the city declined where the language needs it, and no English or Lithuanian interface words', async () => {
    const home = fs.readFileSync(path.join(client, 'index.html'), 'utf8')
    expect(home).toContain(`<h1 class="home-title">${t(city.locale, 'home.heading')}</h1>`)
    expect(home).toContain(t(city.locale, 'home.description', cityVars({ cityName: city.name, cityNameCases: city.cases })).replaceAll('"', '&quot;'))
    const news = snapshot.content[city.locale]!.docs.find((d) => d.collection === 'news')!
    expect(fs.readFileSync(path.join(client, news.url, 'index.html'), 'utf8')).toMatch(new RegExp(`<time[^>]*>${city.date.replace('.', '\\.')}</time>`))
    const { context } = await loopbackContext(browser, { javaScriptEnabled: false })
    try {
      const tab = await context.newPage()
      const foreign = foreignWords()
      const leftovers: string[] = []
      for (const file of htmlFiles(client).filter((f) => !isEnglish(pagePath(f)))) {
        await tab.goto(`${server!.url}${pagePath(file)}`)
        // What the page says in its own language: parts marked as another language (the
        // language switcher's "English") are that language's.
        const text = await tab.evaluate(() => {
          const body = document.body.cloneNode(true) as HTMLElement
          for (const el of Array.from(body.querySelectorAll('[lang]'))) if (el.getAttribute('lang') !== document.documentElement.lang) el.remove()
          // Structured data is for machines (schema.org's type names are English).
          for (const el of Array.from(body.querySelectorAll('script, style'))) el.remove()
          return `${document.title}\n${body.innerText}`
        })
        for (const word of foreign) if (text.includes(word)) leftovers.push(`${pagePath(file)}: "${word}"`)
      }
      expect(leftovers).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('its news feed and consultations calendar speak the language too', () => {
    const vars = cityVars({ cityName: city.name, cityNameCases: city.cases })
    const ctx = { defaultLocale: city.locale }
    const rss = fs.readFileSync(path.join(client, feedPath(city.locale, ctx)), 'utf8')
    expect(rss).toContain(`<title>${t(city.locale, 'feed.title', vars)}</title>`)
    expect(rss).toContain(city.docs.news![0]!.title as string)
    expect(rss).toContain(`<language>${city.locale}</language>`)
    const ics = fs.readFileSync(path.join(client, consultationsCalendarPath(city.locale, ctx)), 'utf8').replace(/\r\n[ \t]/g, '')
    expect(ics).toContain(`X-WR-CALNAME:${t(city.locale, 'calendar.name', vars)}`)
    expect(ics).toContain(t(city.locale, 'calendar.closes', { title: city.docs.consultations![0]!.title as string }))
  })

  it('passes axe (WCAG 2.2 AA) on its home, news, guide, service, handbook and consultation pages', async () => {
    const { context, blocked } = await loopbackContext(browser)
    try {
      const tab = await context.newPage()
      const docs = snapshot.content[city.locale]!.docs
      const pages = ['/', ...['news', 'guides', 'services', 'handbook', 'consultations'].map((c) => docs.find((d) => d.collection === c)!.url)]
      for (const p of pages) {
        await tab.goto(`${server!.url}${p}`)
        const violations = await axeViolations(tab)
        expect(violations, formatViolations(p, violations)).toEqual([])
      }
      expect(blocked).toEqual([])
    } finally {
      await context.close()
    }
  })
})
