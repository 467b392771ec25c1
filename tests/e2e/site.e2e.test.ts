/**
 * The public site as residents get it: the demo city built into static files and served
 * by the built node server on a loopback port. Checks what is published (and what must
 * never be), links, feeds and sitemap, HTML validity, weight, and — in Chromium — WCAG
 * 2.2 AA (axe), the skip link, pages without JavaScript and at 320 CSS px.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import { HtmlValidate, Parser, StaticConfigLoader, type HtmlElement } from 'html-validate'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../../cms/model/env'
import { t } from '../../cms/model/i18n'
import { consultationsCalendarPath, homePath, listPath, newsArchivePath, newsTopicPath, sectionPath, type RouteContext } from '../../cms/model/routes'
import type { Collection, ConsultationStatus, SiteDoc } from '../../cms/model/snapshot'
import { parseCalendar, wallClock } from '../support/ical'
import { axeViolations, formatViolations, launchBrowser, loopbackContext, type LoopbackContext } from './browser'
import { htmlValidateConfig } from '../support/htmlValidate'
import { movedSlugs, startSite, untranslatedSlug, withdrawnSlugs, type SiteFixture } from './site-fixture'

const locales = ['lt', 'en'] as const
type L = (typeof locales)[number]

const templates = [
  'home',
  'news list',
  'news archive (oldest page)',
  'news archive (newest page)',
  'news topic filter',
  'article',
  'guides list',
  'guide',
  'leaflets list',
  'leaflet',
  'handbook index',
  'handbook entry',
  'services list',
  'service',
  'consultations list',
  'consultation (upcoming)',
  'consultation (open)',
  'consultation (closed)',
  'consultation (outcome)',
  'topics list',
  'topic page',
  'generic page (accessibility statement)',
  'nested page',
  '404',
  'withdrawn page (410)',
] as const
type Template = (typeof templates)[number]
const cases = locales.flatMap((locale) => templates.map((template) => [locale, template] as [L, Template]))

let site: SiteFixture
let clientDir: string
let ctx: RouteContext
let browser: Browser
let js: LoopbackContext
let noJs: LoopbackContext
let narrow: LoopbackContext
/** A phone (375 × 667 CSS px, the smallest common iPhone), JavaScript off. */
let phone: LoopbackContext
let page: Page
let noJsPage: Page
let narrowPage: Page
let phonePage: Page
/** Sub-resources that failed on loopback (status ≥ 400), page → URL. */
const failedResources: string[] = []
let parser: Parser
const parsed = new Map<string, HtmlElement>()

beforeAll(async () => {
  const started = Date.now()
  site = await startSite()
  console.log(`site built and served in ${Math.round((Date.now() - started) / 1000)} s at ${site.baseUrl}`)
  clientDir = path.join(site.outDir, 'client')
  ctx = { defaultLocale: site.snapshot.defaultLocale }
  parser = new Parser(await new StaticConfigLoader(htmlValidateConfig).getConfigFor('index.html'))

  browser = await launchBrowser()
  js = await loopbackContext(browser, { viewport: { width: 1280, height: 900 } })
  noJs = await loopbackContext(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
  narrow = await loopbackContext(browser, { viewport: { width: 320, height: 800 } })
  phone = await loopbackContext(browser, { viewport: { width: 375, height: 667 }, javaScriptEnabled: false, isMobile: true, hasTouch: true })
  for (const c of [js, noJs, narrow, phone]) {
    c.context.on('response', (res) => {
      const req = res.request()
      // The 404 and withdrawn pages answer 404 and 410 on purpose.
      if (res.status() >= 400 && !(req.isNavigationRequest() && (res.status() === 404 || res.status() === 410))) {
        failedResources.push(`${res.status()} ${res.url()} (from ${req.frame().url()})`)
      }
    })
  }
  page = await js.context.newPage()
  noJsPage = await noJs.context.newPage()
  narrowPage = await narrow.context.newPage()
  phonePage = await phone.context.newPage()
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

// ── helpers ─────────────────────────────────────────────────────────────────────────

function walk(dir: string): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...walk(abs))
    else out.push(abs)
  }
  return out.sort()
}

const htmlFiles = () => walk(clientDir).filter((f) => f.endsWith('.html'))
const rel = (file: string) => path.relative(clientDir, file)

