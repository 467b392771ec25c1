import { describe, expect, it, vi } from 'vitest'

import { consultationsCalendarPath } from '../../cms/model/routes'
import { calendarUid, cityDateTime, consultationCalendar, eventEnd, nextMidnight, type CalendarConsultation } from '../../site/templates/src/pages/_lib/calendar'
import { parseCalendar, wallClock } from '../support/ical'

const tz = 'Europe/Vilnius'
const siteUrl = 'https://www.pajuris.example'
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('consultations calendar path', () => {
  it.each([
    ['lt', 'lt', '/konsultacijos/kalendorius.ics'],
    ['en', 'lt', '/en/consultations/calendar.ics'],
    ['lt', 'en', '/lt/konsultacijos/kalendorius.ics'],
    ['en', 'en', '/consultations/calendar.ics'],
  ])('%s with default locale %s is %s', (locale, defaultLocale, expected) => {
    expect(consultationsCalendarPath(locale, { defaultLocale })).toBe(expected)
  })
})

describe('cityDateTime', () => {
  it.each([
    // Winter (EET, UTC+2) and summer (EEST, UTC+3) time in Vilnius.
    ['2026-01-15T08:00:00Z', 'en', 'January 15, 2026 at 10:00 AM (GMT+2)'],
    ['2026-07-01T07:00:00Z', 'en', 'July 1, 2026 at 10:00 AM (GMT+3)'],
    ['2026-01-15T08:00:00Z', 'lt', '2026 m. sausio 15 d. 10:00 (GMT+2)'],
    ['2026-07-31T20:59:00Z', 'lt', '2026 m. liepos 31 d. 23:59 (GMT+3)'],
    // Either side of the spring change (29 March 2026, 03:00 → 04:00).
    ['2026-03-29T00:30:00Z', 'lt', '2026 m. kovo 29 d. 02:30 (GMT+2)'],
    ['2026-03-29T01:30:00Z', 'lt', '2026 m. kovo 29 d. 04:30 (GMT+3)'],
  ])('%s in %s reads "%s"', (iso, locale, expected) => {
    expect(plain(cityDateTime(iso, locale, tz))).toBe(expected)
  })

  // What a build hands it by default (ATVIRA_DATE_LOCALES=en:en-GB): British order, 24-hour clock.
  it.each([
    ['2026-01-15T08:00:00Z', '15 January 2026 at 10:00 (GMT+2)'],
    ['2026-07-31T20:59:00Z', '31 July 2026 at 23:59 (GMT+3)'],
  ])('%s in en written as in Britain reads "%s"', (iso, expected) => {
    expect(plain(cityDateTime(iso, 'en', tz, { en: 'en-GB' }))).toBe(expected)
  })
})

describe('calendarUid', () => {
  it.each([
    ['12', 'opens', 'lt', 'consultation-12-opens-lt@www.pajuris.example'],
    ['12', 'closes', 'lt', 'consultation-12-closes-lt@www.pajuris.example'],
    ['12', 'opens', 'en', 'consultation-12-opens-en@www.pajuris.example'],
  ] as const)('%s %s %s → %s', (id, kind, locale, expected) => {
    expect(calendarUid(id, kind, locale, siteUrl)).toBe(expected)
  })
})

describe('how long an entry lasts', () => {
  it.each([
    // Half an hour…
    ['2026-01-15T08:00:00Z', '2026-01-15T08:30:00.000Z'],
    // …never past midnight in Vilnius, in winter (UTC+2) and in summer (UTC+3)…
    ['2026-02-01T21:59:00Z', '2026-02-01T22:00:00.000Z'],
    ['2026-07-31T20:45:00Z', '2026-07-31T21:00:00.000Z'],
    // …also on the night of the spring change (03:00 → 04:00) and the autumn one.
    ['2026-03-28T21:50:00Z', '2026-03-28T22:00:00.000Z'],
    ['2026-03-29T00:45:00Z', '2026-03-29T01:15:00.000Z'],
    ['2026-10-24T20:40:00Z', '2026-10-24T21:00:00.000Z'],
    ['2026-10-25T21:40:00Z', '2026-10-25T22:00:00.000Z'],
    // A moment at midnight itself is the start of its day.
    ['2026-01-15T22:00:00Z', '2026-01-15T22:30:00.000Z'],
  ])('from %s to %s', (start, end) => {
    expect(eventEnd(new Date(start), tz).toISOString()).toBe(end)
  })

  it('finds the next midnight in the city across both time changes', () => {
    expect(wallClock(nextMidnight(new Date('2026-03-28T12:00:00Z'), tz), tz)).toBe('2026-03-29 00:00')
    expect(wallClock(nextMidnight(new Date('2026-03-29T12:00:00Z'), tz), tz)).toBe('2026-03-30 00:00')
    expect(nextMidnight(new Date('2026-03-29T12:00:00Z'), tz).toISOString()).toBe('2026-03-29T21:00:00.000Z')
    expect(nextMidnight(new Date('2026-10-25T12:00:00Z'), tz).toISOString()).toBe('2026-10-25T22:00:00.000Z')
  })
})

