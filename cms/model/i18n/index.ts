import elJson from './el.json'
import enJson from './en.json'
import lt from './lt.json'
import ukJson from './uk.json'

/**
 * The one catalogue of the site, the e-mails (`email.*`) and the admin labels
 * (`admin.*`): one JSON file per locale. Keys are typed from the Lithuanian file, so a
 * misspelt key fails the type check; a locale added by configuration without its own
 * file falls back to English, key by key. Greek has the site's and the e-mails' words
 * only: Payload has no Greek admin, so a Greek city's staff use the English one.
 */
export type MessageKey = keyof typeof lt
type Messages = Record<MessageKey, string>

// Typed as complete: a key missing from English fails the type check here.
const en: Messages = enJson
const catalogs: Record<string, Partial<Messages>> = { lt, en, uk: ukJson, el: elJson }

/** The locales that have their own catalogue file. */
export const catalogLocales = Object.keys(catalogs)

/** The admin's interface languages: Payload ships them, and the catalogue has their `admin.*` words. */
export const adminLocales = ['lt', 'en', 'uk'] as const
export type AdminLocale = (typeof adminLocales)[number]

/** The staff's language for a message, or English where the admin has no such language. */
export function adminLocale(language: string | undefined): AdminLocale {
  return (adminLocales as readonly string[]).includes(language ?? '') ? (language as AdminLocale) : 'en'
}

export function messages(locale: string): Messages {
  return { ...en, ...(catalogs[locale] ?? {}) }
}

export function hasCatalog(locale: string): boolean {
  return locale in catalogs
}

export type MessageVars = Record<string, string | number>

/** `t('en', 'pagination.page', { n: 2 })` → "Page 2". Missing keys fail loudly in tests. */
export function t(locale: string, key: MessageKey, vars: MessageVars = {}): string {
  const template = catalogs[locale]?.[key] ?? en[key]
  if (template === undefined) throw new Error(`Missing interface string "${key}" (${locale}): add it to cms/model/i18n/en.json`)
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (vars[name] === undefined ? `{${name}}` : String(vars[name])))
}

/** The keys written in plural forms: `search.count` for `search.count.one` … `search.count.other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never

/** The form of a counted phrase a count needs in a locale: its plural category, else `other`. */
export function pluralTemplate(locale: string, key: PluralKey, category: Intl.LDMLPluralRule): string {
  const own = messages(locale) as Record<string, string>
  return own[`${key}.${category}`] ?? own[`${key}.other`]!
}

/**
 * `t()` for counted phrases: picks `key.one`/`key.few`/`key.many`/`key.other` by the
 * locale's `Intl.PluralRules` and fills `{n}` with the count as the locale writes it.
 */
export function plural(locale: string, key: PluralKey, n: number, vars: MessageVars = {}): string {
  const category = new Intl.PluralRules(locale).select(n)
  const variant = `${key}.${category}` in messages(locale) ? `${key}.${category}` : `${key}.other`
  return t(locale, variant as MessageKey, { ...vars, n: new Intl.NumberFormat(locale).format(n) })
}

/** Every form a locale's plural rules can ask for, for a page script that counts live. */
export function pluralForms(locale: string, key: PluralKey): Partial<Record<Intl.LDMLPluralRule, string>> {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories
  return Object.fromEntries(categories.map((c) => [c, pluralTemplate(locale, key, c)]))
}

/**
 * The city's name in the grammatical cases messages need (Settings, per locale): lt
 * *Pajūris* · *Pajūrio* (genitive) · *Pajūryje* (locative). An empty case reads as the
 * nominative, which is all English needs.
 */
export type CityNameCases = { genitive?: string | null; locative?: string | null }
export type CityName = { cityName: string; cityNameCases?: CityNameCases | null }

/**
 * The cases a locale's own Settings give. Payload fills an untranslated field from the
 * default locale: a case equal to the default locale's declines the other language's
 * name, so it is left out and the message reads the nominative.
 */
export function ownCityCases(cases: CityNameCases | null | undefined, defaults?: CityNameCases | null): { genitive?: string; locative?: string } {
  const own = (k: keyof CityNameCases) => {
    const v = cases?.[k] || undefined
    return v && v !== (defaults?.[k] || undefined) ? v : undefined
  }
  return { genitive: own('genitive'), locative: own('locative') }
}

/** The placeholders a message naming the city uses: `{city}`, `{cityGen}`, `{cityLoc}`. */
export function cityVars(name: CityName): { city: string; cityGen: string; cityLoc: string } {
  const city = name.cityName
  return { city, cityGen: name.cityNameCases?.genitive || city, cityLoc: name.cityNameCases?.locative || city }
}

/** The placeholders of a message: `{n}`, `{title}`; the city's cases count as one, `{city}`. */
export function placeholders(template: string): string[] {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/^city(Gen|Loc)$/, 'city'))
  return [...new Set(names)].sort()
}

/** A label in every admin language: Payload's `label: { en, lt, uk }` form. */
export type AdminLabel = Record<AdminLocale, string>

/** `labels('admin.newsletter.preview')` → `{ en: 'Preview', lt: 'Peržiūra', uk: 'Попередній перегляд' }`, for Payload labels. */
export function labels(key: MessageKey, vars: MessageVars = {}): AdminLabel {
  return Object.fromEntries(adminLocales.map((l) => [l, t(l, key, vars)])) as AdminLabel
}

/** The same words in every admin language (a raw key while wiring is incomplete). */
export function sameLabel(text: string): AdminLabel {
  return Object.fromEntries(adminLocales.map((l) => [l, text])) as AdminLabel
}

/**
 * The strings a client component shows, resolved on the server in the admin's language
 * (so the client bundle carries no catalogue): `{ submit: 'admin.review.submit' }` →
 * `{ submit: 'Pateikti peržiūrai' }`.
 */
export function stringsIn<K extends string>(locale: string, keys: Record<K, MessageKey>): Record<K, string> {
  return Object.fromEntries(Object.entries<MessageKey>(keys).map(([name, key]) => [name, t(locale, key)])) as Record<K, string>
}

/** Whether the catalogue has `key`: for keys built at run time (the admin's field labels). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(lt, key)
}