function decodeEntities(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(quot|apos|lt|gt|nbsp|amp);/g, (_, name: string) => ({ quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0', amp: '&' })[name]!)
}

function parse(file: string): HtmlElement {
  let root = parsed.get(file)
  if (!root) {
    root = parser.parseHtml(fs.readFileSync(file, 'utf8'))
    parsed.set(file, root)
  }
  return root
}

/** The file the server sends for a site path, or null. */
function fileFor(urlPath: string): string | null {
  let p: string
  try {
    p = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const abs = path.join(clientDir, p)
  if (!abs.startsWith(clientDir)) return null
  if (p.endsWith('/')) return fs.existsSync(path.join(abs, 'index.html')) ? path.join(abs, 'index.html') : null
  if (fs.existsSync(abs) && fs.statSync(abs).isFile()) return abs
  if (fs.existsSync(path.join(abs, 'index.html'))) return path.join(abs, 'index.html')
  return null
}

/** Site path of a built HTML file: `client/en/news/index.html` → `/en/news/`. */
function pathOf(file: string): string {
  const r = rel(file).split(path.sep).join('/')
  return r.endsWith('index.html') ? `/${r.slice(0, -'index.html'.length)}` : `/${r}`
}

function docs<C extends Collection>(locale: L, collection: C): Extract<SiteDoc, { collection: C }>[] {
  const c = site.snapshot.content[locale]
  if (!c) throw new Error(`the snapshot has no "${locale}" content`)
  return c.docs.filter((d): d is Extract<SiteDoc, { collection: C }> => d.collection === collection)
}

/** The same document in another locale (by id). */
function sameDoc<C extends Collection>(locale: L, collection: C, id: string): Extract<SiteDoc, { collection: C }> {
  const d = docs(locale, collection).find((x) => x.id === id)
  if (!d) throw new Error(`${collection} ${id} is not in the "${locale}" snapshot`)
  return d
}

function pick<C extends Collection>(collection: C, test: (d: Extract<SiteDoc, { collection: C }>) => boolean, what: string) {
  const d = docs('lt', collection).find((x) => x.id !== site.markers.publishedId && test(x) && x.alternates.en !== undefined)
  if (!d) throw new Error(`the demo content has no ${what} in both languages`)
  return d.id
}

const chosen = new Map<string, string>()
function choose<C extends Collection>(key: string, collection: C, test: (d: Extract<SiteDoc, { collection: C }>) => boolean) {
  if (!chosen.has(key)) chosen.set(key, pick(collection, test, key))
  return chosen.get(key)!
}

/** One page of every template, in a locale. */
function pathFor(template: Template, locale: L): string {
  const url = <C extends Collection>(collection: C, key: string, test: (d: Extract<SiteDoc, { collection: C }>) => boolean = () => true) =>
    sameDoc(locale, collection, choose(key, collection, test)).url
  const status = (s: ConsultationStatus) => url('consultations', `consultation ${s}`, (d) => d.status === s)
  switch (template) {
    case 'home':
      return homePath(locale, ctx)
    case 'news list':
      return listPath('news', locale, 1, ctx)
    case 'news archive (oldest page)':
      return newsArchivePath(locale, 1, ctx)
    case 'news archive (newest page)': {
      const count = Math.ceil((docs(locale, 'news').length - 10) / 10)
      if (count < 2) throw new Error(`the demo content needs at least 30 news in "${locale}" for two archive pages`)
      return newsArchivePath(locale, count, ctx)
    }
    case 'news topic filter': {
      const article = sameDoc(locale, 'news', choose('news with a topic', 'news', (d) => d.topics.length > 0))
      return newsTopicPath(locale, article.topics[0]!.slug, 1, ctx)
    }
    case 'article':
      return articlePath(locale)
    case 'guides list':
      return sectionPath('guides', locale, ctx)
    case 'guide':
      return url('guides', 'guide', (d) => d.steps.length > 0)
    case 'leaflets list':
      return sectionPath('leaflets', locale, ctx)
    case 'leaflet':
      return url('leaflets', 'leaflet with a PDF', (d) => d.pdf !== undefined)
    case 'handbook index':
      return sectionPath('handbook', locale, ctx)
    case 'handbook entry':
      return url('handbook', 'handbook entry')
    case 'services list':
      return sectionPath('services', locale, ctx)
    case 'service':
      return url('services', 'service with phones and hours', (d) => d.phones.length > 0 && d.hours.some((h) => h.ranges.length > 0))
    case 'consultations list':
      return sectionPath('consultations', locale, ctx)
    case 'consultation (upcoming)':
      return status('upcoming')
    case 'consultation (open)':
      return status('open')
    case 'consultation (closed)':
      return status('closed')
    case 'consultation (outcome)':
      return status('outcome')
    case 'topics list':
      return sectionPath('topics', locale, ctx)
    case 'topic page':
      return url('topics', 'topic')
    case 'generic page (accessibility statement)':
      return url('pages', 'accessibility statement', (d) => d.slug === 'prieinamumas' || /prieinamum/i.test(d.title))
    case 'nested page':
      return url('pages', 'nested page', (d) => d.parentId !== undefined)
    case '404':
      return `${homePath(locale, ctx)}no-such-page-e2e/`
    case 'withdrawn page (410)':
      return `${sectionPath('news', locale, ctx)}${withdrawnSlugs[locale as 'lt' | 'en']}/`
  }
}

/** A typical article: translated, with a hero image and related items when the demo has one. */
function articlePath(locale: L): string {
  const id = chosen.get('article') ?? (() => {
    let found: string
    try {
      found = pick('news', (d) => d.hero !== undefined && d.related.length > 0, 'article')
    } catch {
      found = pick('news', () => true, 'article')
    }
    chosen.set('article', found)
    return found
  })()
  return sameDoc(locale, 'news', id).url
}

async function open(p: Page, urlPath: string, expectStatus = 200) {
  const res = await p.goto(`${site.baseUrl}${urlPath}`, { waitUntil: 'load' })
  expect(res?.status(), `HTTP status of ${urlPath}`).toBe(expectStatus)
  return res!
}

const statusOf = (template: Template) => (template === '404' ? 404 : template === 'withdrawn page (410)' ? 410 : 200)

/** Script elements other than JSON-LD in an HTML string. */
function scriptsIn(html: string): string[] {
  const root = parser.parseHtml(html)
  return root
    .querySelectorAll('script')
    .filter((s) => s.getAttributeValue('type') !== 'application/ld+json')
    .map((s) => `<script${s.getAttributeValue('src') ? ` src="${s.getAttributeValue('src')}"` : ''}${s.getAttributeValue('type') ? ` type="${s.getAttributeValue('type')}"` : ''}>`)
}

function report(problems: string[], limit = 40): string {
  return `${problems.length} problem(s):\n${problems.slice(0, limit).join('\n')}${problems.length > limit ? `\n… and ${problems.length - limit} more` : ''}`
}

/** Fails with the first problems listed (a count, not a 300-line diff). */
function expectNone(problems: string[], what: string, limit = 40) {
  expect(problems.length, `${what}: ${report(problems, limit)}`).toBe(0)
}

// ── the static output ───────────────────────────────────────────────────────────────

describe('what is published', () => {
  it('has a page with its title for every published document, in both languages', () => {
    const problems: string[] = []
    for (const locale of locales) {
      // An empty snapshot would make the loop below pass without checking anything.
      expect(site.snapshot.content[locale]?.docs.length ?? 0).toBeGreaterThan(100)
      for (const doc of site.snapshot.content[locale]?.docs ?? []) {
        const file = path.join(clientDir, doc.url, 'index.html')
        if (!fs.existsSync(file)) {
          problems.push(`${locale} ${doc.collection} "${doc.title}": no ${rel(file)}`)
          continue
        }
        if (!decodeEntities(fs.readFileSync(file, 'utf8')).includes(doc.title)) {
          problems.push(`${locale} ${doc.collection} "${doc.title}": ${rel(file)} does not contain the title`)
        }
      }
    }
    expectNone(problems, 'documents without their page')
  })

  it('has every document of the demo content in both lt and en', () => {
    const content = path.join(rootDir, 'content')
    const published = (folder: string) =>
      fs
        .readdirSync(path.join(content, folder))
        .filter((f) => f.endsWith('.json'))
        .filter((f) => JSON.parse(fs.readFileSync(path.join(content, folder, f), 'utf8'))._status !== 'draft').length
    const expected: Record<Exclude<Collection, 'topics'>, number> = {
      // + the articles the fixture published in both languages (one of them renamed)
      news: published('news') + 2,
      guides: published('guides'),
      leaflets: published('leaflets'),
      handbook: published('handbook'),
      services: published('services'),
      consultations: published('consultations'),
      pages: published('pages'),
    }
    const counts = (locale: L) => {
      const out: Record<string, number> = {}
      for (const d of site.snapshot.content[locale]?.docs ?? []) out[d.collection] = (out[d.collection] ?? 0) + 1
      return out
    }
    const lt = counts('lt')
    const en = counts('en')
    const topics = (JSON.parse(fs.readFileSync(path.join(content, 'topics.json'), 'utf8')) as unknown[]).length
    // + the fixture's article in Lithuanian only
    expect(lt).toEqual({ ...expected, news: expected.news + 1, topics })
    expect(en).toEqual({ ...expected, topics })
    for (const n of Object.values(lt)) expect(n).toBeGreaterThan(0)
  })

  it('never shows a draft or an unpublished edit, anywhere in the output', () => {
    const { draft, unpublishedChange, publishedTitle } = site.markers
    // Lower case too: a slug made from the title would be.
    const needles = [draft, unpublishedChange].map((m) => m.toLowerCase())
    const leaks: string[] = []
    let foundPublished = 0
    // The whole output (the server's bundle and data too), and the snapshot it came from.
    const files = walk(site.outDir)
    for (const file of [...files, site.snapshotFile]) {
      const bytes = fs.readFileSync(file)
      const text = bytes.toString('utf8')
      const lower = text.toLowerCase()
      for (const needle of needles) if (lower.includes(needle)) leaks.push(`${path.relative(site.outDir, file)}: ${needle}`)
      if (decodeEntities(text).includes(publishedTitle)) foundPublished++
    }
    expectNone(leaks, 'unpublished text in the output')
    // The walk sees real content: the live title of the edited article is there.
    expect(foundPublished).toBeGreaterThan(0)
    expect(files.some((f) => f.endsWith('.xml'))).toBe(true)
    const page = path.join(clientDir, sameDoc('lt', 'news', site.markers.publishedId).url, 'index.html')
    expect(decodeEntities(fs.readFileSync(page, 'utf8'))).toContain(publishedTitle)
  })
})

describe('links', () => {
  it('has no broken internal link, image, stylesheet or anchor', async () => {
    const siteHost = new URL(site.siteUrl).host
    const problems: string[] = []
    const idsCache = new Map<string, Set<string>>()
    const idsOf = (file: string) => {
      let ids = idsCache.get(file)
      if (!ids) {
        ids = new Set(parse(file).querySelectorAll('[id]').map((e) => e.id!))
        idsCache.set(file, ids)
      }
      return ids
    }
    const onDemand = new Map<string, number>()
    let checked = 0
    for (const file of htmlFiles()) {
      const base = new URL(pathOf(file) === '/404.html' ? '/' : pathOf(file), site.siteUrl)
      const root = parse(file)
      const refs: { attr: string; value: string; tag: string }[] = []
      for (const el of root.querySelectorAll('[href], [src], [srcset], [poster], meta[content]')) {
        for (const attr of ['href', 'src', 'poster']) {
          const v = el.getAttributeValue(attr)
          if (v !== null) refs.push({ attr, value: v, tag: el.tagName })
        }
        const srcset = el.getAttributeValue('srcset')
        if (srcset) {
          for (const candidate of srcset.split(',')) {
            const u = candidate.trim().split(/\s+/)[0]
            if (u) refs.push({ attr: 'srcset', value: u, tag: el.tagName })
          }
        }
        if (el.tagName === 'meta' && /^(og:image|og:url|twitter:image)$/.test(el.getAttributeValue('property') ?? el.getAttributeValue('name') ?? '')) {
          refs.push({ attr: 'content', value: el.getAttributeValue('content') ?? '', tag: 'meta' })
        }
      }
      for (const ref of refs) {
        // Attribute values as written (`&amp;` in a query): the address a browser follows is decoded.
        const raw = decodeEntities(ref.value.trim())
        if (raw === '') {
          problems.push(`${rel(file)}: <${ref.tag} ${ref.attr}=""> is empty`)
          continue
        }
        if (raw === '#') continue
        let url: URL
        try {
          url = new URL(raw, base)
        } catch {
          problems.push(`${rel(file)}: <${ref.tag} ${ref.attr}="${raw}"> is not a valid URL`)
          continue
        }
        if (url.protocol === 'mailto:' || url.protocol === 'tel:' || url.protocol === 'data:') continue
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
          problems.push(`${rel(file)}: <${ref.tag} ${ref.attr}="${raw}"> has an unexpected scheme`)
          continue
        }
        if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') {
          // Absolute URLs must use SITE_URL, never a development address.
          problems.push(`${rel(file)}: <${ref.tag} ${ref.attr}="${raw}"> points at a local address instead of ${site.siteUrl}`)
          continue
        }
        if (url.host !== siteHost) continue
        checked++
        const target = raw.startsWith('#') ? file : fileFor(url.pathname)
        if (!target) {
          // Not a file: it may still be an on-demand route of the built server.
          const key = `${url.pathname}${url.search}`
          if (!onDemand.has(key)) {
            const res = await fetch(`${site.baseUrl}${key}`, { redirect: 'manual' }).catch(() => null)
            onDemand.set(key, res?.status ?? 0)
          }
          if (onDemand.get(key) !== 200) {
            problems.push(`${rel(file)}: <${ref.tag} ${ref.attr}="${raw}"> → ${url.pathname} does not exist (server: ${onDemand.get(key)})`)
          }
          continue
        }
        if (url.hash && url.hash !== '#' && target.endsWith('.html')) {
          const id = decodeURIComponent(url.hash.slice(1))
          // `#top` scrolls to the top even without such an element (HTML spec).
          if (!idsOf(target).has(id) && id.toLowerCase() !== 'top') {
            problems.push(`${rel(file)}: <${ref.tag} ${ref.attr}="${raw}"> → no id="${id}" in ${rel(target)}`)
          }
        }
      }
    }
    expectNone(problems, 'broken links')
    expect(checked).toBeGreaterThan(100)
  }, 120_000)
})

describe('feeds and sitemap', () => {
  /** Well-formedness checked by Chromium's XML parser; returns what the callback extracts. */
  async function parseXml(file: string): Promise<{ error?: string; root: string; items: { loc?: string; alternates: Record<string, string>; link?: string; title?: string }[] }> {
    const xml = fs.readFileSync(file, 'utf8')
    return page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml')
      const err = doc.getElementsByTagName('parsererror')[0]
      if (err) return { error: err.textContent ?? 'parse error', root: '', items: [] }
      const root = doc.documentElement
      const text = (el: Element, name: string) => {
        const c = Array.from(el.children).find((x) => x.localName === name)
        return c?.textContent?.trim() || undefined
      }
      const items = Array.from(root.getElementsByTagName('*'))
        .filter((e) => ['url', 'sitemap', 'item'].includes(e.localName))
        .map((e) => {
          const alternates: Record<string, string> = {}
          for (const l of Array.from(e.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link'))) {
            const lang = l.getAttribute('hreflang')
            if (lang && l.getAttribute('rel') === 'alternate') alternates[lang] = l.getAttribute('href') ?? ''
          }
          return { loc: text(e, 'loc'), link: text(e, 'link'), title: text(e, 'title'), alternates }
        })
      return { root: root.localName, items }
    }, xml)
  }

  beforeAll(async () => {
    await open(page, homePath('lt', ctx))
  })

  it.each(['/rss.xml', '/en/rss.xml'])('%s is a well-formed RSS feed of the news in its language', async (feed) => {
    const file = fileFor(feed)
    expect(file, `${feed} exists`).toBeTruthy()
    const res = await parseXml(file!)
    expect(res.error).toBeUndefined()
    expect(res.root).toBe('rss')
    expect(res.items.length).toBeGreaterThan(5)
    for (const item of res.items) {
      expect(item.title).toBeTruthy()
      const link = new URL(item.link ?? '', site.siteUrl)
      expect(link.origin).toBe(new URL(site.siteUrl).origin)
      expect(link.pathname.startsWith('/en/'), item.link).toBe(feed.startsWith('/en/'))
      expect(fileFor(link.pathname), `${item.link} exists`).toBeTruthy()
    }
  })

  it('the sitemap parses and links the lt and en versions of a translated article', async () => {
    const index = fileFor('/sitemap-index.xml')
    expect(index, '/sitemap-index.xml exists').toBeTruthy()
    const idx = await parseXml(index!)
    expect(idx.error).toBeUndefined()
    expect(idx.root).toBe('sitemapindex')
    expect(idx.items.length).toBeGreaterThan(0)
    const urls: { loc?: string; alternates: Record<string, string> }[] = []
    for (const s of idx.items) {
      const sitemapPath = new URL(s.loc ?? '', site.siteUrl).pathname
      const file = fileFor(sitemapPath)
      expect(file, `${s.loc} exists`).toBeTruthy()
      const map = await parseXml(file!)
      expect(map.error, s.loc).toBeUndefined()
      expect(map.root).toBe('urlset')
      urls.push(...map.items)
    }
    const abs = (p: string) => new URL(p, site.siteUrl).toString()
    const article = docs('lt', 'news').find((d) => d.alternates.en && d.alternates.en !== d.url && d.id !== site.markers.publishedId)
    expect(article, 'a translated demo article').toBeTruthy()
    const entry = urls.find((u) => u.loc === abs(article!.url))
    expect(entry, `${abs(article!.url)} is in the sitemap`).toBeTruthy()
    expect(entry!.alternates.lt).toBe(abs(article!.url))
    expect(entry!.alternates.en).toBe(abs(article!.alternates.en!))
    expect(entry!.alternates.lt).not.toBe(entry!.alternates.en)
    const enEntry = urls.find((u) => u.loc === abs(article!.alternates.en!))
    expect(enEntry?.alternates, 'the English page is listed with the same alternates').toEqual(entry!.alternates)
  })

  it('the sitemap lists every document page', async () => {
    const idx = await parseXml(fileFor('/sitemap-index.xml')!)
    const locs = new Set<string>()
    for (const s of idx.items) {
      const file = fileFor(new URL(s.loc ?? '', site.siteUrl).pathname)
      if (file) for (const u of (await parseXml(file)).items) if (u.loc) locs.add(u.loc)
    }
    const missing = locales.flatMap((l) =>
      (site.snapshot.content[l]?.docs ?? []).map((d) => new URL(d.url, site.siteUrl).toString()).filter((u) => !locs.has(u)),
    )
    expectNone(missing, 'document pages missing from the sitemap')
  })
})

