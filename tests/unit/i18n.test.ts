import { describe, expect, it } from 'vitest'

import { adminLocales, catalogLocales, cityVars, labels, messages, type MessageKey, ownCityCases, placeholders, plural, pluralForms, t } from '../../cms/model/i18n'
import el from '../../cms/model/i18n/el.json'
import en from '../../cms/model/i18n/en.json'
import lt from '../../cms/model/i18n/lt.json'
import uk from '../../cms/model/i18n/uk.json'

const catalogs: Record<string, Record<string, string>> = { lt, en, uk, el }
const pluralSuffix = /\.(zero|one|two|few|many|other)$/
const allKeys = Object.keys(lt)
/** What residents read (the site, feeds, calendars, e-mails): every catalogue has all of it. */
const publicKeys = allKeys.filter((k) => !k.startsWith('admin.'))
/** Keys whose value is part of an address: Latin lower case, digits and hyphens. */
const pathKey = (k: string) => /^(sections|segments)\./.test(k) || /(^|\.)(path|\w+Path)$/.test(k) || k === 'consultations.calendarFile'
/** Words the same in every language: the language's own name aside, marks and names. */
const sameEverywhere = new Set(['RSS', 'iCal', 'PDF', 'Facebook', 'Instagram', 'YouTube', 'X', 'LinkedIn', 'Mastodon', 'ID'])

describe('the catalogue', () => {
  it('has a file for every locale it names, and the admin languages are among them', () => {
    expect(catalogLocales.sort()).toEqual(Object.keys(catalogs).sort())
    expect(adminLocales.every((l) => catalogLocales.includes(l))).toBe(true)
  })

  it.each(Object.keys(catalogs))('%s: has every key residents read (and staff read, in an admin language), with the same placeholders', (locale) => {
    const catalog = catalogs[locale]!
    const needed = (adminLocales as readonly string[]).includes(locale) ? allKeys : publicKeys
    expect(needed.filter((k) => !(k in catalog)), `keys missing from ${locale}.json`).toEqual([])
    expect(Object.keys(catalog).filter((k) => !allKeys.includes(k)), `${locale}.json keys lt.json does not have`).toEqual([])
    for (const key of Object.keys(catalog)) {
      // The city may stand in any case a language needs: {city}, {cityGen}, {cityLoc}.
      expect(placeholders(catalog[key]!), `${locale}.json "${key}"`).toEqual(placeholders(lt[key as MessageKey]))
    }
  })

  it.each(['uk', 'el'])('%s: is written in its own language: no value left in English or Lithuanian, addresses in Latin letters', (locale) => {
    const catalog = catalogs[locale]!
    const left = Object.entries(catalog).filter(([k, v]) => !pathKey(k) && !sameEverywhere.has(v) && (v === en[k as MessageKey] || v === lt[k as MessageKey]) && /\p{L}{2,}/u.test(v.replace(/\{\w+\}/g, '')))
    expect(left.map(([k, v]) => `${k}: ${v}`)).toEqual([])
    const script = locale === 'uk' ? /\p{Script=Cyrillic}/u : /\p{Script=Greek}/u
    const prose = Object.entries(catalog).filter(([k, v]) => !pathKey(k) && /\p{L}{4,}/u.test(v.replace(/\{\w+\}/g, '')) && !sameEverywhere.has(v))
    expect(prose.filter(([, v]) => !script.test(v)).map(([k, v]) => `${k}: ${v}`), 'values with no letter of the language').toEqual([])
    const paths = Object.entries(catalog).filter(([k]) => pathKey(k))
    expect(paths.length).toBeGreaterThanOrEqual(15)
    expect(paths.filter(([, v]) => !/^[a-z0-9]+(-[a-z0-9]+)*(\.ics)?$/.test(v)).map(([k, v]) => `${k}: ${v}`)).toEqual([])
  })

  it('every plural key has the forms its locale’s plural rules ask for', () => {
    const bases = new Set(Object.keys(lt).filter((k) => pluralSuffix.test(k)).map((k) => k.replace(pluralSuffix, '')))
    expect(bases.size).toBeGreaterThan(0)
    for (const [locale, catalog] of Object.entries(catalogs)) {
      const own = (adminLocales as readonly string[]).includes(locale) ? bases : new Set([...bases].filter((b) => !b.startsWith('admin.')))
      for (const category of new Intl.PluralRules(locale).resolvedOptions().pluralCategories) {
        for (const base of own) expect(catalog, `${locale}.json`).toHaveProperty([`${base}.${category}`])
      }
    }
  })

  it('the e-mail strings live in the same catalogue, under email.', () => {
    expect(t('lt', 'email.confirm.heading')).toBe('Patvirtinkite prenumeratą')
    expect(Object.keys(messages('en')).filter((k) => k.startsWith('email.')).length).toBeGreaterThan(30)
  })

  it('a Greek city’s staff read the English admin (Payload has no Greek): admin words fall back to English', () => {
    expect(t('el', 'admin.newsletter.subscribers')).toBe(t('en', 'admin.newsletter.subscribers'))
    expect(t('el', 'site.skip')).not.toBe(t('en', 'site.skip'))
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
    expect(plural('pl', 'search.count', 3)).toBe('3 results')
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
  it('come from the catalogue in Payload’s { en, lt, uk } form', () => {
    expect(labels('admin.newsletter.subscribers')).toEqual({ en: 'Subscribers', lt: 'Prenumeratoriai', uk: t('uk', 'admin.newsletter.subscribers') })
    expect(labels('admin.newsletter.subscribers').uk).toMatch(/\p{Script=Cyrillic}/u)
  })
})
