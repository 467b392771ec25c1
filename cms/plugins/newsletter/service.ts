import type { Payload } from 'payload'

import type { LinkState, NewsletterService, Preferences, SignupRequest } from '../../model/services/newsletter'
import { frequencies } from '../../model/services/newsletter'
import { readEnv } from '../../model/env'
import { getLocaleCodes } from '../../model/locales'
import type { Keys } from '../../model/secrets'
import { confirmToken } from './compose'
import { relationIds } from './ids'
import { newsletterConfig } from './config'
import { isEmail, normalizeEmail } from '../../model/email'
import { storeFor } from './store'
import { hashToken, type LinkPurpose, parseLink, randomToken, verifyLink } from './tokens'
import { asLocale } from '../../lib/locale'

export class NewsletterInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message)
  }
}

/** Checks preferences from a form; throws NewsletterInputError naming the field. */
async function validatePreferences(payload: Payload, p: Preferences): Promise<Preferences> {
  if (!getLocaleCodes().includes(p.locale)) throw new NewsletterInputError(`Unknown language "${p.locale}"`, 'locale')
  if (!(frequencies as readonly string[]).includes(p.frequency)) throw new NewsletterInputError(`Unknown frequency "${p.frequency}"`, 'frequency')
  const topics = [...new Set(p.topics.map(String))]
  if (topics.length > 100) throw new NewsletterInputError('Too many topics', 'topics')
  if (!p.allTopics) {
    if (topics.length === 0) throw new NewsletterInputError('Choose at least one topic, or all topics', 'topics')
    const found = await payload.find({
      collection: 'topics',
      where: { and: [{ id: { in: relationIds(payload, topics) } }, { _status: { equals: 'published' } }] },
      limit: topics.length,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    if (found.docs.length !== topics.length) throw new NewsletterInputError('Unknown topic', 'topics')
  }
  return { ...p, topics: p.allTopics ? [] : topics }
}

type Sub = { id: string | number; email: string; status: string; locale: string; frequency: string; allTopics?: boolean | null; topics?: unknown[] | null; urgent?: boolean | null; confirmTokenExpires?: string | null }

/** `keys` as the dispatcher has them (`readEnv().keys`), never `payload.secret`: see cms/model/secrets.ts. */
export function newsletterService(payload: Payload, keys: Keys = readEnv().keys): NewsletterService {
  const config = () => newsletterConfig()

  async function bySubscriberLink(token: string, purpose: LinkPurpose): Promise<{ state: LinkState; sub?: Sub }> {
    const link = parseLink(token)
    if (!link) return { state: 'invalid' }
    // Only a missing subscriber reads as an invalid link; a database error is an error.
    const sub = (await payload.findByID({ collection: 'subscribers', id: link.subscriberId, depth: 0, overrideAccess: true, disableErrors: true })) as Sub | null
    if (!sub) return { state: 'invalid' }
    const state = verifyLink(keys.newsletterLinks, purpose, link, sub.email)
    return state === 'ok' ? { state, sub } : { state }
  }

  async function byConfirmToken(token: string): Promise<{ state: LinkState; sub?: Sub }> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: 'invalid' }
    const found = await payload.find({
      collection: 'subscribers',
      where: { confirmTokenHash: { equals: hashToken(token) } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
    })
    const sub = found.docs[0] as Sub | undefined
    if (!sub) return { state: 'invalid' }
    if (!sub.confirmTokenExpires || new Date(sub.confirmTokenExpires) < new Date()) return { state: 'expired', sub }
    return { state: 'ok', sub }
  }

  const prefsOf = (sub: Sub): Preferences => ({
    locale: sub.locale,
    frequency: sub.frequency as Preferences['frequency'],
    allTopics: sub.allTopics !== false,
    topics: (sub.topics ?? []).map((t) => String(typeof t === 'object' && t ? (t as { id: unknown }).id : t)),
    urgent: sub.urgent !== false,
  })

  return {
    async subscribe(request: SignupRequest) {
      const email = normalizeEmail(request.email)
      if (!isEmail(email)) throw new NewsletterInputError('Not an email address', 'email')
      const prefs = await validatePreferences(payload, request)
      const cfg = config()
      const now = new Date()
      const nonce = randomToken()
      const expires = new Date(now.getTime() + cfg.confirmTtlHours * 3600_000)
      const consent = {
        at: now.toISOString(),
        form: request.form.slice(0, 100),
        wording: request.consentWording.slice(0, 2000),
        ip: cfg.storeIp ? (request.ip ?? null) : null,
      }
      const existing = (
        await payload.find({ collection: 'subscribers', where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true })
      ).docs[0] as Sub | undefined
      // A new sign-up, or someone who left (or bounced) asking again: pending until confirmed.
      const pending = {
        status: 'pending' as const,
        ...prefs,
        locale: asLocale(prefs.locale),
        topics: relationIds(payload, prefs.topics),
        consent,
        confirmTokenHash: hashToken(confirmToken(keys, nonce)),
        confirmTokenExpires: expires.toISOString(),
      }
      let id: string
      let already = false
      if (!existing) {
        const created = await payload.create({
          collection: 'subscribers',
          data: { email, ...pending },
          overrideAccess: true,
        })
        id = String(created.id)
      } else if (existing.status === 'confirmed') {
        // Their settings only change through their own emailed link.
        id = String(existing.id)
        already = true
      } else {
        id = String(existing.id)
        await payload.update({
          collection: 'subscribers',
          id,
          data: pending,
          overrideAccess: true,
        })
      }
      await storeFor(payload).enqueue([
        { key: `confirm:${id}:${nonce.slice(0, 16)}`, kind: 'confirm', subscriberId: id, runId: null, items: { nonce, expires: expires.toISOString(), already } },
      ])
    },

    async checkConfirm(token) {
      return (await byConfirmToken(token)).state
    },

    async confirm(token) {
      const { state, sub } = await byConfirmToken(token)
      if (state !== 'ok' || !sub) return state
      const now = new Date().toISOString()
      await payload.update({
        collection: 'subscribers',
        id: sub.id,
        data: { status: 'confirmed', confirmedAt: now, digestCursor: now, unsubscribedAt: null, bounceCount: 0, confirmTokenHash: null, confirmTokenExpires: null },
        overrideAccess: true,
      })
      return 'ok'
    },

    async preferences(token) {
      const { state, sub } = await bySubscriberLink(token, 'preferences')
      if (state !== 'ok' || !sub) return { state: state === 'ok' ? 'invalid' : state }
      return { state: 'ok', email: sub.email, status: sub.status, preferences: prefsOf(sub) }
    },

    async updatePreferences(token, preferences) {
      const { state, sub } = await bySubscriberLink(token, 'preferences')
      if (state !== 'ok' || !sub) return state
      const prefs = await validatePreferences(payload, preferences)
      await payload.update({ collection: 'subscribers', id: sub.id, data: { ...prefs, locale: asLocale(prefs.locale), topics: relationIds(payload, prefs.topics) }, overrideAccess: true })
      return 'ok'
    },

    async unsubscribe(token, via = 'unsubscribe') {
      const { state, sub } = await bySubscriberLink(token, via)
      // A signed unsubscribe link never expires; a preferences link may have.
      if (state !== 'ok' || !sub) return state
      if (sub.status === 'pending') {
        // From a confirmation email: "this was not me". Nobody agreed, so nothing is kept
        // (the hook erases its queued mail too); the link is dead from now on.
        await payload.delete({ collection: 'subscribers', id: sub.id, overrideAccess: true })
      } else if (sub.status !== 'unsubscribed') {
        await payload.update({
          collection: 'subscribers',
          id: sub.id,
          data: { status: 'unsubscribed', unsubscribedAt: new Date().toISOString(), confirmTokenHash: null, confirmTokenExpires: null },
          overrideAccess: true,
        })
      }
      return 'ok'
    },
  }
}
