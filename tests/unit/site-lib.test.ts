import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { cityVars, t } from '../../cms/model/i18n'
import type { ContentSource } from '../../cms/model/source'

import {
  absoluteUrl,
  docPath,
  feedPath,
  homePath,
  listPath,
  newsArchivePath,
  newsTopicPath,
  reservedRootSegments,
  sectionPath,
  sectionCollections,
  type RouteContext,
} from '../../cms/model/routes'
import { newsArchive } from '../../site/templates/src/pages/_lib/routes'
import { buildSnapshot, mergeTranslation, normalizeHours, telHref } from '../../site/publisher/snapshot'
import { useSnapshot } from '../../site/templates/src/lib/load'
import { consentWording } from '../../site/templates/src/newsletter/page'

const lt: RouteContext = { defaultLocale: 'lt' }

describe('public URLs', () => {
  it.each([
    ['lt', '/'],
    ['en', '/en/'],
  ])('home in %s is %s', (locale, expected) => {
    expect(homePath(locale, lt)).toBe(expected)
  })

  it('the default locale lives at the root, whichever it is', () => {
    expect(homePath('en', { defaultLocale: 'en' })).toBe('/')
    expect(homePath('lt', { defaultLocale: 'en' })).toBe('/lt/')
    expect(sectionPath('news', 'lt', { defaultLocale: 'en' })).toBe('/lt/naujienos/')
  })

  it.each([
    ['news', '/naujienos/', '/en/news/'],
    ['guides', '/gidai/', '/en/guides/'],
    ['leaflets', '/lankstinukai/', '/en/leaflets/'],
    ['handbook', '/zinynas/', '/en/handbook/'],
    ['services', '/paslaugos/', '/en/services/'],
    ['consultations', '/konsultacijos/', '/en/consultations/'],
    ['topics', '/temos/', '/en/topics/'],
  ] as const)('section %s: %s · %s', (collection, ltPath, enPath) => {
    expect(sectionPath(collection, 'lt', lt)).toBe(ltPath)
    expect(sectionPath(collection, 'en', lt)).toBe(enPath)
  })

  it('covers every section collection', () => {
    expect([...sectionCollections].sort()).toEqual(['consultations', 'guides', 'handbook', 'leaflets', 'news', 'services', 'topics'])
  })

  it('a locale without its own interface strings gets the English segments', () => {
    expect(sectionPath('news', 'pl', lt)).toBe('/pl/news/')
    expect(listPath('news', 'pl', 2, lt)).toBe('/pl/news/page/2/')
  })

  it.each([
    // Ukrainian and Greek segments in Latin letters (national transliteration, ELOT 743).
    ['news', 'uk', { defaultLocale: 'uk' }, 2, '/novyny/storinka/2/'],
    ['handbook', 'uk', lt, 1, '/uk/dovidnyk/'],
    ['news', 'el', { defaultLocale: 'el' }, 2, '/nea/selida/2/'],
    ['consultations', 'el', lt, 1, '/el/diavoulefseis/'],
  ] as const)('%s in %s (default %j), page %d → %s', (collection, locale, ctx, page, expected) => {
    expect(listPath(collection, locale, page, ctx)).toBe(expected)
  })

  it.each([
    ['news', 'lt', 1, '/naujienos/'],
    ['news', 'lt', 0, '/naujienos/'],
    ['news', 'lt', 2, '/naujienos/psl/2/'],
    ['news', 'en', 2, '/en/news/page/2/'],
    ['guides', 'lt', 3, '/gidai/psl/3/'],
    ['consultations', 'en', 10, '/en/consultations/page/10/'],
  ] as const)('list %s in %s, page %d → %s', (collection, locale, page, expected) => {
    expect(listPath(collection, locale, page, lt)).toBe(expected)
  })

  it.each([
    ['lt', 1, undefined, '/naujienos/archyvas/1/'],
    ['en', 12, undefined, '/en/news/archive/12/'],
    ['lt', 3, 'aplinka', '/naujienos/tema/aplinka/archyvas/3/'],
    ['en', 1, 'environment', '/en/news/topic/environment/archive/1/'],
  ] as const)('news archive in %s, page %d, topic %s → %s', (locale, n, topic, expected) => {
    expect(newsArchivePath(locale, n, lt, topic)).toBe(expected)
  })

  it.each([
    ['lt', 'aplinka', 1, '/naujienos/tema/aplinka/'],
    ['lt', 'aplinka', 2, '/naujienos/tema/aplinka/psl/2/'],
    ['en', 'environment', 1, '/en/news/topic/environment/'],
    ['en', 'environment', 3, '/en/news/topic/environment/page/3/'],
  ] as const)('news on a topic in %s: %s page %d → %s', (locale, slug, page, expected) => {
    expect(newsTopicPath(locale, slug, page, lt)).toBe(expected)
  })

  it.each([
    ['news', ['sildymo-sezonas'], 'lt', '/naujienos/sildymo-sezonas/'],
    ['news', ['heating-season'], 'en', '/en/news/heating-season/'],
    ['guides', ['register-newborn'], 'en', '/en/guides/register-newborn/'],
    ['leaflets', ['atliekos'], 'lt', '/lankstinukai/atliekos/'],
    ['handbook', ['bibliotekos-kortele'], 'lt', '/zinynas/bibliotekos-kortele/'],
    ['services', ['civil-registry'], 'en', '/en/services/civil-registry/'],
    ['consultations', ['biudzetas'], 'lt', '/konsultacijos/biudzetas/'],
    ['topics', ['aplinka'], 'lt', '/temos/aplinka/'],
    // only the last slug counts outside pages
    ['news', ['ignored', 'kept'], 'lt', '/naujienos/kept/'],
    // pages sit at the root of their locale and nest under their parents
    ['pages', ['prieinamumas'], 'lt', '/prieinamumas/'],
    ['pages', ['accessibility'], 'en', '/en/accessibility/'],
    ['pages', ['apie', 'taryba'], 'lt', '/apie/taryba/'],
    ['pages', ['about', 'council', 'members'], 'en', '/en/about/council/members/'],
  ] as const)('%s %j in %s → %s', (collection, slugs, locale, expected) => {
    expect(docPath(collection, [...slugs], locale, lt)).toBe(expected)
  })

  it.each([
    ['lt', undefined, '/rss.xml'],
    ['en', undefined, '/en/rss.xml'],
    ['lt', 'aplinka', '/temos/aplinka/rss.xml'],
    ['en', 'environment', '/en/topics/environment/rss.xml'],
  ] as const)('feed in %s (topic %s) → %s', (locale, topic, expected) => {
    expect(feedPath(locale, lt, topic)).toBe(expected)
  })

  it('reserves the section segments of the locale, the locale codes and the built files', () => {
    const ltReserved = reservedRootSegments('lt', ['lt', 'en'])
    for (const s of ['naujienos', 'gidai', 'lankstinukai', 'zinynas', 'paslaugos', 'konsultacijos', 'temos']) {
      expect(ltReserved).toContain(s)
    }
    for (const s of ['lt', 'en', 'rss.xml', 'sitemap-index.xml', 'sitemap-0.xml', 'robots.txt', 'media', 'files', '_astro', 'api', 'admin']) {
      expect(ltReserved).toContain(s)
    }
    // English section names are free at the Lithuanian root, and vice versa
    expect(ltReserved).not.toContain('news')
    const enReserved = reservedRootSegments('en', ['lt', 'en'])
    expect(enReserved).toContain('news')
    expect(enReserved).toContain('topics')
    expect(enReserved).not.toContain('naujienos')
    expect(reservedRootSegments('en', ['lt', 'en', 'uk'])).toContain('uk')
    // ordinary page slugs are not reserved
    expect(ltReserved).not.toContain('apie')
    expect(ltReserved).not.toContain('prieinamumas')
  })

  it.each([
    ['https://www.pajuris.example', '/en/news/', 'https://www.pajuris.example/en/news/'],
    ['https://www.pajuris.example/', '/', 'https://www.pajuris.example/'],
    ['http://127.0.0.1:4321', '/rss.xml', 'http://127.0.0.1:4321/rss.xml'],
  ])('absoluteUrl(%s, %s) → %s', (siteUrl, p, expected) => {
    expect(absoluteUrl(siteUrl, p)).toBe(expected)
  })
})

