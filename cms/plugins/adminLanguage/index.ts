import { en } from '@payloadcms/translations/languages/en'
import { lt } from '@payloadcms/translations/languages/lt'
import { uk } from '@payloadcms/translations/languages/uk'
import type { CollectionConfig, Config, GlobalConfig, Plugin } from 'payload'

import { adminLocales, labels, t, type AdminLabel, type MessageKey } from '../../model/i18n'
import { localeNames } from '../../model/locales'
import { registry } from '../../model/registry'
import { dateFormats, localizedEntities } from './fields'

/**
 * The admin in the staff's language: Payload's own interface in Lithuanian and English
 * (Account → Language, else the browser's language), and every collection, global and
 * navigation group named from the one catalogue (content types by their registry
 * entry, `admin.collection.*`, `admin.global.*` and `admin.group.*` for the rest): the
 * collections themselves carry no labels. Every field's label, description and options
 * too (./fields.ts: `admin.field.*`, `admin.description.*`, `admin.option.*`, `admin.row.*`),
 * and the content languages by their names in the staff's language. Dates as Lithuanians write them, on a 24-hour clock; schedules in the
 * city's time zone. Runs last, so it names the collections every feature added.
 */

/** Payload's interface translations, for the catalogue's admin locales (Payload ships them). */
export const adminLanguages = { lt, en, uk }
export type AdminLanguage = keyof typeof adminLanguages

export type AdminLanguageOptions = {
  /** The city's time zone (ATVIRA_TIMEZONE): the schedule drawer's default. */
  timeZone: string
  /** Payload translation overrides (e.g. the sign-in messages), merged per language. */
  translations?: Partial<Record<AdminLanguage, object>>
}

/** 2026-12-02 15:04: the order Lithuanian (ISO 8601) uses, and reads fine in English. */
export const adminDateFormat = dateFormats.dayAndTime!

const groupKeys: Record<string, MessageKey> = {
  Content: 'admin.group.content',
  Files: 'admin.group.files',
  Newsletter: 'admin.group.newsletter',
  Publishing: 'admin.group.publishing',
  Structure: 'admin.group.structure',
  Administration: 'admin.group.administration',
}

/** A navigation group's name in every admin language; an unknown group is a wiring mistake. */
function groupLabel(owner: string, group: unknown): unknown {
  if (typeof group !== 'string') return group
  const key = groupKeys[group]
  if (!key) throw new Error(`${owner} is in the admin group "${group}", which cms/plugins/adminLanguage does not know: add it to groupKeys and an admin.group.* key to cms/model/i18n.`)
  return labels(key)
}

type Named = { singular: AdminLabel; plural: AdminLabel }

/** A collection's names: its registry entry's, else its `admin.collection.<slug>.*` keys. */
export function collectionLabels(slug: string): Named {
  const type = registry.get(slug)
  if (type) {
    const pick = (form: 'singular' | 'plural') =>
      Object.fromEntries(adminLocales.map((l) => [l, type.labels[l]?.[form] ?? type.labels.en?.[form] ?? slug])) as AdminLabel
    return { singular: pick('singular'), plural: pick('plural') }
  }
  const missing = `The collection "${slug}" has no names in the admin's languages: add admin.collection.${slug}.singular and .plural`
  return { singular: catalogueLabel(`admin.collection.${slug}.singular`, missing), plural: catalogueLabel(`admin.collection.${slug}.plural`, missing) }
}

/** A catalogue key's `{ en, lt }`; a key the catalogue lacks stops the start with what to add. */
function catalogueLabel(key: string, missing: string): AdminLabel {
  try {
    return labels(key as MessageKey)
  } catch {
    throw new Error(`${missing} to cms/model/i18n (lt.json and en.json).`)
  }
}

function namedCollection(c: CollectionConfig): CollectionConfig {
  return { ...c, labels: collectionLabels(c.slug), admin: { ...c.admin, group: groupLabel(`The collection "${c.slug}"`, c.admin?.group) as never } }
}

function namedGlobal(g: GlobalConfig): GlobalConfig {
  const label = catalogueLabel(`admin.global.${g.slug}`, `The global "${g.slug}" has no name in the admin's languages: add admin.global.${g.slug}`)
  return { ...g, label, admin: { ...g.admin, group: groupLabel(`The global "${g.slug}"`, g.admin?.group) as never } }
}

