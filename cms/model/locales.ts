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
  const codes = (raw ?? '').trim() ? raw!.split(',').map((c) => c.trim()) : ['lt', 'en']
  const seen = new Set<string>()
  const locales: LocaleSetting[] = []
  for (const code of codes) {
    if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(code)) {
      throw new Error(
        `ATVIRA_LOCALES: "${code}" is not a locale code (expected e.g. "lt", "en", "uk"); got "${raw}".`,
      )
    }
    if (seen.has(code)) continue
    seen.add(code)
    locales.push({ code, label: knownLabels[code] ?? code.toUpperCase() })
  }
  if (locales.length === 0) throw new Error('ATVIRA_LOCALES must list at least one locale.')
  return locales
}

export function getLocales(): LocaleSetting[] {
  return parseLocales(process.env.ATVIRA_LOCALES)
}

export function getLocaleCodes(): string[] {
  return getLocales().map((l) => l.code)
}

export function getDefaultLocale(): string {
  return getLocales()[0]!.code
}

export function getTimeZone(): string {
  const tz = (process.env.ATVIRA_TIMEZONE ?? '').trim() || 'Europe/Vilnius'
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
  } catch {
    throw new Error(`ATVIRA_TIMEZONE "${tz}" is not a known IANA time zone (e.g. Europe/Vilnius).`)
  }
  return tz
}
