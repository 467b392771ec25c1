/**
 * A second city, to prove the identity is configuration: Vėjava (an invented town) with
 * its own name, colours, top tasks and menu order, built by the same templates as the
 * demo city (site.e2e.test.ts checks Pajūris). One small real build, served from its
 * files on loopback and looked at in Chromium.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../../cms/model/env'
import { t } from '../../cms/model/i18n'
import type { ContentSource, RawDoc } from '../../cms/model/source'
import type { Snapshot } from '../../cms/model/snapshot'
import { buildSnapshot } from '../../site/publisher/snapshot'
import { buildSite } from '../../site/publisher/siteBuild'
import { axeViolations, formatViolations, launchBrowser, loopbackContext, type LoopbackContext } from './browser'
import { serveStatic } from './staticServer'

const siteUrl = 'https://www.vejava.example'
const brand = { colour: '#8a1538', colourDark: '#f4a3bd' }

function paragraph(text: string) {
  return { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] }] } }
}

const day = '2026-05-01T08:00:00.000Z'
const guide = (id: number, title: string, slug: string): RawDoc => ({
  id,
  title,
  slug,
  summary: `${title}: žingsnis po žingsnio.`,
  steps: [{ title: 'Pateikite prašymą', body: paragraph('Prašymą galite pateikti internetu.') }],
  updatedAt: day,
  _status: 'published',
})
const docs: Record<string, Record<string, RawDoc[]>> = {
  lt: {
    guides: [guide(11, 'Kaip užsisakyti didelių atliekų išvežimą', 'dideliu-atlieku-isvezimas'), guide(12, 'Kaip gauti leidimą renginiui', 'leidimas-renginiui')],
    pages: [{ id: 21, title: 'Vėjavos seniūnijos', slug: 'seniunijos', body: paragraph('Seniūnijų kontaktai.'), updatedAt: day, _status: 'published' }],
  },
  en: {
    guides: [guide(11, 'How to book a bulky waste collection', 'bulky-waste-collection'), guide(12, 'How to get an event permit', 'event-permit')],
    pages: [],
  },
}

const settings = (locale: string) => ({
  cityName: 'Vėjava',
  cityNameCases: locale === 'lt' ? { genitive: 'Vėjavos', locative: 'Vėjavoje' } : {},
  tagline: locale === 'lt' ? 'Miestas prie upės' : 'A town on the river',
  brand,
  topTasks: [
    { doc: { relationTo: 'guides', value: 11 }, icon: 'waste', label: locale === 'lt' ? 'Didelės atliekos' : 'Bulky waste' },
    // Not published: left off the site.
    { doc: { relationTo: 'guides', value: 99 }, icon: 'document' },
    { doc: { relationTo: 'pages', value: 21 }, icon: 'place' },
    { doc: { relationTo: 'guides', value: 12 }, icon: 'events' },
  ],
  navigation: [{ section: 'news' }, { section: 'consultations' }, { section: 'guides' }, { section: 'services' }],
})

function vejava(): ContentSource {
  return {
    name: 'vejava',
    locales: () => ({ locales: ['lt', 'en'], defaultLocale: 'lt' }),
    published: async (collection, locale) => docs[locale]?.[collection] ?? [],
    uploads: async () => [],
    settings: async (locale) => settings(locale),
    responseFacts: async () => ({}),
    filePath: async (collection, filename) => path.join('/nonexistent', collection, filename),
    close: async () => {},
  }
}

let dir = ''
let client = ''
let snapshot: Snapshot
let server: Awaited<ReturnType<typeof serveStatic>> | undefined
let base = ''
let browser: Browser
let ctx: LoopbackContext
let page: Page

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-identity-'))
  // The build imports packages by name: outside the repository only through a parent's node_modules.
  fs.symlinkSync(path.join(rootDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  snapshot = await buildSnapshot(vejava(), { siteUrl, timeZone: 'Europe/Vilnius', now: new Date('2026-06-01T10:00:00Z') })
  const outDir = path.join(dir, 'site')
  await buildSite({ outDir, snapshotFile: path.join(dir, 'snapshot.json'), env: { ...process.env, SITE_URL: siteUrl }, snapshot, log: () => {} })
  client = path.join(outDir, 'client')
  server = await serveStatic(client)
  base = server.url
  browser = await launchBrowser()
  ctx = await loopbackContext(browser, { viewport: { width: 375, height: 667 }, javaScriptEnabled: false })
  page = await ctx.context.newPage()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  server?.close()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

describe('a second city, Vėjava, by configuration only', () => {
  it('has its own colours in /brand.css, in the page and in the dark scheme', async () => {
    const css = fs.readFileSync(path.join(client, 'brand.css'), 'utf8')
    expect(css).toContain('--accent: #8a1538')
    expect(css).toContain('--accent: #f4a3bd')
    expect(css).not.toContain('#005f73')
    await page.goto(`${base}/`)
    const accent = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())
    expect(await accent()).toBe(brand.colour)
    expect(await page.locator('.task').first().evaluate((a) => getComputedStyle(a).color)).toBe('rgb(138, 21, 56)')
    await page.emulateMedia({ colorScheme: 'dark' })
    try {
      expect(await accent()).toBe(brand.colourDark)
    } finally {
      await page.emulateMedia({ colorScheme: 'light' })
    }
  })

  it.each(['lt', 'en'] as const)('%s: its name in the header, its top tasks (published ones only) and its menu order', async (locale) => {
    await page.goto(`${base}${locale === 'lt' ? '/' : '/en/'}`)
    expect(await page.locator('.site-header .city').innerText()).toBe('Vėjava')
    expect(await page.title()).toContain('Vėjava')
    expect(await page.content()).not.toContain('Pajūri')
    const tasks = await page.locator('.task-grid a.task').allInnerTexts()
    expect(tasks.map((x) => x.trim())).toEqual(
      locale === 'lt'
        ? ['Didelės atliekos', 'Vėjavos seniūnijos', 'Kaip gauti leidimą renginiui']
        : // The page has no English: its Lithuanian title, marked as Lithuanian.
          ['Bulky waste', 'Vėjavos seniūnijos', 'How to get an event permit'],
    )
    if (locale === 'en') expect(await page.locator('.task-grid a.task span[lang="lt"]').innerText()).toBe('Vėjavos seniūnijos')
    await page.locator('details.menu-compact summary').click()
    const menu = (await page.locator('details.menu-compact a').allInnerTexts()).map((x) => x.trim())
    expect(menu).toEqual([...(['news', 'consultations', 'guides', 'services'] as const).map((c) => t(locale, `nav.${c}`)), t(locale, 'nav.allSections')])
  })

  it('passes axe (WCAG 2.2 AA) on its home page in both colour schemes, at phone and desktop width', async () => {
    // axe runs in the page: a context with JavaScript.
    const withJs = await loopbackContext(browser)
    try {
      const tab = await withJs.context.newPage()
      for (const [colorScheme, width] of [['light', 375], ['dark', 375], ['light', 1280], ['dark', 1280]] as const) {
        await tab.setViewportSize({ width, height: 800 })
        await tab.emulateMedia({ colorScheme })
        await tab.goto(`${base}/`)
        const violations = await axeViolations(tab)
        expect(violations, formatViolations(`home (${colorScheme}, ${width} px)`, violations)).toEqual([])
      }
      expect([...ctx.blocked, ...withJs.blocked]).toEqual([])
    } finally {
      await withJs.context.close()
    }
  })
})
