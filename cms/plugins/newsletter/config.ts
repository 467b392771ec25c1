import { settings } from '../../model/env'

/**
 * Newsletter settings from the environment (see .env.example), validated with the others (cms/model/env.ts).
 * Times are local to NEWSLETTER_TIME_ZONE (else ATVIRA_TIMEZONE, else Europe/Vilnius).
 */
export type NewsletterConfig = ReturnType<typeof newsletterConfig>

export function newsletterConfig() {
  const s = settings()
  return {
    siteUrl: s.SITE_URL,
    timeZone: s.NEWSLETTER_TIME_ZONE ?? s.ATVIRA_TIMEZONE,
    dailyAt: s.NEWSLETTER_DAILY_AT,
    weeklyDay: s.NEWSLETTER_WEEKLY_DAY,
    /** Permanent failures (5xx) before an address is suspended. */
    maxBounces: s.NEWSLETTER_MAX_BOUNCES,
    /** Temporary failures (4xx, connection) are retried this many times, with backoff. */
    maxAttempts: s.NEWSLETTER_MAX_ATTEMPTS,
    retryBaseMs: s.NEWSLETTER_RETRY_BASE_MS,
    retryMaxMs: s.NEWSLETTER_RETRY_MAX_MS,
    /** A claim older than this belongs to a dispatcher that died: the row is queued again. */
    claimLeaseMs: s.NEWSLETTER_CLAIM_LEASE_MS,
    confirmTtlHours: s.NEWSLETTER_CONFIRM_TTL_HOURS,
    /** Preferences links in emails stay valid this long. */
    linkTtlDays: s.NEWSLETTER_LINK_TTL_DAYS,
    /** Addresses of people who left are erased after this many days. */
    retentionDays: s.NEWSLETTER_RETENTION_DAYS,
    storeIp: s.NEWSLETTER_STORE_IP,
    smtpConnections: s.NEWSLETTER_SMTP_CONNECTIONS,
    /** Messages sent at once: a small multiple of the connections keeps memory flat. */
    inFlight: s.NEWSLETTER_IN_FLIGHT,
  }
}