describe('mergeTranslation', () => {
  const rich = (text: string) => ({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } })

  it.each([
    ['a translated field is kept', { title: 'Title' }, { title: 'Pavadinimas' }, { title: 'Title' }, []],
    ['an empty string falls back', { title: '' }, { title: 'Pavadinimas' }, { title: 'Pavadinimas' }, ['title']],
    ['null falls back', { summary: null }, { summary: 'Santrauka' }, { summary: 'Santrauka' }, ['summary']],
    ['undefined falls back', { summary: undefined }, { summary: 'Santrauka' }, { summary: 'Santrauka' }, ['summary']],
    ['an empty array falls back', { topics: [] }, { topics: [1, 2] }, { topics: [1, 2] }, ['topics']],
    ['empty on both sides is not a fallback', { summary: null }, { summary: null }, { summary: null }, []],
    ['a field only in the base is kept, unreported', {}, { slug: 'x' }, { slug: 'x' }, []],
    ['false and 0 are values, not gaps', { urgent: false, order: 0 }, { urgent: true, order: 5 }, { urgent: false, order: 0 }, []],
    ['id is never reported', { id: null, title: 'T' }, { id: 7, title: 'P' }, { id: 7, title: 'T' }, []],
    ['_status is never reported', { _status: null }, { _status: 'published' }, { _status: 'published' }, []],
  ] as const)('%s', (_label, translated, base, expected, fallback) => {
    const fallbackFields: string[] = []
    expect(mergeTranslation({ ...translated }, { ...base }, fallbackFields)).toEqual(expected)
    expect(fallbackFields).toEqual(fallback)
  })

  it('keeps translated rich text whole and falls back when it is missing', () => {
    const fallbackFields: string[] = []
    const out = mergeTranslation({ body: rich('EN'), answer: null }, { body: rich('LT'), answer: rich('Atsakymas') }, fallbackFields)
    expect(out.body).toEqual(rich('EN'))
    expect(out.answer).toEqual(rich('Atsakymas'))
    expect(fallbackFields).toEqual(['answer'])
  })

  it('merges array rows by their id, whatever their order', () => {
    const fallbackFields: string[] = []
    const out = mergeTranslation(
      {
        phones: [
          { id: 'b', label: '', number: '+370 460 22222' },
          { id: 'a', label: 'Reception', number: '+370 460 11111' },
        ],
      },
      {
        phones: [
          { id: 'a', label: 'Priimamasis', number: '+370 460 11111' },
          { id: 'b', label: 'Skyrius', number: '+370 460 22222' },
        ],
      },
      fallbackFields,
    )
    expect(out.phones).toEqual([
      { id: 'b', label: 'Skyrius', number: '+370 460 22222' },
      { id: 'a', label: 'Reception', number: '+370 460 11111' },
    ])
    expect(fallbackFields).toEqual(['phones'])
  })

  it('a fully translated array is not a fallback; rows without ids match by position', () => {
    const fallbackFields: string[] = []
    const out = mergeTranslation(
      { steps: [{ title: 'One' }, { title: 'Two', body: null }], timeline: [{ id: 1, label: 'Opens' }] },
      { steps: [{ title: 'Vienas', body: rich('1') }, { title: 'Du', body: rich('2') }], timeline: [{ id: 1, label: 'Atidaroma', date: '2026-01-01' }] },
      fallbackFields,
    )
    expect(out.steps).toEqual([
      { title: 'One', body: rich('1') },
      { title: 'Two', body: rich('2') },
    ])
    expect(out.timeline).toEqual([{ id: 1, label: 'Opens', date: '2026-01-01' }])
    // `body` of step 2 was empty in English: the steps fell back in part.
    expect(fallbackFields).toEqual(['steps'])
  })

  it('keeps translated rows that have no counterpart', () => {
    const out = mergeTranslation({ phones: [{ id: 'x', label: 'New' }] }, { phones: [] })
    expect(out.phones).toEqual([{ id: 'x', label: 'New' }])
  })

  it('merges groups field by field', () => {
    const fallbackFields: string[] = []
    const out = mergeTranslation(
      { address: { street: '', city: 'Pajuris' }, meta: { title: 'SEO', description: 'D' } },
      { address: { street: 'Jūros g. 1', postcode: 'LT-12345', city: 'Pajūris' }, meta: { title: 'LT', description: 'A' } },
      fallbackFields,
    )
    expect(out.address).toEqual({ street: 'Jūros g. 1', postcode: 'LT-12345', city: 'Pajuris' })
    expect(out.meta).toEqual({ title: 'SEO', description: 'D' })
    expect(fallbackFields).toEqual(['address'])
  })

  it('appends to the caller’s list and does not change its inputs', () => {
    const translated = { title: '', summary: '' }
    const base = { title: 'P', summary: 'S' }
    const list = ['earlier']
    mergeTranslation(translated, base, list)
    expect(list).toEqual(['earlier', 'title', 'summary'])
    expect(translated).toEqual({ title: '', summary: '' })
    expect(base).toEqual({ title: 'P', summary: 'S' })
  })
})

