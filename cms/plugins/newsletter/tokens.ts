import crypto from 'node:crypto'

/**
 * Two kinds of token. Confirmation tokens are random, emailed once and stored only as
 * a sha256 hash. Preference and unsubscribe links are signed (HMAC with
 * `keys.newsletterLinks`, see cms/model/secrets.ts), so nothing is stored and a tampered
 * link fails.
 */

export function randomToken(): string {
  return crypto.randomBytes(24).toString('base64url')
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

export type LinkPurpose = 'preferences' | 'unsubscribe'

function mac(key: crypto.KeyObject, payload: string): string {
  return crypto.createHmac('sha256', key).update(payload).digest('base64url').slice(0, 32)
}

/** `<id>.<expiry in seconds, or 0>.<mac>`: the email address is in the MAC, so a link dies with the address. */
export function signLink(key: crypto.KeyObject, purpose: LinkPurpose, subscriberId: string, email: string, expiresAt?: Date): string {
  const exp = expiresAt ? Math.floor(expiresAt.getTime() / 1000) : 0
  return `${subscriberId}.${exp}.${mac(key, `${purpose}\n${subscriberId}\n${exp}\n${email}`)}`
}

export type ParsedLink = { subscriberId: string; exp: number; mac: string }

export function parseLink(token: string | null | undefined): ParsedLink | null {
  if (!token || token.length > 200) return null
  const m = /^([A-Za-z0-9]{1,40})\.(\d{1,12})\.([A-Za-z0-9_-]{32})$/.exec(token)
  return m ? { subscriberId: m[1]!, exp: Number(m[2]), mac: m[3]! } : null
}

/** Checks a parsed link against the subscriber's current address. */
export function verifyLink(key: crypto.KeyObject, purpose: LinkPurpose, link: ParsedLink, email: string, now = new Date()): 'ok' | 'expired' | 'invalid' {
  const expected = mac(key, `${purpose}\n${link.subscriberId}\n${link.exp}\n${email}`)
  const a = Buffer.from(expected)
  const b = Buffer.from(link.mac)
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return 'invalid'
  if (link.exp !== 0 && link.exp * 1000 < now.getTime()) return 'expired'
  return 'ok'
}