/**
 * Payload's words that name Payload rather than what staff see: the account page's
 * "Payload Settings"; the content-language switcher's "Locale" (lt "Lokalė"), which is the
 * language of the document being edited, not of the interface.
 */
type Translations = Record<string, Record<string, object>>

/**
 * The plugins' translations (the SEO plugin's `plugin-seo` namespace) with ours, merged
 * per language and namespace: a shallow merge per language dropped the SEO plugin's
 * Lithuanian, and its fields showed raw keys ("plugin-seo:missing").
 */
export function mergeTranslations(...sources: (Translations | undefined)[]): Record<string, Record<string, object>> {
  const out: Record<string, Record<string, object>> = {}
  for (const source of sources)
    for (const [language, namespaces] of Object.entries(source ?? {}))
      for (const [namespace, words] of Object.entries(namespaces)) {
        out[language] ??= {}
        out[language][namespace] = { ...out[language][namespace], ...words }
      }
  return out
}

function withOwnWords(language: string, overrides: { general?: object; version?: object }): object {
  return {
    ...overrides,
    // The Publish menu in plain words ("Publikuokite visus lokalizacijas" is not Lithuanian).
    version: {
      ...overrides.version,
      publishAllLocales: t(language, 'admin.publish.allLanguages'),
      schedulePublish: t(language, 'admin.publish.schedule'),
      confirmPublish: t(language, 'admin.publish.confirm'),
    },
    general: {
      schedulePublishFor: t(language, 'admin.publish.scheduleFor'),
      ...overrides.general,
      payloadSettings: t(language, 'admin.account.interfaceSettings'),
      locale: t(language, 'admin.contentLanguage'),
      // A checkbox column and its filter read "taip" / "ne", not "tiesa" / "netiesa" ("true").
      true: t(language, 'admin.boolean.true'),
      false: t(language, 'admin.boolean.false'),
    },
  }
}

/**
 * The content languages named in the staff's language: "Turinio kalba: lietuvių",
 * "Content language: Lithuanian", not each language's own name ("Lietuvių") in both.
 * Payload writes a localized field's label with the language after it ("Title — Lietuvių")
 * only when the name is a string; given names per admin language it writes the code
 * instead, which the admin's stylesheet capitalises (custom.scss): "Pavadinimas — LT",
 * "Title — LT", as the sidebar's site box writes languages. It stays, because it tells which
 * fields each language has its own of, and which the languages share (topics, images).
 */
function namedLocales(localization: Config['localization']): Config['localization'] {
  if (!localization) return localization
  const locales = (localization.locales as (string | { code: string })[]).map((l) => {
    const locale = typeof l === 'string' ? { code: l } : l
    return { ...locale, label: localeNames(locale.code) }
  })
  return { ...localization, locales } as Config['localization']
}

export const adminLanguagePlugin =
  (options: AdminLanguageOptions): Plugin =>
  (config: Config): Config => {
    const overrides = mergeTranslations(config.i18n?.translations as Translations | undefined, options.translations as Translations | undefined)
    const { collections, globals } = localizedEntities((config.collections ?? []).map(namedCollection), (config.globals ?? []).map(namedGlobal))
    return {
      ...config,
      collections,
      globals,
      localization: namedLocales(config.localization),
      admin: {
        ...config.admin,
        dateFormat: adminDateFormat,
        timezones: {
          defaultTimezone: options.timeZone,
          // The city's zone first; UTC for the rare editor who thinks in it.
          supportedTimezones: [...new Set([options.timeZone, 'UTC'])].map((tz) => ({ label: tz, value: tz })),
        },
      },
      i18n: {
        ...config.i18n,
        supportedLanguages: adminLanguages,
        // Payload has one fallback for the admin and for the messages of every API answer:
        // scripts and integrations that ask for no language read English; a browser asks
        // for its own (a Lithuanian one gets the Lithuanian admin).
        fallbackLanguage: 'en',
        translations: Object.fromEntries(Object.keys(adminLanguages).map((l) => [l, withOwnWords(l, overrides[l] ?? {})])),
      },
    }
  }