describe('consultations calendar (iCal)', () => {
  const summaries = { lt: ['Prasideda konsultacija: ', 'Baigiasi konsultacija: '], en: ['Consultation opens: ', 'Consultation closes: '] } as const

  it.each(locales)('%s: the feed parses and has an opening and a closing event per consultation, at the right times in Vilnius', async (locale) => {
    expect(site.snapshot.timeZone).toBe('Europe/Vilnius')
    const feedPath = consultationsCalendarPath(locale, ctx)
    expect(feedPath).toBe(locale === 'lt' ? '/konsultacijos/kalendorius.ics' : '/en/consultations/calendar.ics')
    const res = await fetch(`${site.baseUrl}${feedPath}`)
    expect(res.status, `${feedPath} is served`).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar\b/)
    const text = await res.text()
    expect(text).toBe(fs.readFileSync(fileFor(feedPath)!, 'utf8'))
    const cal = parseCalendar(text)
    const consultations = docs(locale, 'consultations')
    expect(consultations.length, 'demo consultations').toBeGreaterThanOrEqual(4)
    expect(cal.events).toHaveLength(consultations.length * 2)
    const [opens, closes] = summaries[locale]
    for (const c of consultations) {
      const link = new URL(c.url, site.siteUrl).toString()
      const own = cal.events.filter((e) => e.url === link)
      expect(own.map((e) => e.summary).sort(), c.url).toEqual([`${closes}${c.title}`, `${opens}${c.title}`])
      for (const [kind, at] of [[opens, c.opensAt], [closes, c.closesAt]] as const) {
        const e = own.find((x) => x.summary.startsWith(kind))!
        // The very instant (iCalendar counts whole seconds; demo dates carry milliseconds),
        // in UTC, and so the same wall-clock time in Vilnius.
        expect(e.start.getTime(), `${e.summary} starts at ${at}`).toBe(Math.floor(Date.parse(at) / 1000) * 1000)
        expect(e.startZone).toBe('UTC')
        expect(wallClock(e.start, 'Europe/Vilnius')).toBe(wallClock(new Date(at), 'Europe/Vilnius'))
        expect(e.description).toContain(link)
        if (c.summary) expect(e.description).toContain(c.summary)
        if (locale === 'lt') {
          // The description states the Vilnius time with its offset (UTC+2 in winter, +3 in summer).
          const instant = new Date(at)
          const wall = wallClock(instant, 'Europe/Vilnius')
          const offsetHours = (Date.parse(`${wall.replace(' ', 'T')}:00Z`) - Math.floor(instant.getTime() / 60_000) * 60_000) / 3_600_000
          expect([2, 3]).toContain(offsetHours)
          expect(e.description.replace(/[\u00a0\u202f]/g, ' ')).toContain(`${wall.slice(11)} (GMT+${offsetHours})`)
        }
      }
      expect(fileFor(c.url), `${c.url} exists`).toBeTruthy()
    }
    expect(new Set(cal.events.map((e) => e.uid)).size).toBe(cal.events.length)
  })

  it('the two languages have their own UIDs and their own titles', async () => {
    const read = (l: L) => parseCalendar(fs.readFileSync(fileFor(consultationsCalendarPath(l, ctx))!, 'utf8'))
    const [lt, en] = [read('lt'), read('en')]
    const ltUids = new Set(lt.events.map((e) => e.uid))
    expect(en.events.some((e) => ltUids.has(e.uid))).toBe(false)
    expect(lt.name).toMatch(/konsultacijos$/)
    expect(en.name).toMatch(/consultations$/)
    const translated = docs('lt', 'consultations').find((c) => {
      const other = docs('en', 'consultations').find((x) => x.id === c.id)
      return other && other.title !== c.title && !other.fallbackFields.includes('title')
    })
    expect(translated, 'a demo consultation with an English title').toBeTruthy()
    const enTitle = sameDoc('en', 'consultations', translated!.id).title
    expect(en.events.some((e) => e.summary === `Consultation opens: ${enTitle}`)).toBe(true)
    expect(lt.events.some((e) => e.summary.includes(enTitle))).toBe(false)
  })

  it.each(locales)('%s: the consultations list links to the feed; the sitemap does not list it', (locale) => {
    const feedPath = consultationsCalendarPath(locale, ctx)
    const list = parse(fileFor(sectionPath('consultations', locale, ctx))!)
    const link = list.querySelectorAll('main a').find((a) => a.getAttributeValue('href') === feedPath)
    expect(link, `a link to ${feedPath}`).toBeTruthy()
    expect(link!.getAttributeValue('type')).toBe('text/calendar')
    expect(link!.textContent.trim()).toMatch(locale === 'lt' ? /kalendori/ : /calendar/)
    for (const file of walk(clientDir).filter((f) => /sitemap.*\.xml$/.test(f))) {
      expect(fs.readFileSync(file, 'utf8'), rel(file)).not.toContain('.ics')
    }
  })
})

