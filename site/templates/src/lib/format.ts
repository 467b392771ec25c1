import { plural, t } from '@atvira/model/i18n'
import type { DayHours, Locale, SiteFile, Weekday } from '@atvira/model/snapshot'

/**
 * Dates, numbers and file descriptions for the templates. Everything goes through
 * `Intl` in the page's locale and the city's time zone, so a build on a server in UTC
 * still shows local time, and a locale added later (uk, el) formats correctly.
 */

/** The conventions a language's dates follow on this site (the snapshot's `dateLocales`: `en` → `en-GB`). */
export function dateLocale(locale: Locale, dateLocales?: Record<string, string>): string {
  return dateLocales?.[locale] ?? locale
}

export function formatDate(iso: string, locale: Locale, timeZone: string, dateLocales?: Record<string, string>): string {
  return new Intl.DateTimeFormat(dateLocale(locale, dateLocales), { dateStyle: 'long', timeZone }).format(new Date(iso))
}

export function formatDateTime(iso: string, locale: Locale, timeZone: string, dateLocales?: Record<string, string>): string {
  return new Intl.DateTimeFormat(dateLocale(locale, dateLocales), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso))
}

/** Decimal units (1 MB = 1,000,000 bytes), as file managers on phones show them. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = Math.max(0, bytes)
  let i = 0
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000
    i++
  }
  // One decimal only where it carries information (1.2 MB, not 21.3 kB).
  const digits = i >= 2 && value < 10 ? 1 : 0
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: digits,
  }).format(value)
}

/** `t()` for counted phrases, by the locale's `Intl.PluralRules` (the catalogue's own). */
export { plural }

/** The name of a language in the page's language: "Lithuanian" / "anglų". */
export function languageName(language: Locale, inLocale: Locale): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language' }).of(language) ?? language
  } catch {
    return language
  }
}

/** "PDF" from the MIME type, else the file extension. */
export function fileType(file: Pick<SiteFile, 'mimeType' | 'filename'>): string {
  if (file.mimeType === 'application/pdf') return 'PDF'
  const ext = /\.([a-z0-9]+)$/i.exec(file.filename)?.[1]
  return (ext ?? file.mimeType.split('/').pop() ?? '').toUpperCase()
}

/**
 * A file link that says what the resident is about to download:
 * "Leaflet (PDF, 1.2 MB, 4 pages)", "Lankstinukas (PDF, 1,2 MB, 4 psl., anglų kalba)".
 */
export function fileLinkText(file: SiteFile, locale: Locale, label: string = file.title): string {
  return `${label} (${fileDetails(file, locale)})`
}

export function fileDetails(file: SiteFile, locale: Locale): string {
  const parts = [fileType(file), formatFileSize(file.size, locale)]
  if (file.pages) parts.push(plural(locale, 'file.pages', file.pages))
  if (file.language && file.language !== locale) {
    parts.push(t(locale, 'file.inLanguage', { language: languageName(file.language, locale) }))
  }
  return parts.join(', ')
}

export type HoursRow = { day: Weekday; name: string; closed: boolean; text: string }

// 1 January 2024 was a Monday: a fixed week to ask Intl for weekday names.
const weekdayIndex: Record<Weekday, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 }

export function weekdayName(day: Weekday, locale: Locale): string {
  const date = new Date(Date.UTC(2024, 0, weekdayIndex[day]))
  const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date)
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1)
}

/** Rows for the opening-hours table; a day without ranges reads "Closed". */
export function formatHours(hours: DayHours[], locale: Locale): HoursRow[] {
  return hours.map((h) => {
    const closed = h.ranges.length === 0
    const text = closed ? t(locale, 'hours.closed') : h.ranges.map((r) => `${r.opens}–${r.closes}`).join(', ')
    return { day: h.day, name: weekdayName(h.day, locale), closed, text }
  })
}

/** Moves rich-text headings up or down (an answer shown under h1 instead of h3). */
export function shiftHeadings(html: string, by: number): string {
  return html.replace(/<(\/?)h([1-6])\b/g, (_, slash: string, level: string) => {
    const n = Math.min(6, Math.max(2, Number(level) + by))
    return `<${slash}h${n}`
  })
}

/** Plain text from HTML, for JSON-LD and feed descriptions. */
export function stripHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Rich-text HTML cleaned as the snapshot already does (see richtext.ts). */

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** Phone numbers never break across lines: non-breaking spaces and hyphens. */
export function formatPhone(number: string): string {
  return number.replace(/ /g, '\u00a0').replace(/-/g, '\u2011')
}

/**
 * The document `<title>`: "Page – City", kept within 70 characters (what search
 * results and tabs show; validators enforce it). The city goes first, then words.
 */
export function pageTitle(title: string, city: string, max = 70): string {
  // A title that starts with the city's name already (the home page's) is whole.
  if (title === city || title.startsWith(`${city} – `)) return title
  const full = `${title} – ${city}`
  if (full.length <= max) return full
  if (title.length <= max) return title
  const cut = title.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.:;–-]+$/, '')}…`
}