describe('consultationCalendar, read back by ical.js', () => {
  const consultation = (id: string, opensAt: string, closesAt: string, updatedAt: string, title = `Konsultacija ${id}`): CalendarConsultation => ({
    id,
    title,
    summary: `Santrauka ${id}`,
    url: `/konsultacijos/k-${id}/`,
    opensAt,
    closesAt,
    updatedAt,
  })
  const consultations = [
    // 10:00 → 23:59 Vilnius time in winter, in summer, and across the spring change.
    // Each last changed at its own moment: an event's DTSTAMP is its own consultation's.
    consultation('w', '2026-01-15T08:00:00.000Z', '2026-02-01T21:59:00.000Z', '2025-12-01T12:00:00.000Z'),
    consultation('s', '2026-07-01T07:00:00.000Z', '2026-07-31T20:59:00.000Z', '2025-12-02T08:30:00.000Z'),
    consultation('d', '2026-03-20T08:00:00.000Z', '2026-04-10T20:59:00.000Z', '2025-12-03T16:45:00.000Z', 'Biudžetas; „kabutės“, kableliai ir labai ilgas pavadinimas, kuris netelpa į vieną iCalendar eilutę'),
  ]
  const render = (locale: string) =>
    consultationCalendar({ locale, cityName: 'Pajūris', siteUrl, timeZone: tz, path: consultationsCalendarPath(locale, { defaultLocale: 'lt' }), consultations })
  const lt = parseCalendar(render('lt'))

  it('is a valid calendar with two events per consultation, in time order', () => {
    expect(lt.version).toBe('2.0')
    expect(lt.name).toBe('Pajūris: konsultacijos')
    expect(lt.events).toHaveLength(consultations.length * 2)
    const starts = lt.events.map((e) => e.start.getTime())
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })

  it.each([
    ['w', 'opens', '2026-01-15T08:00:00.000Z', '2026-01-15 10:00', '2026-01-15 10:30'],
    ['w', 'closes', '2026-02-01T21:59:00.000Z', '2026-02-01 23:59', '2026-02-02 00:00'],
    ['s', 'opens', '2026-07-01T07:00:00.000Z', '2026-07-01 10:00', '2026-07-01 10:30'],
    ['s', 'closes', '2026-07-31T20:59:00.000Z', '2026-07-31 23:59', '2026-08-01 00:00'],
    ['d', 'opens', '2026-03-20T08:00:00.000Z', '2026-03-20 10:00', '2026-03-20 10:30'],
    ['d', 'closes', '2026-04-10T20:59:00.000Z', '2026-04-10 23:59', '2026-04-11 00:00'],
  ] as const)('%s %s at %s, %s in Vilnius', (id, kind, instant, vilnius, vilniusEnd) => {
    const e = lt.events.find((x) => x.uid === calendarUid(id, kind, 'lt', siteUrl))
    expect(e, `${id} ${kind}`).toBeTruthy()
    expect(e!.start.toISOString()).toBe(instant)
    expect(e!.startZone).toBe('UTC')
    expect(wallClock(e!.start, tz)).toBe(vilnius)
    // DTEND, in UTC like DTSTART: half an hour, or up to the city's midnight.
    expect(e!.end, 'DTEND').not.toBeNull()
    expect(wallClock(e!.end!, tz)).toBe(vilniusEnd)
    expect(e!.end!.getTime() - e!.start.getTime()).toBeGreaterThan(0)
    expect(e!.end!.getTime() - e!.start.getTime()).toBeLessThanOrEqual(30 * 60_000)
    expect(e!.transparency).toBe('TRANSPARENT')
    expect(e!.stamp.toISOString()).toBe(consultations.find((c) => c.id === id)!.updatedAt)
    expect(e!.url).toBe(`${siteUrl}/konsultacijos/k-${id}/`)
    const title = consultations.find((c) => c.id === id)!.title
    expect(e!.summary).toBe(`${kind === 'opens' ? 'Prasideda' : 'Baigiasi'} konsultacija: ${title}`)
    expect(e!.description).toContain(`Santrauka ${id}`)
    expect(e!.description).toContain(`${siteUrl}/konsultacijos/k-${id}/`)
  })

  it('writes every DTEND in UTC, one per event', () => {
    const text = render('lt')
    expect(text.match(/^DTEND:\d{8}T\d{6}Z\r$/gm)).toHaveLength(consultations.length * 2)
    // And no DTEND in another form (e.g. DTEND;TZID=…) besides those.
    expect(text.match(/^DTEND[;:]/gm)).toHaveLength(consultations.length * 2)
  })

  it('states both dates in Vilnius time in the description', () => {
    const d = lt.events.find((x) => x.uid === calendarUid('d', 'closes', 'lt', siteUrl))!
    expect(plain(d.description)).toContain('Nuomonę galima pareikšti nuo 2026 m. kovo 20 d. 10:00 (GMT+2) iki 2026 m. balandžio 10 d. 23:59 (GMT+3).')
  })

  it('keeps punctuation and long titles intact (escaping and line folding)', () => {
    const d = lt.events.find((x) => x.uid === calendarUid('d', 'opens', 'lt', siteUrl))!
    expect(d.summary).toBe(`Prasideda konsultacija: ${consultations[2]!.title}`)
    // Written escaped and folded: no line over 75 octets, the title's ';' and ',' escaped.
    const text = render('lt')
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75)
    // The long title's own SUMMARY line is the one folded onto the next.
    const lines = text.split('\r\n')
    const summary = lines.findIndex((line) => line.startsWith('SUMMARY:Prasideda konsultacija: Biudžetas'))
    expect(summary).toBeGreaterThanOrEqual(0)
    expect(lines[summary + 1]).toMatch(/^ /)
    expect(text.replace(/\r\n /g, '')).toContain('Biudžetas\\; „kabutės“\\, kableliai')
  })

  it('writes English titles in the English feed, with the same instants', () => {
    const en = parseCalendar(render('en'))
    expect(en.name).toBe('Pajūris: consultations')
    const w = en.events.find((x) => x.uid === calendarUid('w', 'opens', 'en', siteUrl))!
    expect(w.summary).toBe('Consultation opens: Konsultacija w')
    expect(w.start.toISOString()).toBe('2026-01-15T08:00:00.000Z')
    expect(plain(w.description)).toContain('You can respond from January 15, 2026 at 10:00 AM (GMT+2) to February 1, 2026 at 11:59 PM (GMT+2).')
    expect(en.events.find((x) => x.uid === calendarUid('s', 'closes', 'en', siteUrl))!.summary).toBe('Consultation closes: Konsultacija s')
  })

  it('writes English dates as the site does by default (en-GB) when the build says so', () => {
    const gb = parseCalendar(consultationCalendar({ locale: 'en', cityName: 'Pajūris', siteUrl, timeZone: tz, path: consultationsCalendarPath('en', { defaultLocale: 'lt' }), consultations, dateLocales: { en: 'en-GB' } }))
    const w = gb.events.find((x) => x.uid === calendarUid('w', 'opens', 'en', siteUrl))!
    expect(plain(w.description)).toContain('You can respond from 15 January 2026 at 10:00 (GMT+2) to 1 February 2026 at 23:59 (GMT+2).')
  })

  it('is the same text when built again a day later (stable UIDs and DTSTAMP, nothing from the clock)', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(new Date('2026-01-10T09:00:00Z'))
      const first = render('lt')
      vi.setSystemTime(new Date('2026-01-11T15:30:00Z'))
      expect(render('lt')).toBe(first)
    } finally {
      vi.useRealTimers()
    }
  })

  it('is an empty but valid calendar without consultations', () => {
    const empty = parseCalendar(consultationCalendar({ locale: 'lt', cityName: 'Pajūris', siteUrl, timeZone: tz, path: '/konsultacijos/kalendorius.ics', consultations: [] }))
    expect(empty.events).toEqual([])
    expect([empty.version, empty.name]).toEqual(['2.0', 'Pajūris: konsultacijos'])
  })
})