/**
 * fetch, again once if a kept-alive connection was closed by the server just as it was
 * reused (undici's "other side closed" after the long html-validate test left it idle).
 */
async function fetchOnce(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error
    return fetch(url, init)
  }
}

describe('HTML', () => {
  it('every built page passes html-validate (recommended)', async () => {
    const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig))
    const problems: string[] = []
    // The same template error repeats on every page built from it: group them.
    const groups = new Map<string, { count: number; example: string }>()
    const files = htmlFiles()
    expect(files.length).toBeGreaterThan(50)
    for (const file of files) {
      const result = await validator.validateString(fs.readFileSync(file, 'utf8'), file)
      for (const r of result.results) {
        for (const m of r.messages) {
          if (m.severity < 2) continue
          const key = `${m.ruleId}: ${m.message}${m.selector ? ` at ${m.selector}` : ''}`
          const g = groups.get(key) ?? { count: 0, example: `${rel(file)}:${m.line}:${m.column}` }
          g.count++
          groups.set(key, g)
          problems.push(`${rel(file)}:${m.line}:${m.column} ${key}`)
        }
      }
    }
    const summary = [...groups].map(([key, g]) => `${key} — ×${g.count}, e.g. ${g.example}`)
    expect(problems.length, `${problems.length} error(s) in ${files.length} files, by kind:\n${summary.slice(0, 40).join('\n')}`).toBe(0)
  }, 180_000)

  it('old addresses as served: 301 to the new address (query kept), 410 with a valid page in its language that links its section', async () => {
    const moved = await fetchOnce(`${site.baseUrl}/naujienos/${movedSlugs.from}?utm_source=qr`, { redirect: 'manual' })
    expect(moved.status).toBe(301)
    expect(moved.headers.get('location')).toBe(`/naujienos/${movedSlugs.to}/?utm_source=qr`)
    expect((await fetchOnce(`${site.baseUrl}/naujienos/${movedSlugs.to}/`)).status).toBe(200)
    const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig))
    for (const [locale, heading, section] of [
      ['lt', 'Šis puslapis pašalintas', '/naujienos/'],
      ['en', 'This page has been withdrawn', '/en/news/'],
    ] as const) {
      const res = await fetchOnce(`${site.baseUrl}${pathFor('withdrawn page (410)', locale)}`)
      const html = await res.text()
      expect(res.status).toBe(410)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(html).toContain(`<html lang="${locale}"`)
      expect(html).toContain(heading)
      expect(html).toMatch(new RegExp(`<a class="more" href="${section}">`))
      expect(html).toContain('noindex')
      const result = await validator.validateString(html, `withdrawn-${locale}.html`)
      const errors = result.results.flatMap((r) => r.messages.filter((m) => m.severity >= 2).map((m) => `${m.ruleId}: ${m.message}`))
      expect(errors, errors.join('\n')).toEqual([])
    }
    // The page's own route answers only for a withdrawn address.
    expect((await fetchOnce(`${site.baseUrl}/_withdrawn?from=${encodeURIComponent('/naujienos/')}`)).status).toBe(404)
    expect((await fetchOnce(`${site.baseUrl}/naujienos/niekada-nebuvo/`)).status).toBe(404)
  })

  it('has no script but JSON-LD on any page', () => {
    const problems: string[] = []
    expect(htmlFiles().length).toBeGreaterThan(50)
    for (const file of htmlFiles()) {
      for (const s of scriptsIn(fs.readFileSync(file, 'utf8'))) problems.push(`${rel(file)}: ${s}`)
    }
    expectNone(problems, 'scripts')
  })

  it.each(locales)('a typical article (%s) weighs at most 30 KB gzipped with its CSS', (locale) => {
    const urlPath = articlePath(locale)
    const file = fileFor(urlPath)
    expect(file, `${urlPath} exists`).toBeTruthy()
    const html = fs.readFileSync(file!)
    const parts = [`${urlPath}: ${zlib.gzipSync(html).length} B`]
    let total = zlib.gzipSync(html).length
    const styles = parse(file!)
      .querySelectorAll('link[href]')
      .filter((l) => (l.getAttributeValue('rel') ?? '').split(/\s+/).includes('stylesheet'))
      .map((l) => l.getAttributeValue('href')!)
    // The weight counts the stylesheet too: without one the sum would prove little.
    expect(styles.length).toBeGreaterThan(0)
    for (const href of styles) {
      const css = fileFor(new URL(href, new URL(urlPath, site.siteUrl)).pathname)
      expect(css, `${href} exists`).toBeTruthy()
      const size = zlib.gzipSync(fs.readFileSync(css!)).length
      parts.push(`${href}: ${size} B`)
      total += size
    }
    console.log(`article weight (${locale}, gzip): ${total} B = ${parts.join(' + ')}`)
    expect(total, parts.join(', ')).toBeLessThanOrEqual(30 * 1024)
  })
})

