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
} satisfies Record<string, Limit>

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
