import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import { readLimits } from '../lib/env'

/**
 * Per-client limits of the CMS's REST and GraphQL API and of sign-ins. In memory, per
 * CMS process: behind a load balancer with several CMS processes a client gets the
 * limit once per process it reaches (a shared store would be needed to count them
 * together). Anonymous clients are counted by address, signed-in staff by account.
 */
export type Bucket = 'anonymous' | 'anonymousGraphql' | 'staff' | 'login'

type Limiters = Record<Bucket, RateLimiterMemory>

function create(): Limiters {
  const limits = readLimits()
  return {
    anonymous: new RateLimiterMemory({ keyPrefix: 'api', points: limits.anonymousPerMinute, duration: 60 }),
    anonymousGraphql: new RateLimiterMemory({ keyPrefix: 'graphql', points: limits.anonymousGraphqlPerMinute, duration: 60 }),
    staff: new RateLimiterMemory({ keyPrefix: 'staff', points: limits.staffPerMinute, duration: 60 }),
    login: new RateLimiterMemory({ keyPrefix: 'login', points: limits.loginFailuresPer15Minutes, duration: 15 * 60 }),
  }
}

// Next may evaluate this module once per route bundle: the counters live on globalThis
// so that every route of the process shares them (as Payload keeps its instance).
const store = globalThis as { __atviraLimiters?: Limiters }
const limiters = (): Limiters => (store.__atviraLimiters ??= create())

/** Takes one point; the seconds to wait when the client is over its limit, else null. */
export async function consume(bucket: Bucket, key: string): Promise<number | null> {
  try {
    await limiters()[bucket].consume(key || 'unknown')
    return null
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000))
    throw error
  }
}

/** Gives back a point taken for an attempt that turned out not to count (a sign-in that succeeded). */
export async function refund(bucket: Bucket, key: string): Promise<void> {
  await limiters()[bucket].reward(key || 'unknown', 1)
}