// ── in Chromium, against the running server ─────────────────────────────────────────

describe('machine-readable: descriptions, titles and structured data', () => {
  const ldOf = (root: HtmlElement) =>
    root.querySelectorAll('script').filter((x) => x.getAttributeValue('type') === 'application/ld+json').flatMap((x) => [JSON.parse(x.textContent) as Record<string, unknown>])
  const meta = (root: HtmlElement, attr: string, name: string) => root.querySelectorAll('meta').find((m) => m.getAttributeValue(attr) === name)?.getAttributeValue('content') ?? null
  const indexed = () => htmlFiles().filter((f) => !parse(f).querySelectorAll('meta').some((m) => m.getAttributeValue('name') === 'robots'))

  it('every indexed page has a meta description (a handbook entry its answer\'s first sentence)', () => {
    const files = indexed()
    expect(files.length).toBeGreaterThan(50)
    const missing = files.filter((f) => !(meta(parse(f), 'name', 'description') ?? '').trim()).map(rel)
    expectNone(missing, 'pages without a meta description')
    const entry = fileFor(pathFor('handbook entry', 'lt'))!
    const answer = docs('lt', 'handbook').find((d) => d.url === pathFor('handbook entry', 'lt'))!
    expect(decodeEntities(meta(parse(entry), 'name', 'description')!)).toBe(answer.seo.description)
    expect(answer.text.startsWith(answer.seo.description!.replace(/…$/, ''))).toBe(true)
  })

  it('every page with breadcrumbs has them as BreadcrumbList, step by step, ending at the page itself', () => {
    const problems: string[] = []
    let seen = 0
    for (const file of htmlFiles()) {
      const root = parse(file)
      const crumbs = root.querySelector('nav.crumbs')
      if (!crumbs) continue
      seen++
      const names = crumbs.querySelectorAll('li').map((li) => decodeEntities(li.textContent.trim()))
      const list = ldOf(root).find((d) => d['@type'] === 'BreadcrumbList') as { itemListElement?: { position: number; name: string; item: string }[] } | undefined
      if (!list?.itemListElement) {
        problems.push(`${rel(file)}: no BreadcrumbList`)
        continue
      }
      if (JSON.stringify(list.itemListElement.map((i) => i.name)) !== JSON.stringify(names)) problems.push(`${rel(file)}: ${JSON.stringify(list.itemListElement.map((i) => i.name))} ≠ ${JSON.stringify(names)}`)
      const canonical = root.querySelectorAll('link').find((l) => l.getAttributeValue('rel') === 'canonical')?.getAttributeValue('href')
      if (list.itemListElement.at(-1)?.item !== canonical) problems.push(`${rel(file)}: ends at ${list.itemListElement.at(-1)?.item}, not ${canonical}`)
    }
    expect(seen).toBeGreaterThan(50)
    expectNone(problems, 'breadcrumbs')
  })

  it.each(locales)('the %s home page: its own title, WebSite with its search, and the municipality', (locale) => {
    const root = parse(fileFor(pathFor('home', locale))!)
    const other = parse(fileFor(pathFor('home', locale === 'lt' ? 'en' : 'lt'))!)
    expect(root.querySelector('title')!.textContent).not.toBe(other.querySelector('title')!.textContent)
    const ld = ldOf(root)
    const website = ld.find((d) => d['@type'] === 'WebSite') as { url: string; potentialAction: { target: { urlTemplate: string } } } | undefined
    expect(website?.url).toBe(`${site.snapshot.siteUrl}${pathFor('home', locale)}`)
    expect(website?.potentialAction.target.urlTemplate).toMatch(/\?q=\{search_term_string\}$/)
    expect(ld.find((d) => d['@type'] === 'GovernmentOrganization')).toMatchObject({ name: expect.any(String), logo: expect.stringMatching(/^https?:\/\//) })
  })

  it('every article has an image to share (its own, else the city\'s) in og:image and its NewsArticle', () => {
    const problems: string[] = []
    for (const locale of locales)
      for (const d of docs(locale, 'news')) {
        const root = parse(fileFor(d.url)!)
        const article = ldOf(root).find((x) => x['@type'] === 'NewsArticle') as { image?: string[] } | undefined
        if (!meta(root, 'property', 'og:image')) problems.push(`${d.url}: no og:image`)
        if (!article?.image?.length) problems.push(`${d.url}: no image in NewsArticle`)
      }
    expectNone(problems, 'articles without a share image')
  })

  it('English pages write dates as in Britain (ATVIRA_DATE_LOCALES default), Lithuanian ones their own way', () => {
    const article = (locale: L) => parse(fileFor(pathFor('article', locale))!).querySelector('main time')!.textContent.trim()
    expect(decodeEntities(article('en'))).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/)
    expect(decodeEntities(article('lt'))).toMatch(/^\d{4} m\. \p{L}+ \d{1,2} d\.$/u)
  })

  it('an alert that links a page of the site names it: its title is the link, on every page', () => {
    for (const locale of locales) {
      const alert = site.snapshot.content[locale]!.alerts.find((a) => a.linkTitle)
      expect(alert, `an active alert linking a page (${locale})`).toBeDefined()
      const target = docs(locale, 'news').find((d) => d.url === alert!.link)
      expect(alert!.linkTitle).toBe(target?.title)
      for (const template of ['home', 'service'] as const) {
        const link = parse(fileFor(pathFor(template, locale))!).querySelectorAll('.alerts a').find((a) => a.getAttributeValue('href') === alert!.link)
        expect(decodeEntities(link?.textContent ?? ''), `${template} (${locale})`).toBe(target!.title)
      }
    }
  })

  it('the language switcher on a page with no English leads to a page saying so, in English, with the section and the original', async () => {
    const from = `/naujienos/${untranslatedSlug}/`
    const root = parse(fileFor(from)!)
    const switcher = root.querySelectorAll('.langs a').find((a) => a.getAttributeValue('hreflang') === 'en')!
    const href = decodeEntities(switcher.getAttributeValue('href')!)
    expect(href).toBe(`/_untranslated?lang=en&from=${encodeURIComponent(from)}`)
    const res = await fetchOnce(`${site.baseUrl}${href}`)
    const html = await res.text()
    expect(res.status, html.slice(0, 300)).toBe(200)
    expect(html).toContain('<html lang="en"')
    expect(html).toContain('This page is not available in English')
    expect(html).toContain('<a class="more" href="/en/news/">')
    expect(html).toMatch(new RegExp(`<a href="${from}" hreflang="lt" lang="lt">Tik lietuviškai</a>`))
    expect(html).toContain('noindex')
    const result = await new HtmlValidate(new StaticConfigLoader(htmlValidateConfig)).validateString(html, 'untranslated.html')
    expect(result.results.flatMap((r) => r.messages.filter((m) => m.severity >= 2).map((m) => m.message))).toEqual([])
    await open(page, href)
    expect(formatViolations(href, await axeViolations(page))).toBe('')
    // A translated page's switcher goes straight to its translation; an address that is no document is a 404.
    const translated = pathFor('article', 'lt')
    expect(parse(fileFor(translated)!).querySelectorAll('.langs a').find((a) => a.getAttributeValue('hreflang') === 'en')!.getAttributeValue('href')).toBe(pathFor('article', 'en'))
    expect((await fetchOnce(`${site.baseUrl}/_untranslated?lang=en&from=%2Fniekur%2F`)).status).toBe(404)
    expect((await fetchOnce(`${site.baseUrl}/_untranslated?lang=xx&from=${encodeURIComponent(from)}`)).status).toBe(404)
  })

  it('pages made on demand say their charset (search, a withdrawn address)', async () => {
    for (const url of [`${site.baseUrl}/paieska?q=vanduo`, `${site.baseUrl}${pathFor('withdrawn page (410)', 'lt')}`]) {
      const res = await fetchOnce(url)
      await res.arrayBuffer()
      expect(res.headers.get('content-type'), url).toMatch(/^text\/html;\s*charset=utf-8$/i)
    }
  })
})

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  it.each(cases)('%s: %s has no violations', async (locale, template) => {
    const urlPath = pathFor(template, locale)
    await open(page, urlPath, statusOf(template))
    const violations = await axeViolations(page)
    expect(violations.length, `axe violations:\n${formatViolations(`${locale} ${template} ${urlPath}`, violations)}`).toBe(0)
  })
})