describe('normalizeHours', () => {
  const week = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
  const closedWeek = week.map((day) => ({ day, ranges: [] }))

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['not an array', { mon: '8-17' }],
    ['an empty list', []],
  ])('%s → seven closed days, Monday first', (_label, input) => {
    expect(normalizeHours(input)).toEqual(closedWeek)
  })

  it.each([
    [
      'one range on working days, weekend closed',
      [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '17:00' }],
      { mon: ['08:00–17:00'], tue: ['08:00–17:00'], wed: ['08:00–17:00'], thu: ['08:00–17:00'], fri: ['08:00–17:00'], sat: [], sun: [] },
    ],
    [
      'a lunch break: two ranges, sorted by opening time',
      [
        { days: ['mon', 'thu'], opens: '13:00', closes: '17:00' },
        { days: ['mon', 'thu'], opens: '08:00', closes: '12:00' },
      ],
      { mon: ['08:00–12:00', '13:00–17:00'], tue: [], wed: [], thu: ['08:00–12:00', '13:00–17:00'], fri: [], sat: [], sun: [] },
    ],
    [
      'Sunday listed first still comes last',
      [
        { days: ['sun'], opens: '10:00', closes: '14:00' },
        { days: ['sat', 'mon'], opens: '09:00', closes: '15:00' },
      ],
      { mon: ['09:00–15:00'], tue: [], wed: [], thu: [], fri: [], sat: ['09:00–15:00'], sun: ['10:00–14:00'] },
    ],
    [
      'rows without days, opening or closing time are ignored',
      [
        { opens: '08:00', closes: '17:00' },
        { days: ['tue'], opens: '08:00' },
        { days: ['wed'], closes: '17:00' },
        { days: ['fri'], opens: '', closes: '' },
        { days: ['fri'], opens: '07:30', closes: '15:45' },
      ],
      { mon: [], tue: [], wed: [], thu: [], fri: ['07:30–15:45'], sat: [], sun: [] },
    ],
    [
      'three ranges out of order',
      [
        { days: ['sat'], opens: '18:00', closes: '20:00' },
        { days: ['sat'], opens: '09:00', closes: '11:00' },
        { days: ['sat'], opens: '12:00', closes: '14:00' },
      ],
      { mon: [], tue: [], wed: [], thu: [], fri: [], sat: ['09:00–11:00', '12:00–14:00', '18:00–20:00'], sun: [] },
    ],
  ] as const)('%s', (_label, rows, expected) => {
    const hours = normalizeHours(rows)
    expect(hours.map((h) => h.day)).toEqual(week)
    const got = Object.fromEntries(hours.map((h) => [h.day, h.ranges.map((r) => `${r.opens}–${r.closes}`)]))
    expect(got).toEqual(expected)
  })
})

