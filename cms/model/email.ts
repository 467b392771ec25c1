/**
 * The one e-mail address rule: staff fields (settings, services, consultations), the
 * newsletter, consultation responses and the site's forms all accept the same addresses.
 */

/** The longest address SMTP carries (RFC 5321 path limit). */
export const MAX_EMAIL = 254

// Deliberately plain: one @, a dot in the domain, a top-level domain of two or more
// characters (any script), nothing that could smuggle a second address (spaces, angle
// brackets, commas, quotes).
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u

/** True for an address as typed (after trimming, as the forms do). */
export function isEmail(value: string): boolean {
  return value.length <= MAX_EMAIL && EMAIL.test(value)
}

/**
 * One address, one subscriber (and one rate limit): trimmed, Unicode-normalised and
 * lower-cased (mail providers treat local parts case-insensitively in practice).
 */
export function normalizeEmail(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase()
}
