/**
 * Search relevance: real queries residents type (inflected, without diacritics, with
 * typos, phone numbers) against the seeded demo city, plus Ukrainian and Greek with
 * those locales configured; the expected document must be among the top 3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildLocaleIndex } from '../../site/templates/src/lib/search/indexer'
import { LocaleSearch } from '../../site/templates/src/lib/search/query'
import { buildSnapshot } from '../../site/publisher/snapshot'
import { localSource } from '../../cms/plugins/publishing/localSource'
import type { Snapshot } from '../../cms/model/snapshot'
import { relevanceTable as table } from '../fixtures/relevance'
import { elDocs, ukDocs } from '../fixtures/search-multilingual'
import { seedDemo, startCms, type TestCms } from './helpers'

let cms: TestCms
let snapshot: Snapshot
const engines: Record<string, LocaleSearch> = {}

beforeAll(async () => {
  cms = await startCms()
  await seedDemo(cms)
  snapshot = await buildSnapshot(await localSource(cms.payload), { siteUrl: 'http://127.0.0.1', timeZone: 'Europe/Vilnius' })
  for (const locale of snapshot.locales) {
    // Through JSON, as the server loads them.
    engines[locale] = new LocaleSearch(JSON.parse(JSON.stringify(buildLocaleIndex(locale, snapshot.content[locale]!.docs))))
  }
  engines.uk = new LocaleSearch(JSON.parse(JSON.stringify(buildLocaleIndex('uk', ukDocs))))
  engines.el = new LocaleSearch(JSON.parse(JSON.stringify(buildLocaleIndex('el', elDocs))))
})

afterAll(async () => {
  await cms?.close()
})

describe('relevance table', () => {
  it(`has at least 40 queries`, () => expect(table.length).toBeGreaterThanOrEqual(40))

  it.each(table)('[%s] %s → "%s" in the top 3 (%s)', (locale, query, expected) => {
    const result = engines[locale]!.search({ q: query })
    const top = result.hits.slice(0, 3).map((h) => h.title)
    expect(
      top.some((t) => t.toLowerCase().includes(expected.toLowerCase())),
      `top 3 for "${query}": ${JSON.stringify(top)}`,
    ).toBe(true)
  })

  it.each(["об'єкт", 'об’єкт', 'обʼєкт', 'обєкт', "подвір'я", 'подвіря'])('Ukrainian: "%s" is the same word with any apostrophe or none, found exactly (not by typo tolerance)', (q) => {
    const result = engines.uk!.search({ q })
    expect(result.hits.map((h) => h.title)).toEqual(['Реєстрація обʼєкта нерухомості'])
    expect(result.fuzzy).toBe(false)
  })

  it('Greek typed on the Latin keyboard is read as the Greek keys, and said to be a near match', () => {
    const result = engines.el!.search({ q: 'forow' })
    expect(result.hits[0]?.title).toBe('Δημοτικός φόρος ακινήτων')
    expect(result.fuzzy).toBe(true)
    expect(result.hits[0]!.snippetHtml).toMatch(/<mark>φόρ/)
    // Latin words in a Lithuanian or English search are never retyped.
    expect(engines.en!.search({ q: 'forow' }).total).toBe(0)
  })

  it('says when it fell back to typo tolerance, and marks the words found', () => {
    const exact = engines.lt!.search({ q: 'kompensacija' })
    expect(exact.fuzzy).toBe(false)
    const typo = engines.lt!.search({ q: 'kompensacjia' })
    expect(typo.fuzzy).toBe(true)
    expect(typo.hits[0]!.snippetHtml).toMatch(/<mark>[^<]*ompensacij/i)
  })

  it('finds the same documents with and without diacritics', () => {
    const a = engines.lt!.search({ q: 'daugiabučių namų renovacija' }).hits.map((h) => h.url)
    const b = engines.lt!.search({ q: 'daugiabuciu namu renovacija' }).hits.map((h) => h.url)
    expect(a.length).toBeGreaterThan(0)
    expect(b).toEqual(a)
  })

  it('indexes every published content type and nothing unpublished', () => {
    const types = Object.keys(engines.lt!.search({ q: 'Pajūrio' }).facets.types).sort()
    expect(types).toEqual(['consultations', 'guides', 'handbook', 'leaflets', 'news', 'pages', 'services'])
    expect(engines.lt!.search({ q: 'baseinas eskizai' }).hits.map((h) => h.title).join(' ')).not.toMatch(/Naujasis baseinas/)
  })
})

describe('bad input', () => {
  const inputs: [string, string][] = [
    ['empty', ''],
    ['spaces', '    '],
    ['10 KB', 'mokesčiai '.repeat(1024)],
    ['lunr syntax', 'mokes* title:šildymas ~2 ^10 +renovacija -darželis'],
    ['unpaired quotes', '"šildymo kompensacija'],
    ['control characters', 'šild\u0000ymas\u0007\u001b[31m'],
    ['emoji and scripts', '🏠 中文 العربية עברית हिन्दी ქართული'],
    ['only punctuation', '*:~^+-"\'()[]{}'],
  ]
  it.each(inputs)('%s gives results or an empty result, never an error', (_label, q) => {
    for (const engine of Object.values(engines)) {
      const r = engine.search({ q })
      expect(r.hits.length).toBeLessThanOrEqual(10)
      expect(r.query.length).toBeLessThanOrEqual(200)
    }
  })
})