describe('keyboard', () => {
  const pages: [L, 'home' | 'article'][] = locales.flatMap((l) => [[l, 'home'], [l, 'article']] as [L, 'home' | 'article'][])

  it.each(pages)('%s %s: Tab focuses a visible skip link, Enter moves focus into main', async (locale, template) => {
    const urlPath = pathFor(template, locale)
    await open(page, urlPath)
    await page.keyboard.press('Tab')
    const describeFocus = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        if (!el || el === document.body) return { tag: 'body', href: null, text: '', visible: false, targetInMain: false }
        const r = el.getBoundingClientRect()
        const style = getComputedStyle(el)
        const visible =
          r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth &&
          style.visibility !== 'hidden' && Number(style.opacity) > 0.1
        const href = el.getAttribute('href')
        const main = document.querySelector('main')
        const target = href?.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null
        return {
          tag: el.tagName.toLowerCase(),
          href,
          text: (el.textContent ?? '').trim(),
          visible,
          targetInMain: !!main && !!target && (target === main || main.contains(target)),
        }
      })
    // Let a slide-in transition finish.
    await page
      .waitForFunction(() => {
        const el = document.activeElement
        if (!el || el === document.body) return false
        const r = el.getBoundingClientRect()
        return r.width > 1 && r.height > 1 && r.top >= 0 && r.left >= 0
      }, undefined, { timeout: 2_000 })
      .catch(() => {})
    const focused = await describeFocus()
    expect(focused.tag, `first Tab focused ${JSON.stringify(focused)}`).toBe('a')
    expect(focused.href, `first Tab focused ${JSON.stringify(focused)}`).toMatch(/^#./)
    expect(focused.targetInMain, `the skip link points at main: ${JSON.stringify(focused)}`).toBe(true)
    expect(focused.text.length, 'the skip link has text').toBeGreaterThan(0)
    expect(focused.visible, `the skip link is visible when focused: ${JSON.stringify(focused)}`).toBe(true)

    await page.keyboard.press('Enter')
    await page.waitForFunction(() => location.hash !== '' || document.activeElement !== document.body, undefined, { timeout: 2_000 }).catch(() => {})
    const after = await page.evaluate(() => {
      const a = document.activeElement
      const main = document.querySelector('main')
      return {
        inMain: !!main && !!a && (a === main || main.contains(a)),
        active: a ? `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}` : 'none',
        hash: location.hash,
      }
    })
    expect(after.inMain, `after Enter: focus on ${after.active}, hash "${after.hash}"`).toBe(true)
  })
})