describe('telHref', () => {
  it.each([
    ['+370 460 12345', 'tel:+37046012345'],
    ['+370-460-12345', 'tel:+37046012345'],
    ['(8 460) 1 23 45', 'tel:846012345'],
    ['1860', 'tel:1860'],
    ['112', 'tel:112'],
    ['+370 460 12345 (ext. 2)', 'tel:+370460123452'],
    ['+370\u00a0460\u00a012345', 'tel:+37046012345'],
  ])('%s → %s', (number, expected) => {
    expect(telHref(number)).toBe(expected)
  })
})

describe('the news archive', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => n - i) // newest first: n … 1
  it.each([
    [0, [], []],
    [7, [7, 6, 5, 4, 3, 2, 1], []],
    [10, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], []],
    [11, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2], [[1]]],
    [25, [25, 24, 23, 22, 21, 20, 19, 18, 17, 16], [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1], [15, 14, 13, 12, 11]]],
    [30, [30, 29, 28, 27, 26, 25, 24, 23, 22, 21], [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1], [20, 19, 18, 17, 16, 15, 14, 13, 12, 11]]],
  ])('%i items: the section page and the archive, oldest page first', (n, front, archive) => {
    expect(newsArchive(items(n), 10)).toEqual({ front, archive })
  })

  it('changes at most the section page and two archive pages when an item is published or the newest removed', () => {
    for (let n = 0; n < 120; n++) {
      const before = newsArchive(items(n), 10)
      const after = newsArchive(items(n + 1), 10)
      const changed = after.archive.filter((page, i) => JSON.stringify(page) !== JSON.stringify(before.archive[i])).length
      // The newest archive page gains the item that left the section page; every tenth
      // item starts a new one instead. Every older page stays as it was.
      expect(changed, `from ${n} to ${n + 1} items`).toBeLessThanOrEqual(1)
      expect(after.archive.length - before.archive.length).toBeLessThanOrEqual(1)
      expect(after.archive.slice(0, Math.max(0, before.archive.length - 1))).toEqual(before.archive.slice(0, Math.max(0, before.archive.length - 1)))
      // Every item is on exactly one page.
      expect([...after.front, ...after.archive.flat()].sort((a, b) => a - b)).toEqual(items(n + 1).sort((a, b) => a - b))
    }
  })
})

