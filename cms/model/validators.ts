/**
 * Pure validators shared by CMS fields and the seed loader. Each returns `true` or a
 * message that tells the editor what to type instead.
 */

import { isEmail } from './email'

export type Result = true | string

const phonePattern = /^\+?[0-9][0-9 ()-]*[0-9]$/

/** International (+370 460 12345) or short (1860) numbers; letters are refused. */
export function validatePhone(value: unknown): Result {
  if (value == null || value === '') return true
  if (typeof value !== 'string') return 'A phone number must be text.'
  const digits = value.replace(/\D/g, '')
  if (!phonePattern.test(value.trim()) || digits.length < 3 || digits.length > 15) {
    return `"${value}" is not a phone number. Use digits, spaces and an optional leading +, e.g. +370 460 12345 or 1860.`
  }
  return true
}

export function validateEmail(value: unknown): Result {
  if (value == null || value === '') return true
  if (typeof value !== 'string' || !isEmail(value.trim())) {
    return `"${String(value)}" is not an email address (expected e.g. info@example.org).`
  }
  return true
}

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/

export function validateTime(value: unknown): Result {
  if (value == null || value === '') return 'Enter a time as HH:MM, e.g. 08:00.'
  if (typeof value !== 'string' || !timePattern.test(value)) {
    return `"${String(value)}" is not a time. Use HH:MM on the 24-hour clock, e.g. 08:00 or 17:45.`
  }
  return true
}

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number)
  return h! * 60 + m!
}

/** Closing must come after opening on the same day ("24:00" closes at midnight). */
export function validateHoursRange(opens: unknown, closes: unknown): Result {
  const o = validateTime(opens)
  if (o !== true) return o
  const c = validateTime(closes)
  if (c !== true) return c
  if (minutesOf(closes as string) <= minutesOf(opens as string)) {
    return `Closing time ${String(closes)} must be after opening time ${String(opens)}.`
  }
  return true
}

/** Web links: absolute http(s) URLs or site paths starting with "/". */
export function validateLink(value: unknown): Result {
  if (value == null || value === '') return true
  if (typeof value !== 'string') return 'A link must be text.'
  if (value.startsWith('/') && !value.startsWith('//')) return true
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return true
  } catch {
    // fall through
  }
  return `"${value}" is not a link. Use a full address (https://…) or a site path (/naujienos/).`
}

/** For a pair of date-times: the end must be strictly after the start. */
export function validateDateOrder(start: unknown, end: unknown, what: string): Result {
  if (!start || !end) return true
  const s = new Date(start as string).getTime()
  const e = new Date(end as string).getTime()
  if (Number.isNaN(s) || Number.isNaN(e)) return true
  if (e <= s) return `${what} must be after the start.`
  return true
}
