import ical, { ICalEventTransparency } from 'ical-generator'

import { zonedParts, zonedTime } from '@atvira/model/zonedTime'
import { type CityNameCases, cityVars, t } from '@atvira/model/i18n'
import { dateLocale, formatDateTime } from '../../lib/format'
import { docsOf, localeContent, snapshot } from '../../lib/load'
import { absoluteUrl, consultationsCalendarPath } from '@atvira/model/routes'
import type { ConsultationDoc, Locale } from '@atvira/model/snapshot'
import { ctx } from './routes'

/**
 * The consultations' iCal feed (RFC 5545), one per locale, for residents to subscribe
 * to in a calendar app.
 *
 * Event shape: two events per consultation, one at its opening and one at its closing
 * moment, rather than one event spanning the weeks in between. A multi-week event
 * covers every day of a calendar view and hides the one moment people need (the
 * deadline); two short entries sit on the right days and read like a reminder. Each
 * starts at its moment and lasts half an hour, cut at the next midnight in the city so
 * a 23:59 deadline stays on its own day: an event without DTEND has no duration (RFC
 * 5545 §3.6.1), which some apps hide or draw as a sliver, and others stretch to an
 * all-day entry. Marked transparent so they never make anyone look busy. No alarms: calendar apps drop or strip alarms in
 * subscribed calendars (Google ignores them, Apple removes them by default), and an
 * imposed alarm in every subscriber's calendar is not ours to set.
 *
 * Times are written in UTC (`…Z`), which every calendar app shows in its user's own
 * zone; a named TZID would need a VTIMEZONE block that we would have to write by hand.
 * The description also states both dates in the city's time zone.
 *
 * UIDs depend only on the consultation, the kind of event and the locale, so an edited
 * date moves the existing entry in subscribers' calendars instead of adding one.
 * DTSTAMP is the consultation's last change (for a feed without METHOD it stands for
 * LAST-MODIFIED), so rebuilding the site does not change an untouched feed.
 */

export type CalendarConsultation = Pick<ConsultationDoc, 'id' | 'title' | 'summary' | 'url' | 'opensAt' | 'closesAt' | 'updatedAt'>

export type CalendarInput = {
  locale: Locale
  cityName: string
  cityNameCases?: CityNameCases
  /** The site's public address, e.g. https://www.pajuris.lt */
  siteUrl: string
  /** The city's IANA time zone, for the dates written in the descriptions. */
  timeZone: string
  /** How each language writes dates (the snapshot's `dateLocales`). */
  dateLocales?: Record<string, string>
  /** Site path of the feed itself. */
  path: string
  consultations: CalendarConsultation[]
}

export type CalendarKind = 'opens' | 'closes'

/** A stable UID: `consultation-<id>-opens-lt@www.pajuris.lt`. */
export function calendarUid(id: string, kind: CalendarKind, locale: Locale, siteUrl: string): string {
  return `consultation-${id}-${kind}-${locale}@${new URL(siteUrl).hostname}`
}

/**
 * The date and time in the city as the site writes it, with the UTC offset so that
 * a reader elsewhere is not misled: "January 15, 2026 at 10:00 AM (GMT+2)".
 */
export function cityDateTime(iso: string, locale: Locale, timeZone: string, dateLocales?: Record<string, string>): string {
  const offset = new Intl.DateTimeFormat(dateLocale(locale, dateLocales), { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName')?.value
  const text = formatDateTime(iso, locale, timeZone, dateLocales)
  return offset ? `${text} (${offset})` : text
}

/** How long an opening or closing entry lasts in a calendar. */
export const EVENT_MINUTES = 30

/** The first midnight in the zone after an instant. */
export function nextMidnight(at: Date, timeZone: string): Date {
  const p = zonedParts(at, timeZone)
  // Date.UTC carries day + 1 past the month's (and year's) end.
  return zonedTime(p.year, p.month, p.day + 1, 0, 0, timeZone)
}

/** When an entry starting at `at` ends: half an hour later, never past the city's midnight. */
export function eventEnd(at: Date, timeZone: string): Date {
  return new Date(Math.min(at.getTime() + EVENT_MINUTES * 60_000, nextMidnight(at, timeZone).getTime()))
}

export function consultationCalendar(input: CalendarInput): string {
  const { locale, siteUrl, timeZone, dateLocales } = input
  const calendar = ical({
    name: t(locale, 'calendar.name', cityVars(input)),
    description: t(locale, 'calendar.description'),
    prodId: { company: 'Atvira', product: 'consultations', language: locale.toUpperCase() },
    url: absoluteUrl(siteUrl, input.path),
    // The site is rebuilt on every publication; ask subscribers' apps to look hourly.
    ttl: 60 * 60,
  })
  const events = input.consultations.flatMap((c) =>
    (['opens', 'closes'] as const).map((kind) => ({ c, kind, at: kind === 'opens' ? c.opensAt : c.closesAt })),
  )
  events.sort((a, b) => a.at.localeCompare(b.at) || a.c.id.localeCompare(b.c.id) || a.kind.localeCompare(b.kind))
  for (const { c, kind, at } of events) {
    const url = absoluteUrl(siteUrl, c.url)
    const period = t(locale, 'calendar.period', {
      opens: cityDateTime(c.opensAt, locale, timeZone, dateLocales),
      closes: cityDateTime(c.closesAt, locale, timeZone, dateLocales),
    })
    calendar.createEvent({
      id: calendarUid(c.id, kind, locale, siteUrl),
      start: new Date(at),
      end: eventEnd(new Date(at), timeZone),
      stamp: new Date(c.updatedAt),
      summary: t(locale, kind === 'opens' ? 'calendar.opens' : 'calendar.closes', { title: c.title }),
      // Many apps do not show the URL property: the link is in the text as well.
      description: [c.summary, period, url].filter(Boolean).join('\n\n'),
      url,
      transparency: ICalEventTransparency.TRANSPARENT,
    })
  }
  return calendar.toString()
}

export type CalendarFeed = { path: string; locale: Locale }

export function allCalendars(): CalendarFeed[] {
  const c = ctx()
  return snapshot().locales.map((locale) => ({ path: consultationsCalendarPath(locale, c), locale }))
}

/** A locale's feed from the snapshot (published consultations only). */
export function renderCalendar(feed: CalendarFeed): string {
  const s = snapshot()
  return consultationCalendar({
    locale: feed.locale,
    cityName: localeContent(feed.locale).settings.cityName,
    cityNameCases: localeContent(feed.locale).settings.cityNameCases,
    siteUrl: s.siteUrl,
    timeZone: s.timeZone,
    dateLocales: s.dateLocales,
    path: feed.path,
    consultations: docsOf(feed.locale, 'consultations'),
  })
}
