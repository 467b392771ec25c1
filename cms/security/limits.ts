import { BurstyRateLimiter, RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible'

import { readLimits } from '../model/env'
import { messages, type Words } from './messages'

/**
 * Per-client limits of the CMS's REST and GraphQL API and of sign-ins. In memory, per
 * CMS process: behind a load balancer with several CMS processes a client gets the
 * limit once per process it reaches (a shared store would be needed to count them
 * together). Anonymous clients are counted by address, signed-in staff by account.
 */
export type Bucket = 'anonymous' | 'anonymousBurst' | 'anonymousGraphql' | 'staff' | 'login'

type Limiters = Record<Exclude<Bucket, 'anonymousBurst'>, RateLimiterMemory> & { anonymousBurst: BurstyRateLimiter; busy: Busy }

/** Anonymous requests being answered now, in all and per client. */
type Busy = { max: number; maxPerClient: number; total: number; byClient: Map<string, number> }

/** Requests a client may send past its per-second limit, once every 30 s. */
export const burstAllowance = (perSecond: number): number => perSecond * 3

function create(): Limiters {
  const limits = readLimits()
  return {
    busy: { max: limits.anonymousConcurrent, maxPerClient: limits.anonymousConcurrentPerClient, total: 0, byClient: new Map() },
    anonymous: new RateLimiterMemory({ keyPrefix: 'api', points: limits.anonymousPerMinute, duration: 60 }),
    // Per second, with an allowance for a short burst (a draft preview reads ~25 lists at
    // once): three seconds' worth more, refilled over 30 s.
    anonymousBurst: new BurstyRateLimiter(
      new RateLimiterMemory({ keyPrefix: 'burst', points: limits.anonymousPerSecond, duration: 1 }),
      new RateLimiterMemory({ keyPrefix: 'burst-extra', points: burstAllowance(limits.anonymousPerSecond), duration: 30 }),
    ),
    anonymousGraphql: new RateLimiterMemory({ keyPrefix: 'graphql', points: limits.anonymousGraphqlPerMinute, duration: 60 }),
    staff: new RateLimiterMemory({ keyPrefix: 'staff', points: limits.staffPerMinute, duration: 60 }),
    login: new RateLimiterMemory({ keyPrefix: 'login', points: limits.loginFailuresPer15Minutes, duration: 15 * 60 }),
  }
}

// Next may evaluate this module once per route bundle: the counters live on globalThis
// so that every route of the process shares them (as Payload keeps its instance).
const store = globalThis as { __atviraLimiters?: Limiters }
const limiters = (): Limiters => (store.__atviraLimiters ??= create())

/**
 * Set on a request the anonymous limits already admitted when it arrived (incoming.ts),
 * so that the route handlers' guard does not count it twice. Any value a client sends
 * is removed first.
 */
export const ADMITTED_HEADER = 'x-atvira-admitted'

/** Credentials a request carries (a session cookie or an Authorization header): maybe staff, checked later. */
export function claimsStaff(get: (name: string) => string | null | undefined): boolean {
  return Boolean(get('authorization')) || /(?:^|;\s*)payload-token=/.test(get('cookie') ?? '')
}

export type Admission = { leave: () => void } | { status: 429; wait: number; busy: boolean }

/**
 * An anonymous request's way in: a point of its client's rate limit (per minute, and
 * per second: with SQLite every request holds the process while it reads, so a burst
 * of them queues up in front of everyone else's), then a place among the requests
 * answered at once (see `enter`).
 */
export async function admitAnonymous(bucket: 'anonymous' | 'anonymousGraphql', client: string): Promise<Admission> {
  const wait = (await consume('anonymousBurst', client)) ?? (await consume(bucket, client))
  if (wait !== null) return { status: 429, wait, busy: false }
  const leave = enter(client)
  return leave ? { leave } : { status: 429, wait: 1, busy: true }
}

/** What a refused admission says: over the rate limit, or the client's share of answers at once in use. */
export function refusalText(refusal: { wait: number; busy: boolean }): Words {
  return refusal.busy ? messages.busy : messages.tooManyRequests(refusal.wait)
}

/** Takes one point; the seconds to wait when the client is over its limit, else null. */
export async function consume(bucket: Bucket, key: string): Promise<number | null> {
  try {
    await limiters()[bucket].consume(key || 'unknown')
    return null
  } catch (error) {
    // A refusal is a RateLimiterRes, but maybe of another bundle's copy of the library
    // than the one that made the counters (instrumentation and routes are bundled apart).
    const ms = (error as Partial<RateLimiterRes> | null)?.msBeforeNext
    if (typeof ms === 'number') return Math.max(1, Math.ceil(ms / 1000))
    throw error
  }
}

/**
 * A place among the anonymous requests answered at once, or null when the client
 * already has its share in progress or the process has all it takes: the caller
 * answers 429 at once. A flood from one client then costs the others nothing, and
 * staff (not counted here) keep the admin usable during any anonymous flood.
 */
function enter(client: string): (() => void) | null {
  const busy = limiters().busy
  const mine = busy.byClient.get(client) ?? 0
  if (busy.total >= busy.max || mine >= busy.maxPerClient) return null
  busy.total++
  busy.byClient.set(client, mine + 1)
  let left = false
  return () => {
    if (left) return
    left = true
    busy.total--
    const now = (busy.byClient.get(client) ?? 1) - 1
    if (now > 0) busy.byClient.set(client, now)
    else busy.byClient.delete(client)
  }
}

/** Gives back a point taken for an attempt that turned out not to count (a sign-in that succeeded). */
export async function refund(bucket: 'login', key: string): Promise<void> {
  await limiters()[bucket].reward(key || 'unknown', 1)
}