describe('without JavaScript', () => {
  it.each(cases)('%s: %s renders its heading and main content', async (locale, template) => {
    const urlPath = pathFor(template, locale)
    const res = await open(noJsPage, urlPath, statusOf(template))
    const scripts = scriptsIn(await res.text())
    expect(scripts.length, `scripts on ${urlPath}: ${scripts.join(', ')}`).toBe(0)
    const h1 = noJsPage.locator('h1')
    expect(await h1.count(), `h1 on ${urlPath}`).toBeGreaterThanOrEqual(1)
    expect((await h1.first().innerText()).trim(), `h1 text on ${urlPath}`).not.toBe('')
    const main = noJsPage.locator('main')
    expect(await main.count(), `one main on ${urlPath}`).toBe(1)
    expect((await main.innerText()).trim().length, `main text on ${urlPath}`).toBeGreaterThan(0)
  })
})

describe('at 320 CSS px', () => {
  it.each(cases)('%s: %s does not scroll sideways', async (locale, template) => {
    const urlPath = pathFor(template, locale)
    await open(narrowPage, urlPath, statusOf(template))
    const { scrollWidth, widest } = await narrowPage.evaluate(() => {
      // Name the widest element, to point at the culprit.
      let widest = ''
      let max = 320
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const r = el.getBoundingClientRect()
        if (r.right > max + 0.5) {
          max = r.right
          widest = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${Array.from(el.classList).join('.')}` : ''} (right edge ${Math.round(r.right)} px)`
        }
      }
      return { scrollWidth: document.documentElement.scrollWidth, widest }
    })
    expect(scrollWidth, `${urlPath} is ${scrollWidth} px wide; widest: ${widest}`).toBeLessThanOrEqual(320)
  })

  it.each(locales)('%s: the newsletter box offers how often as choices whose words all show', async (locale) => {
    await open(narrowPage, pathFor('home', locale))
    const box = narrowPage.locator('.newsletter-signup')
    const labels = box.locator('fieldset .choice label')
    expect(await labels.count()).toBe(3)
    const clipped = await labels.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > 320).map((el) => el.textContent))
    expect(clipped).toEqual([])
  })
})

