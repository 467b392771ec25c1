import net from 'node:net'

import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import { settings } from './env'

export { parseTrustedProxies, TrustedProxiesError } from './env'

/**
 * Per-client limits for the dynamic routes. In memory: each site server process
 * counts its own clients (enough for one server; a shared store is needed behind a
 * load balancer with several).
 */
const limiters = new Map<string, RateLimiterMemory>()

export type Limit = { points: number; duration: number }

export const limits = {
  search: { points: settings().SEARCH_RATE_LIMIT, duration: 60 },
  // Newsletter forms: per client, and per address so nobody can flood a stranger's inbox.
  newsletterClient: { points: settings().NEWSLETTER_RATE_LIMIT, duration: 600 },
  newsletterAddress: { points: 3, duration: 3600 },
  // Confirm, preferences and unsubscribe POSTs: enough for people, too few to guess tokens.
  // A valid signed unsubscribe does not count: mail providers send every one-click
  // unsubscribe of a large digest from a handful of servers.
  newsletterLink: { points: 30, duration: 600 },
  // Consultation responses per client: a family on one connection can all respond.
  consultationClient: { points: settings().CONSULTATION_RATE_LIMIT, duration: 600 },
  // Emailed response receipts per address: past it the response is kept, no email is sent.
  consultationReceipt: { points: 3, duration: 3600 },
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

/** Gives back a point consumed for an attempt that turned out not to count. */
export async function refundLimit(name: keyof typeof limits, client: string): Promise<void> {
  await limiters.get(name)?.reward(client || 'unknown', 1)
}

/** `[::1]:443` or `203.0.113.7:5678` → the address alone; anything else unchanged. */
function stripPort(value: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) return bracketed[1]!
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value)
  return v4 ? v4[1]! : value
}

const family = (address: string) => (net.isIPv6(address) ? 'ipv6' : 'ipv4')

/** The configured proxies (SITE_TRUSTED_PROXIES), parsed with the other settings. */
export function trustedProxies(): net.BlockList {
  return settings().SITE_TRUSTED_PROXIES
}

function isTrusted(list: net.BlockList, address: string): boolean {
  return net.isIP(address) !== 0 && list.check(address, family(address))
}

/**
 * The address to count a client by. The socket peer, unless the peer is a trusted
 * proxy: then the rightmost X-Forwarded-For entry that is not a trusted proxy (entries
 * further left were written by the client and can be anything). `peer` must be the
 * socket address (Astro's `clientAddress` is, as long as `security.allowedDomains`
 * stays unset: with it, Astro itself would take the leftmost X-Forwarded-For entry).
 */
export function clientAddress(peer: string | undefined, headers: Headers, list: net.BlockList = trustedProxies()): string {
  const socket = stripPort((peer ?? '').trim())
  if (!isTrusted(list, socket)) return socket || 'unknown'
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => stripPort(h.trim()))
    .filter(Boolean)
  let client = socket
  for (let i = hops.length - 1; i >= 0; i--) {
    client = hops[i]!.slice(0, 64)
    if (!isTrusted(list, client)) break
  }
  return client
}
