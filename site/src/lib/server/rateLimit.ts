import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

/**
 * Per-client limits for the dynamic routes. In memory: each site server process
 * counts its own clients (enough for one server; a shared store is needed behind a
 * load balancer with several).
 */
const limiters = new Map<string, RateLimiterMemory>()

export type Limit = { points: number; duration: number }

export const limits = {
  search: { points: Number(process.env.SEARCH_RATE_LIMIT ?? 60), duration: 60 },
  // Newsletter forms: per client, and per address so nobody can flood a stranger's inbox.
  newsletterClient: { points: Number(process.env.NEWSLETTER_RATE_LIMIT ?? 10), duration: 600 },
  newsletterAddress: { points: 3, duration: 3600 },
  // Confirm, preferences and unsubscribe POSTs: enough for people, too few to guess tokens.
  newsletterLink: { points: 30, duration: 600 },
  // Consultation responses per client: a family on one connection can all respond.
  consultationClient: { points: Number(process.env.CONSULTATION_RATE_LIMIT ?? 20), duration: 600 },
} satisfies Record<string, Limit>

/** Limits per address count one mailbox however it is typed. */
export function normalizeAddress(email: string): string {
  return email.normalize('NFC').trim().toLowerCase()
}

/** Consumes one point; returns the seconds to wait when the client is over its limit. */
export async function overLimit(name: keyof typeof limits, client: string): Promise<number | null> {
  let limiter = limiters.get(name)
  if (!limiter) {
    limiter = new RateLimiterMemory({ keyPrefix: name, ...limits[name] })
    limiters.set(name, limiter)
  }
  try {
    await limiter.consume(client || 'unknown')
    return null
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000))
    throw error
  }
}
