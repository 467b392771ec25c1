import { parseLocaleCodes, settings } from './env'
import { adminLocales } from './i18n'

/**
 * Locales are configuration: ATVIRA_LOCALES="lt,en" (the first is the default).
 * Adding "uk" or "el" needs no code change; known codes get a native label.
 */
const knownLabels: Record<string, string> = {
  lt: 'Lietuvių',
  en: 'English',
  uk: 'Українська',
  el: 'Ελληνικά',
  pl: 'Polski',
  lv: 'Latviešu',
  et: 'Eesti',
  de: 'Deutsch',
  fr: 'Français',
  ru: 'Русский',
}

export type LocaleSetting = { code: string; label: string }

export function parseLocales(raw: string | undefined): LocaleSetting[] {
  return labelled(parseLocaleCodes(raw))
}

const labelled = (codes: string[]): LocaleSetting[] => codes.map((code) => ({ code, label: knownLabels[code] ?? code.toUpperCase() }))

/**
 * A locale's name in each admin language, as the language itself writes it (CLDR, through
 * `Intl.DisplayNames`): `lt` → { en: 'Lithuanian', lt: 'lietuvių' }. Any configured code
 * has one without a catalogue key, so adding a locale stays configuration. For the admin's
 * content-language switcher and the selects that pick a language.
 */
export function localeNames(code: string): Record<string, string> {
  return Object.fromEntries(adminLocales.map((language) => [language, new Intl.DisplayNames([language], { type: 'language', fallback: 'code' }).of(code) ?? code]))
}

export function getLocales(): LocaleSetting[] {
  return labelled(settings().ATVIRA_LOCALES)
}

export function getLocaleCodes(): string[] {
  return getLocales().map((l) => l.code)
}

export function getDefaultLocale(): string {
  return getLocales()[0]!.code
}

export function getTimeZone(): string {
  return settings().ATVIRA_TIMEZONE
}

/** How each content language writes dates (ATVIRA_DATE_LOCALES; English as in Britain by default). */
export function getDateLocales(): Record<string, string> {
  return settings().ATVIRA_DATE_LOCALES
}
