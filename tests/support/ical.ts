import ICAL from 'ical.js'

/**
 * An iCalendar file read by ical.js (Mozilla's parser, the one Thunderbird uses), plus
 * the checks RFC 5545 asks of every calendar and event that a lenient parser lets
 * through. Throws on anything a calendar app would reject.
 */

export type ParsedEvent = {
  uid: string
  summary: string
  description: string
  url: string | null
  /** DTSTART as an instant. */
  start: Date
  /** DTSTART as written: `20260115T080000Z`, or a TZID's local time. */
  startText: string
  /** The zone DTSTART is in: `UTC`, a TZID, or `floating`. */
  startZone: string
  end: Date | null
  stamp: Date
  transparency: string | null
}

export type ParsedCalendar = {
  version: string
  prodId: string
  name: string | null
  events: ParsedEvent[]
}

export function parseCalendar(text: string): ParsedCalendar {
  // Lines end in CRLF and are folded at 75 octets (RFC 5545 §3.1).
  const lines = text.split('\r\n')
  if (!/END:VCALENDAR(\r\n)?$/.test(text)) throw new Error('the file does not end with END:VCALENDAR')
  for (const [i, line] of lines.entries()) {
    if (line.includes('\n')) throw new Error(`line ${i + 1} ends in a bare LF`)
    if (Buffer.byteLength(line) > 75) throw new Error(`line ${i + 1} is longer than 75 octets: ${line}`)
  }
  const root = new ICAL.Component(ICAL.parse(text) as unknown[])
  if (root.name !== 'vcalendar') throw new Error(`the root is ${root.name}, not VCALENDAR`)
  const version = String(root.getFirstPropertyValue('version') ?? '')
  const prodId = String(root.getFirstPropertyValue('prodid') ?? '')
  if (version !== '2.0') throw new Error(`VERSION is "${version}", not 2.0`)
  if (!prodId) throw new Error('PRODID is missing')
  const tzids = new Set(root.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))))
  const uids = new Set<string>()
  const events = root.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent)
    for (const required of ['uid', 'dtstamp', 'dtstart']) {
      if (!vevent.hasProperty(required)) throw new Error(`a VEVENT has no ${required.toUpperCase()}`)
    }
    if (uids.has(event.uid)) throw new Error(`UID ${event.uid} is used twice`)
    uids.add(event.uid)
    const tzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid')
    if (typeof tzid === 'string' && !tzids.has(tzid)) throw new Error(`DTSTART uses TZID ${tzid} without a VTIMEZONE`)
    const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time
    const url = vevent.getFirstPropertyValue('url')
    const transp = vevent.getFirstPropertyValue('transp')
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      url: url === null ? null : String(url),
      start: event.startDate.toJSDate(),
      startText: event.startDate.toICALString(),
      startZone: event.startDate.zone?.tzid ?? 'floating',
      end: vevent.hasProperty('dtend') || vevent.hasProperty('duration') ? event.endDate.toJSDate() : null,
      stamp: stamp.toJSDate(),
      transparency: transp === null ? null : String(transp),
    }
  })
  const name = root.getFirstPropertyValue('x-wr-calname')
  return { version, prodId, name: name === null ? null : String(name), events }
}

/** Wall-clock time of an instant in a zone: `2026-01-15 10:00`. */
export function wallClock(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}
