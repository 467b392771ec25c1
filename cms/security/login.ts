import crypto from 'node:crypto'

import { APIError, type CollectionSlug, type Payload, type PayloadRequest } from 'payload'

import { clientOf } from './clientAddress'
import { consume, refund } from './limits'
import { both, messages } from './messages'

/** A refused request over a limit: 429, logged as one line (see loggingLevels in payload.config.ts). */
export class TooManyRequests extends APIError {
  constructor(message: string) {
    super(message, 429)
    this.name = 'TooManyRequests'
  }
}

/**
 * Sign-ins per client address (REST, GraphQL and the admin all go through Payload's
 * login operation): each attempt takes a point, a successful one gives it back, so the
 * limit counts failures. Payload's own lock counts per account (5, then 15 minutes):
 * this one stops a client trying one password on many accounts. The Local API carries
 * no address and is not counted.
 */
export async function throttleSignIn(req: PayloadRequest): Promise<void> {
  const client = req.headers ? clientOf(req.headers) : ''
  if (!client) return
  const wait = await consume('login', client)
  if (wait === null) return
  const headers = req.responseHeaders ?? new Headers()
  headers.set('retry-after', String(wait))
  req.responseHeaders = headers
  throw new TooManyRequests(both(messages.tooManyLogins(wait)))
}

export async function signInSucceeded(req: PayloadRequest): Promise<void> {
  const client = req.headers ? clientOf(req.headers) : ''
  if (client) await refund('login', client)
}

// Payload's parameters for new password hashes (payload/dist/auth/strategies/local/
// generatePasswordSaltHash.js): the decoy below must cost what a real check costs.
const ITERATIONS = 600_000
const KEY_LENGTH = 32
const decoySalt = crypto.randomBytes(32).toString('hex')

/**
 * Payload answers at once for an address it does not know or an account that is
 * locked, and only after hashing the password (~0.3 s) for a known one: the time told
 * which addresses have accounts. For those two cases the same hash is computed here,
 * before Payload refuses, so every failed sign-in takes as long.
 */
export async function equalizeSignInTime(payload: Payload, collection: CollectionSlug, email: unknown, password: unknown): Promise<void> {
  if (typeof email !== 'string' || typeof password !== 'string' || !password) return
  const user = (await payload.db.findOne({
    collection,
    where: { email: { equals: email.toLowerCase().trim() } },
  })) as { lockUntil?: string | null; hash?: string } | null
  const locked = Boolean(user?.lockUntil && new Date(user.lockUntil).getTime() > Date.now())
  if (user && !locked && user.hash) return
  await new Promise<void>((resolve) => crypto.pbkdf2(password, decoySalt, ITERATIONS, KEY_LENGTH, 'sha256', () => resolve()))
}
