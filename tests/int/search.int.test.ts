/**
 * Search relevance: real queries residents type (inflected, without diacritics, with
 * typos, phone numbers) against the seeded demo city, plus Ukrainian and Greek with
 * those locales configured; the expected document must be among the top 3.
 */
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../../cms/lib/env'
import { seed } from '../../cms/seed/index'
import { loadContent } from '../../cms/seed/load'
import { makeAssets } from '../../scripts/lib/assets'
import { buildLocaleIndex } from '../../site/src/lib/search/indexer'
import { LocaleSearch } from '../../site/src/lib/search/query'
import { buildSnapshot } from '../../site/src/lib/snapshot'
import { localSource } from '../../site/src/lib/source/local'
import type { Snapshot } from '../../site/src/lib/types'
import { elDocs, ukDocs } from '../fixtures/search-multilingual'
import { startCms, type TestCms } from './helpers'

let cms: TestCms
let snapshot: Snapshot
const engines: Record<string, LocaleSearch> = {}

beforeAll(async () => {
  cms = await startCms()
  const contentDir = path.join(rootDir, 'content')
  await seed(cms.payload, {
    content: loadContent(contentDir, ['lt', 'en'], 'lt'),
    assets: await makeAssets({ contentDir, outDir: path.join(cms.dir, 'assets') }),
  })
  snapshot = await buildSnapshot(await localSource(), { siteUrl: 'http://127.0.0.1', timeZone: 'Europe/Vilnius' })
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

// [locale, query, a words in the expected document's title, what the row covers]
const table: [string, string, string, string][] = [
  ['lt', 'mokesčių lengvatos', 'mokesčių lengvatas', 'plural genitive → plural accusative'],
  ['lt', 'mokesciu lengvatos', 'mokesčių lengvatas', 'no diacritics'],
  ['lt', 'nekilnojamojo turto mokestis', 'nekilnojamojo turto mokesčio', 'nominative → genitive'],
  ['lt', 'nekilnojamojo turto mokescio', 'nekilnojamojo turto mokesčio', 'no diacritics, genitive'],
  ['lt', 'šildymo kompensacija', 'šildymo kompensaciją', 'nominative → accusative'],
  ['lt', 'sildymo kompensacijos', 'šildymo kompensaciją', 'no diacritics, genitive'],
  ['lt', 'šildymas', 'Šildymo sezonas', 'nominative → genitive'],
  ['lt', 'sildymas prasideda', 'Šildymo sezonas prasideda', 'no diacritics'],
  ['lt', 'daugiabutis renovacija', 'daugiabučio renovacija', 'nominative → genitive with t/č'],
  ['lt', 'daugiabuciu renovacija', 'renovacija', 'no diacritics, plural genitive'],
  ['lt', 'darželis registracija', 'darželius', 'singular → plural accusative'],
  ['lt', 'darzeliai', 'darželi', 'no diacritics, plural'],
  ['lt', 'autobusų tvarkaraštis', 'autobusų tvarkaraščiai', 'singular → plural with š/šč'],
  ['lt', 'autobusu tvarkarasciai', 'autobusų tvarkaraščiai', 'no diacritics'],
  ['lt', 'atliekų rūšiavimas', 'Atliekų rūšiavimas', 'exact'],
  ['lt', 'atlieku rusiavimas', 'Atliekų rūšiavimas', 'no diacritics'],
  ['lt', 'geltonas konteineris', 'geltoną konteinerį', 'nominative → accusative'],
  ['lt', 'gydytojas į namus', 'gydytoją į namus', 'accusative'],
  ['lt', 'skiepai vaikams', 'paskiepyti vaiką', 'related forms'],
  ['lt', 'dviračių takas', 'dviračių takas', 'exact'],
  ['lt', 'dviraciu takai', 'dviračių takas', 'no diacritics, plural'],
  ['lt', 'gatvės remontas', 'gatvės remontas', 'exact'],
  ['lt', 'automobiliu stovejimo zona', 'stovėjimo zonos', 'no diacritics'],
  ['lt', 'kompensacjia', 'kompensacij', 'typo (transposition)'],
  ['lt', 'renovcija daugiabuciu', 'renovacij', 'typo (missing letter)'],
  ['lt', '+370 460 41800', 'poliklinika', 'phone, international'],
  ['lt', '8 460 41110', 'Pajūrio šiluma', 'phone, national format'],
  ['lt', '46041200', 'Pajūrio vandenys', 'phone, digits only'],
  ['lt', '55100', 'Viešosios tvarkos tarnyba', 'phone, subscriber part'],
  ['lt', 'Uosto g. 15', 'Viešosios tvarkos tarnyba', 'address'],
  ['en', 'property tax', 'property tax', 'English'],
  ['en', 'heating compensation', 'heating compensation', 'English'],
  ['en', 'kindergartens registration', 'Kindergarten registration', 'English plural'],
  ['en', 'recycle waste', 'waste', 'English stem'],
  ['en', 'heeting compensation', 'heating compensation', 'English typo'],
  ['en', '+370 460 41800', 'Polyclinic', 'phone in English'],
  ['uk', 'податки', 'Податок на нерухоме майно', 'Ukrainian plural → singular'],
  ['uk', 'податку', 'Податок на нерухоме майно', 'Ukrainian genitive'],
  ['uk', 'опаленням', 'Опалювальний сезон', 'Ukrainian instrumental'],
  ['uk', 'садках', 'дитячого садка', 'Ukrainian locative plural'],
  ['uk', 'відходи', 'Сортування відходів', 'Ukrainian plural'],
  ['uk', 'автобуси', 'розклад автобусів', 'Ukrainian plural'],
  ['el', 'φόρων', 'φόρος ακινήτων', 'Greek genitive plural'],
  ['el', 'φορος', 'φόρος ακινήτων', 'Greek without accents'],
  ['el', 'θέρμανσης', 'θέρμανσης', 'Greek genitive'],
  ['el', 'παιδικό σταθμό', 'παιδικούς σταθμούς', 'Greek singular → plural'],
  ['el', 'λεωφορεία', 'λεωφορείων', 'Greek plural'],
]

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