describe('the front door: top tasks, the city\'s colours and a phone-sized header', () => {
  const settingsOf = (locale: L) => site.snapshot.content[locale]!.settings

  it.each(locales)('%s: the home page leads with one question, the search and the tasks staff chose, in their order, each with an icon', async (locale) => {
    await open(noJsPage, pathFor('home', locale))
    const headings = await noJsPage.locator('main h1').allInnerTexts()
    expect(headings).toEqual([t(locale, 'home.heading')])
    // The city's name is in the header, not repeated as the page's heading.
    expect(await noJsPage.locator('main :is(h1, h2)').allInnerTexts()).not.toContain(settingsOf(locale).cityName)
    expect(await noJsPage.locator('main form[role=search] label').innerText()).toBe(t(locale, 'home.searchLabel'))
    const tasks = settingsOf(locale).topTasks
    expect(tasks.length).toBe(8)
    const links = noJsPage.locator('.task-grid a.task')
    expect(await links.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent?.trim()]))).toEqual(tasks.map((x) => [x.url, x.title]))
    // Each icon is decoration beside the words, hidden from assistive technology.
    expect(await noJsPage.locator('.task-grid a.task > svg[aria-hidden="true"]').count()).toBe(tasks.length)
    const drawn = await noJsPage.locator('.task-grid svg').evaluateAll((svgs) => svgs.every((svg) => svg.getBoundingClientRect().width >= 24 && svg.childElementCount > 0))
    expect(drawn).toBe(true)
  })

  it('paints the city\'s colours from Settings: /brand.css after the site\'s own, per colour scheme', async () => {
    const { brand } = settingsOf('lt')
    expect(brand).toEqual({ colour: '#005f73', colourDark: '#7ad3e0' })
    const css = await (await fetch(`${site.baseUrl}/brand.css`)).text()
    expect(css).toContain(`--accent: ${brand.colour}`)
    expect(css).toContain(`--accent: ${brand.colourDark}`)
    await open(page, pathFor('article', 'lt'))
    expect(await page.locator('link[rel=stylesheet]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')))).toEqual(['/atvira.css', '/brand.css'])
    const accent = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())
    const headerBar = () => page.locator('.site-header').evaluate((h) => getComputedStyle(h).borderBottomColor)
    expect(await accent()).toBe(brand.colour)
    expect(await headerBar()).toBe('rgb(0, 95, 115)')
    await page.emulateMedia({ colorScheme: 'dark' })
    try {
      expect(await accent()).toBe(brand.colourDark)
    } finally {
      await page.emulateMedia({ colorScheme: 'light' })
    }
  })

  it.each(locales)('%s: the menu offers the sections in the order Settings give; the footer lists every section', async (locale) => {
    await open(noJsPage, pathFor('news list', locale))
    const labels = (await noJsPage.locator('.main-nav .menu-bar a').allInnerTexts()).map((x) => x.trim())
    expect(labels).toEqual(settingsOf(locale).navigation.map((c) => t(locale, `nav.${c}`)))
    expect(labels).not.toContain(t(locale, 'nav.leaflets'))
    const footer = await noJsPage.locator('nav[aria-labelledby="all-sections"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    for (const c of ['leaflets', 'topics', 'news', 'services'] as const) expect(footer).toContain(sectionPath(c, locale, ctx))
  })

  it.each(locales)('%s: at 375 px the first task is above the fold, and the menu is one button that opens without JavaScript', async (locale) => {
    await open(phonePage, pathFor('home', locale))
    const shot = await phonePage.screenshot({ path: path.join(rootDir, 'data', `screenshot-home-375-${locale}.png`) })
    expect(shot.length).toBeGreaterThan(5_000)
    const first = await phonePage.locator('.task-grid a.task').first().boundingBox()
    expect(first, 'the first task is drawn').not.toBeNull()
    expect(first!.y + first!.height, `the first task ends at ${Math.round(first!.y + first!.height)} px`).toBeLessThanOrEqual(667)
    // The header (brand, language, menu button) stays small: the page starts near the top.
    const header = (await phonePage.locator('.site-header').boundingBox())!
    expect(header.height, `the header is ${Math.round(header.height)} px tall`).toBeLessThanOrEqual(140)
    expect(await phonePage.locator('.menu-bar').isVisible()).toBe(false)
    const menu = phonePage.locator('details.menu-compact')
    const summary = menu.locator('summary')
    expect(await summary.innerText()).toBe(t(locale, 'nav.menu'))
    const box = (await summary.boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(44)
    expect(await menu.locator('a').first().isVisible()).toBe(false)
    await summary.click()
    expect(await menu.getAttribute('open')).not.toBeNull()
    const items = await menu.locator('a').allInnerTexts()
    expect(items.slice(0, -1)).toEqual(settingsOf(locale).navigation.map((c) => t(locale, `nav.${c}`)))
    expect(items.at(-1)).toBe(t(locale, 'nav.allSections'))
    expect(await menu.locator('a').first().isVisible()).toBe(true)
  })
})

describe('the city\'s logo', () => {
  it('is fetched at the size it is shown, not as the 1600 px original', async () => {
    await open(page, pathFor('home', 'lt'))
    const logo = page.locator('.site-header img.logo')
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
    const { shown, fetched } = await logo.evaluate((img: HTMLImageElement) => ({ shown: img.getBoundingClientRect().width, fetched: new URL(img.currentSrc).pathname }))
    expect(shown).toBeGreaterThan(30)
    const variants = site.snapshot.content.lt!.settings.logo!.variants
    expect(variants.length).toBeGreaterThan(1)
    // The smallest copy serves a 40 px high logo even at 3× density.
    expect(fetched).toBe(variants[0]!.src)
  })
})

describe('the handbook on a phone', () => {
  it.each(locales)('%s: questions are folded (a short page at 320 px), and a link to an answer opens it, without JavaScript', async (locale) => {
    const index = pathFor('handbook index', locale)
    await open(narrowPage, index)
    const questions = narrowPage.locator('details.qa')
    expect(await questions.count()).toBeGreaterThan(10)
    expect(await narrowPage.locator('details.qa[open]').count()).toBe(0)
    const height = await narrowPage.evaluate(() => document.documentElement.scrollHeight)
    expect(height, `the handbook index is ${height} px tall at 320 px`).toBeLessThan(12_000)
    const entry = docs(locale, 'handbook')[0]!
    await open(noJsPage, `${index}#${entry.anchor}`)
    const opened = noJsPage.locator(`details.qa:has(#${entry.anchor})`)
    await expect.poll(() => opened.getAttribute('open')).not.toBeNull()
    expect(await noJsPage.locator(`#${entry.anchor}`).isVisible()).toBe(true)
    // Opening one by its question, as a resident taps it.
    const other = noJsPage.locator('details.qa:not([open]) summary').first()
    await other.click()
    expect(await noJsPage.locator('details.qa[open]').count()).toBe(2)
  })
})

describe('print and forced colours', () => {
  it.each(locales)('%s: on paper the search form is left out and urgent alerts stay', async (locale) => {
    await open(page, pathFor('service', locale))
    await page.emulateMedia({ media: 'print' })
    try {
      expect(await page.locator('.site-search').isVisible()).toBe(false)
      const urgent = page.locator('.alert-warning, .alert-emergency')
      expect(await urgent.count()).toBeGreaterThan(0)
      expect(await urgent.first().isVisible()).toBe(true)
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
  })

  it('in forced colours the current section is underlined, not marked by colour alone', async () => {
    await open(page, pathFor('services list', 'lt'))
    await page.emulateMedia({ forcedColors: 'active' })
    try {
      const current = page.locator('.main-nav .menu-bar a[aria-current="page"]')
      expect(await current.evaluate((a) => getComputedStyle(a).textDecorationLine)).toContain('underline')
      const other = page.locator('.main-nav .menu-bar a:not([aria-current])').first()
      expect(await other.evaluate((a) => getComputedStyle(a).textDecorationLine)).not.toContain('underline')
    } finally {
      await page.emulateMedia({ forcedColors: 'none' })
    }
  })

  it.each(locales)('%s: the header search (and the home page\'s own) says what it finds', async (locale) => {
    await open(page, pathFor('services list', locale))
    expect(await page.locator('#site-search-q').getAttribute('placeholder')).toMatch(/\p{L}{4,}/u)
    await open(page, pathFor('home', locale))
    expect(await page.locator('#home-q').getAttribute('placeholder')).toMatch(/\p{L}{4,}/u)
  })
})

describe('the browser', () => {
  it('loaded every stylesheet, image and font it asked for', () => {
    expectNone([...new Set(failedResources)], 'failed requests')
  })

  it('never left loopback', () => {
    const blocked = [...js.blocked, ...noJs.blocked, ...narrow.blocked, ...phone.blocked]
    expectNone([...new Set(blocked)], 'requests off loopback (blocked)')
  })
})