describe('the city’s name on the site', () => {
  // Settings as Payload returns them: an untranslated field falls back to the default locale.
  const settings: Record<string, Record<string, unknown>> = {
    lt: { cityName: 'Pajūris', cityNameCases: { genitive: 'Pajūrio', locative: 'Pajūryje' }, contact: {}, footerLinks: [], socialLinks: [] },
    en: { cityName: 'Pajūris', cityNameCases: { genitive: 'Pajūrio', locative: 'Pajūryje' }, contact: {}, footerLinks: [], socialLinks: [] },
  }
  const source: ContentSource = {
    name: 'fixture',
    locales: () => ({ locales: ['lt', 'en'], defaultLocale: 'lt' }),
    published: async () => [],
    uploads: async () => [],
    settings: async (locale) => settings[locale]!,
    responseFacts: async () => ({}),
    filePath: async () => '',
    close: async () => {},
  }

  it('reaches the pages declined: "Pajūrio savivaldybė", not "Pajūris savivaldybė"', async () => {
    const snap = await buildSnapshot(source, { siteUrl: 'https://www.pajuris.example', timeZone: 'Europe/Vilnius' })
    expect(snap.content.lt!.settings.cityNameCases).toEqual({ genitive: 'Pajūrio', locative: 'Pajūryje' })
    // English has no cases of its own: the Lithuanian ones Payload fills in are not its.
    expect(snap.content.en!.settings.cityNameCases).toEqual({ genitive: undefined, locative: undefined })
    const file = path.join(os.tmpdir(), `atvira-city-${process.pid}.json`)
    process.env.ATVIRA_SNAPSHOT = file
    try {
      useSnapshot(file, snap)
      expect(consentWording('lt')).toMatch(/^Sutinku, kad Pajūrio savivaldybė tvarkytų mano el. pašto adresą/)
      expect(consentWording('en')).toMatch(/^I agree that Pajūris municipality uses my email address/)
      expect(t('lt', 'home.description', cityVars(snap.content.lt!.settings))).toBe('Pajūrio savivaldybės naujienos, paslaugos, gidai ir viešosios konsultacijos.')
      expect(t('lt', 'consultation.consent', cityVars(snap.content.lt!.settings))).toContain('tvarkytų Pajūrio savivaldybė')
    } finally {
      delete process.env.ATVIRA_SNAPSHOT
    }
  })
})
