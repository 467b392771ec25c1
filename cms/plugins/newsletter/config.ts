import { ConfigError, loadRootEnv } from '../../model/env'

/**
 * Newsletter settings from the environment (see .env.example), validated once.
 * Times are local to NEWSLETTER_TIME_ZONE (else ATVIRA_TIMEZONE, else Europe/Vilnius).
 */
export type NewsletterConfig = ReturnType<typeof newsletterConfig>

function int(name: string, fallback: number, min = 0): number {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be a whole number ≥ ${min}; got "${raw}".`)
  return n
}

export function parseTimeOfDay(name: string, raw: string | undefined, fallback: string): { hour: number; minute: number } {
  const value = (raw ?? '').trim() || fallback
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value)
  if (!m) throw new ConfigError(`${name} must be a time of day like 08:00; got "${value}".`)
  return { hour: Number(m[1]), minute: Number(m[2]) }
}

export function newsletterConfig() {
  loadRootEnv()
  const timeZone = (process.env.NEWSLETTER_TIME_ZONE ?? '').trim() || (process.env.ATVIRA_TIMEZONE ?? '').trim() || 'Europe/Vilnius'
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    throw new ConfigError(`NEWSLETTER_TIME_ZONE "${timeZone}" is not a time zone (expected e.g. Europe/Vilnius).`)
  }
  const weeklyDay = int('NEWSLETTER_WEEKLY_DAY', 1, 1)
  if (weeklyDay > 7) throw new ConfigError(`NEWSLETTER_WEEKLY_DAY must be 1 (Monday) to 7 (Sunday); got "${weeklyDay}".`)
  const siteUrl = ((process.env.SITE_URL ?? '').trim() || 'http://localhost:4321').replace(/\/$/, '')
  return {
    siteUrl,
    timeZone,
    dailyAt: parseTimeOfDay('NEWSLETTER_DAILY_AT', process.env.NEWSLETTER_DAILY_AT, '08:00'),
    weeklyDay,
    /** Permanent failures (5xx) before an address is suspended. */
    maxBounces: int('NEWSLETTER_MAX_BOUNCES', 3, 1),
    /** Temporary failures (4xx, connection) are retried this many times, with backoff. */
    maxAttempts: int('NEWSLETTER_MAX_ATTEMPTS', 8, 1),
    retryBaseMs: int('NEWSLETTER_RETRY_BASE_MS', 60_000, 1),
    retryMaxMs: int('NEWSLETTER_RETRY_MAX_MS', 6 * 3600_000, 1),
    /** A claim older than this belongs to a dispatcher that died: the row is queued again. */
    claimLeaseMs: int('NEWSLETTER_CLAIM_LEASE_MS', 120_000, 1000),
    confirmTtlHours: int('NEWSLETTER_CONFIRM_TTL_HOURS', 48, 1),
    /** Preferences links in emails stay valid this long. */
    linkTtlDays: int('NEWSLETTER_LINK_TTL_DAYS', 90, 1),
    /** Addresses of people who left are erased after this many days. */
    retentionDays: int('NEWSLETTER_RETENTION_DAYS', 30, 0),
    storeIp: process.env.NEWSLETTER_STORE_IP === 'true',
    smtpConnections: int('NEWSLETTER_SMTP_CONNECTIONS', 5, 1),
    /** Messages sent at once: a small multiple of the connections keeps memory flat. */
    inFlight: int('NEWSLETTER_IN_FLIGHT', 20, 1),
  }
}
