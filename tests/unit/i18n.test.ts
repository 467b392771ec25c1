import { describe, expect, it } from 'vitest'

import { catalogLocales, cityVars, labels, messages, type MessageKey, ownCityCases, placeholders, plural, pluralForms, t } from '../../cms/model/i18n'
import en from '../../cms/model/i18n/en.json'
import lt from '../../cms/model/i18n/lt.json'

const catalogs: Record<string, Record<string, string>> = { lt, en }
const pluralSuffix = /\.(zero|one|two|few|many|other)$/

describe('the catalogue', () => {
  it('has a file for every locale it names', () => {
    expect(catalogLocales.sort()).toEqual(Object.keys(catalogs).sort())
  })

  it('every locale has every key, with the same placeholders', () => {
    const all = new Set(Object.values(catalogs).flatMap((c) => Object.keys(c)))
    for (const [locale, catalog] of Object.entries(catalogs)) {
      expect([...all].filter((k) => !(k in catalog)), `keys missing from ${locale}.json`).toEqual([])
      for (const key of all) {
        // The city may stand in any case a language needs: {city}, {cityGen}, {cityLoc}.
        expect(placeholders(catalog[key]!), `${locale}.json "${key}"`).toEqual(placeholders(lt[key as MessageKey]))
      }
    }
  })

  it('every plural key has the forms its locale’s plural rules ask for', () => {
    const bases = new Set(Object.keys(lt).filter((k) => pluralSuffix.test(k)).map((k) => k.replace(pluralSuffix, '')))
    expect(bases.size).toBeGreaterThan(0)
    for (const [locale, catalog] of Object.entries(catalogs)) {
      for (const category of new Intl.PluralRules(locale).resolvedOptions().pluralCategories) {
        for (const base of bases) expect(catalog, `${locale}.json`).toHaveProperty([`${base}.${category}`])
      }
    }
  })

  it('the e-mail strings live in the same catalogue, under email.', () => {
    expect(t('lt', 'email.confirm.heading')).toBe('Patvirtinkite prenumeratą')
    expect(Object.keys(messages('en')).filter((k) => k.startsWith('email.')).length).toBeGreaterThan(30)
  })
})

describe('plural', () => {
  it.each([
    ['lt', 1, '1 žingsnis'],
    ['lt', 21, '21 žingsnis'],
    ['lt', 3, '3 žingsniai'],
    ['lt', 10, '10 žingsnių'],
    ['lt', 1.5, '1,5 žingsnio'],
    ['en', 1, '1 step'],
    ['en', 2, '2 steps'],
  ])('%s %d', (locale, n, expected) => {
    expect(plural(locale, 'guide.stepCount', n)).toBe(expected)
  })

  it('a locale without a catalogue counts by its own rules with the English forms', () => {
    expect(plural('uk', 'search.count', 3)).toBe('3 results')
  })

  it('hands a page script exactly the forms the locale has', () => {
    expect(Object.keys(pluralForms('lt', 'search.count')).sort()).toEqual(['few', 'many', 'one', 'other'])
    expect(pluralForms('en', 'search.count')).toEqual({ one: '{n} result', other: '{n} results' })
  })
})

describe('the city’s name in cases', () => {
  const pajuris = { cityName: 'Pajūris', cityNameCases: { genitive: 'Pajūrio', locative: 'Pajūryje' } }

  it('declines the name where Lithuanian needs it', () => {
    expect(t('lt', 'newsletter.consent', cityVars(pajuris))).toMatch(/^Sutinku, kad Pajūrio savivaldybė tvarkytų/)
    expect(t('lt', 'consultation.consent', cityVars(pajuris))).toContain('tvarkytų Pajūrio savivaldybė šiai konsultacijai')
    expect(t('lt', 'home.description', cityVars(pajuris))).toBe('Pajūrio savivaldybės naujienos, paslaugos, gidai ir viešosios konsultacijos.')
    expect(t('lt', 'email.confirm.subject', cityVars(pajuris))).toBe('Patvirtinkite Pajūrio naujienlaiškio prenumeratą')
  })

  it('a case borrowed from the default locale (Payload’s fallback) is not the locale’s own', () => {
    const lt = { genitive: 'Pajūrio', locative: 'Pajūryje' }
    expect(ownCityCases(lt, null)).toEqual(lt)
    expect(ownCityCases(lt, lt)).toEqual({ genitive: undefined, locative: undefined })
    expect(ownCityCases({ genitive: 'Пайуріса', locative: 'Pajūryje' }, lt)).toEqual({ genitive: 'Пайуріса', locative: undefined })
  })

  it('an empty case reads as the nominative', () => {
    expect(cityVars({ cityName: 'Pajūris', cityNameCases: { genitive: '', locative: null } })).toEqual({ city: 'Pajūris', cityGen: 'Pajūris', cityLoc: 'Pajūris' })
    expect(cityVars({ cityName: 'Pajūris' }).cityGen).toBe('Pajūris')
    expect(t('en', 'email.confirm.subject', cityVars({ cityName: 'Pajūris' }))).toBe('Confirm your Pajūris newsletter subscription')
  })
})

describe('admin labels', () => {
  it('come from the catalogue in Payload’s { en, lt } form', () => {
    expect(labels('admin.newsletter.subscribers')).toEqual({ en: 'Subscribers', lt: 'Prenumeratoriai' })
  })
})
