/**
 * Search on the running site server: the results page and JSON endpoint survive any
 * input, are rate-limited, never show unpublished content, and work with JavaScript
 * off (a plain GET form) and on (results as you type).
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../../cms/model/env'
import { axeViolations, formatViolations, launchBrowser, loopbackContext } from './browser'
import { startSite, type SiteFixture } from './site-fixture'

let site: SiteFixture
let browser: Browser

beforeAll(async () => {
  // High enough for the tests below; the flood test goes past it on purpose.
  process.env.SEARCH_RATE_LIMIT = '150'
  site = await startSite()
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

const page = (q: string, locale: 'lt' | 'en' = 'lt', extra = '') =>
  `${site.baseUrl}${locale === 'lt' ? '/paieska' : '/en/search'}?q=${encodeURIComponent(q)}${extra}`

describe('results page', () => {
  it('finds inflected Lithuanian without diacritics, marks the words and announces the count', async () => {
    const res = await fetch(page('sildymo kompensacija'))
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/<p role="status" class="search-status">\s*Ras\w+ \d+ rezultat/)
    expect(html).toMatch(/<mark>[^<]*(šildymo|Šildymo)[^<]*<\/mark>/)
    expect(html).toContain('noindex')
    expect(html).toMatch(/class="hit-title"><a href="\/gidai\//)
  })

  it('says when it fell back to typo tolerance', async () => {
    const html = await (await fetch(page('heeting', 'en'))).text()
    expect(html).toContain('There were no exact matches')
    expect(html).toMatch(/class="hit-title"/)
  })

  it('filters by type and topic with plain links', async () => {
    const html = await (await fetch(page('mokesčiai', 'lt', '&type=handbook'))).text()
    const types = [...html.matchAll(/class="hit-meta">\s*<span>([^<]+)<\/span>/g)].map((m) => m[1])
    expect(types.length).toBeGreaterThan(0)
    expect(new Set(types)).toEqual(new Set(['Žinynas']))
    expect(html).toMatch(/href="\/paieska\?q=[^"]*&amp;type=news"/)
  })

  it('has a helpful empty state', async () => {
    const html = await (await fetch(page('qqqqzzzz'))).text()
    expect(html).toContain('nieko nerasta')
    expect(html).toContain('Ką galite pabandyti')
  })

  it('never shows unpublished documents', async () => {
    for (const marker of [site.markers.draft, site.markers.unpublishedChange]) {
      const res = await fetch(`${site.baseUrl}/api/search.json?locale=lt&q=${encodeURIComponent(marker)}`)
      const body = (await res.json()) as { hits: { title: string; url: string }[] }
      expect(JSON.stringify(body.hits)).not.toContain(marker)
    }
    const indexes = fs.readdirSync(path.join(site.outDir, 'search')).map((f) => fs.readFileSync(path.join(site.outDir, 'search', f), 'utf8'))
    for (const text of indexes) {
      expect(text).not.toContain(site.markers.draft)
      expect(text).not.toContain(site.markers.unpublishedChange)
    }
  })

  it('sends a small page: ≤ 15 KB gzipped', async () => {
    const html = await (await fetch(page('mokesčiai'))).text()
    expect(zlib.gzipSync(html).length).toBeLessThanOrEqual(15 * 1024)
  })
})

describe('bad input never breaks it', () => {
  const inputs: [string, string][] = [
    ['empty', ''],
    ['10 KB', 'mokesčiai šildymas '.repeat(540)],
    ['lunr syntax', 'mokes* title:šildymas ~2 ^10 +renovacija -darželis field:'],
    ['unpaired quotes', '"šildymo kompensacija \''],
    ['control characters', 'šild\u0000ymas\u0007\u001b[31m\u200b'],
    ['many scripts', 'Ελληνικά Українська 中文 العربية עברית हिन्दी ქართული 日本語 한국어 ไทย 🏠'],
    ['only syntax', '*:~^+-"\'()[]{}\\'],
    ['html', '<script>alert(1)</script>'],
  ]
  it.each(inputs)('%s → a page with results or a clear message', async (_label, q) => {
    for (const locale of ['lt', 'en'] as const) {
      const res = await fetch(page(q, locale))
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).toMatch(/<h1>/)
      // Escaped as text; inside a quoted attribute value `<` is harmless and valid.
      expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<script>alert(1)</script>')
      const json = await fetch(`${site.baseUrl}/api/search.json?locale=${locale}&q=${encodeURIComponent(q)}`)
      expect(json.status).toBe(200)
      const body = (await json.json()) as { query: string }
      expect(body.query.length).toBeLessThanOrEqual(200)
    }
  })

  it('refuses unknown locales and odd parameters clearly', async () => {
    const res = await fetch(`${site.baseUrl}/api/search.json?locale=xx&q=a`)
    expect(res.status).toBe(400)
    const odd = await fetch(`${site.baseUrl}/paieska?q=mokesciai&page=-5&type=<x>&topic=%00`)
    expect(odd.status).toBe(200)
  })
})

describe('in the browser', () => {
  it('works with JavaScript off: the home page\'s search form leads to results', async () => {
    const { context, blocked } = await loopbackContext(browser, { javaScriptEnabled: false })
    const tab = await context.newPage()
    await tab.goto(`${site.baseUrl}/`)
    await tab.fill('#home-q', 'darzelis')
    await tab.press('#home-q', 'Enter')
    await tab.waitForURL(/\/paieska\?q=darzelis/)
    expect(await tab.locator('.search-hits li').count()).toBeGreaterThan(0)
    expect(await tab.locator('[role=status]').innerText()).toMatch(/Ras/)
    const violations = await (async () => {
      const ctx = await loopbackContext(browser)
      const p = await ctx.context.newPage()
      await p.goto(tab.url())
      const v = await axeViolations(p)
      await ctx.context.close()
      return v
    })()
    expect(violations, formatViolations('search results', violations)).toEqual([])
    expect(blocked).toEqual([])
    await context.close()
  })

  it('with JavaScript on, shows results while typing', async () => {
    const { context } = await loopbackContext(browser)
    const tab = await context.newPage()
    await tab.goto(`${site.baseUrl}/en/search`)
    await tab.locator('#q').pressSequentially('kindergarten', { delay: 20 })
    await tab.waitForFunction(() => document.querySelectorAll('.search-hits li').length > 0)
    expect(tab.url()).toMatch(/\/en\/search\?q=kindergarten/)
    expect(await tab.locator('[role=status]').innerText()).toMatch(/\d+ results?/)
    await context.close()
  })

  it('keeps the enhancement small (≤ 5 KB gzipped)', () => {
    const js = fs.readFileSync(path.join(rootDir, 'public/search.js'))
    expect(zlib.gzipSync(js).length).toBeLessThanOrEqual(5 * 1024)
  })
})

describe('rate limit', () => {
  it('answers 429 with Retry-After when one client floods the search', async () => {
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let i = 0; i < 170; i++) {
      const res = await fetch(`${site.baseUrl}/api/search.json?locale=lt&q=flood${i}`)
      statuses.push(res.status)
      if (res.status === 429) retryAfter = res.headers.get('retry-after')
      await res.arrayBuffer()
    }
    expect(statuses).toContain(429)
    expect(Number(retryAfter)).toBeGreaterThan(0)
    const page429 = await fetch(page('mokesciai'))
    expect(page429.status).toBe(429)
    expect(await page429.text()).toContain('Per daug paieškų')
  })
})
