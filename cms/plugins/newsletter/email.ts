/**
 * One address, one subscriber: trimmed, Unicode-normalised and lower-cased (mail
 * providers treat local parts case-insensitively in practice).
 */
export function normalizeEmail(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase()
}

// Deliberately plain: one @, a dot in the domain, no spaces or angle brackets.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u

export function isValidEmail(raw: string): boolean {
  return raw.length <= 254 && EMAIL.test(raw)
}
