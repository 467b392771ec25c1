/** Building blocks for the newsletter tests: topics, subscribers, published items, a dispatcher. */
import type { Payload } from 'payload'

import { readEnv } from '../../cms/model/env'
import { newsletterConfig, type NewsletterConfig } from '../../cms/plugins/newsletter/config'
import { relationIds } from '../../cms/plugins/newsletter/ids'
import { Dispatcher } from '../../cms/plugins/newsletter/dispatch'
import { type NewsletterStore, storeFor } from '../../cms/plugins/newsletter/store'
import { newsletterTransport } from '../../cms/plugins/newsletter/transport'
import { paragraph } from './helpers'

export const emailFrom = 'Pajūrio savivaldybė <info@pajuris.example>'

export async function makeTopic(payload: Payload, lt: string, en: string): Promise<string> {
  const slug = lt.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  const doc = await payload.create({ collection: 'topics', locale: 'lt', data: { name: lt, slug, _status: 'published' } as never, overrideAccess: true })
  await payload.update({ collection: 'topics', id: doc.id, locale: 'en', data: { name: en, slug: `${slug}-en`, _status: 'published' } as never, overrideAccess: true })
  return String(doc.id)
}

export type SubscriberSpec = {
  email: string
  locale?: 'lt' | 'en'
  frequency?: 'immediately' | 'daily' | 'weekly'
  topics?: string[]
  urgent?: boolean
  status?: 'pending' | 'confirmed' | 'unsubscribed' | 'suspended'
  confirmedAt?: Date
}

export async function addSubscriber(payload: Payload, s: SubscriberSpec): Promise<string> {
  const confirmedAt = (s.confirmedAt ?? new Date(Date.now() - 86_400_000)).toISOString()
  const doc = await payload.create({
    collection: 'subscribers',
    data: {
      email: s.email,
      locale: s.locale ?? 'lt',
      frequency: s.frequency ?? 'daily',
      allTopics: !s.topics,
      topics: relationIds(payload, s.topics ?? []) as never,
      urgent: s.urgent ?? false,
      status: s.status ?? 'confirmed',
      confirmedAt,
      digestCursor: confirmedAt,
    } as never,
    overrideAccess: true,
  })
  return String(doc.id)
}

/** Publishes a news item (Lithuanian, optionally English): the hooks record the change and queue the fan-out. */
export async function publishNews(
  payload: Payload,
  o: { lt: string; en?: string; topics?: string[]; urgent?: boolean; slug?: string },
): Promise<string> {
  const doc = await payload.create({
    collection: 'news',
    locale: 'lt',
    data: {
      title: o.lt,
      summary: `Santrauka: ${o.lt}`,
      body: paragraph(o.lt),
      topics: relationIds(payload, o.topics ?? []) as never,
      urgent: o.urgent ?? false,
      _status: o.en ? 'draft' : 'published',
    } as never,
    overrideAccess: true,
  })
  if (o.en) {
    await payload.update({
      collection: 'news',
      id: doc.id,
      locale: 'en',
      data: { title: o.en, summary: `Summary: ${o.en}`, body: paragraph(o.en) } as never,
      draft: true,
      overrideAccess: true,
    })
    await payload.update({ collection: 'news', id: doc.id, locale: 'lt', data: { _status: 'published' } as never, overrideAccess: true })
  }
  return String(doc.id)
}

/**
 * A change recorded at a given moment, as the publish hook records one (without the
 * document behind it): for tests that place items on the calendar instead of reading
 * the clock.
 */
export async function addChange(
  payload: Payload,
  o: { lt: string; en?: string; topics?: string[]; publishedAt: Date; urgent?: boolean },
): Promise<string> {
  const slug = o.lt.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  const entries: Record<string, { title: string; summary: string; url: string }> = {
    lt: { title: o.lt, summary: `Santrauka: ${o.lt}`, url: `https://www.pajuris.example/naujienos/${slug}/` },
  }
  if (o.en) entries.en = { title: o.en, summary: `Summary: ${o.en}`, url: `https://www.pajuris.example/en/news/${slug}/` }
  const doc = await payload.create({
    collection: 'content-changes',
    data: {
      key: `test:${o.publishedAt.toISOString()}:${slug}`,
      kind: 'published',
      title: o.lt,
      docCollection: 'news',
      docId: slug,
      urgent: o.urgent ?? false,
      topicIds: o.topics ?? [],
      entries,
      publishedAt: o.publishedAt.toISOString(),
    },
    overrideAccess: true,
  })
  return String(doc.id)
}

export async function runNewsletterJobs(payload: Payload): Promise<void> {
  await payload.jobs.run({ queue: 'newsletter', limit: 50 })
}

export function testConfig(over: Partial<NewsletterConfig> = {}): NewsletterConfig {
  return { ...newsletterConfig(), retryBaseMs: 50, retryMaxMs: 200, ...over }
}

/** A dispatcher on Payload's connection; `smtpUrl` undefined writes .eml files into `with.outboxDir`. */
export function dispatcher(
  payload: Payload,
  smtpUrl: string | undefined,
  over: Partial<NewsletterConfig> = {},
  with_: { store?: NewsletterStore; outboxDir?: string; log?: (line: string) => void } = {},
): Dispatcher {
  const config = testConfig(over)
  return new Dispatcher({
    store: with_.store ?? storeFor(payload),
    transport: newsletterTransport(smtpUrl, config, with_.outboxDir),
    config,
    keys: readEnv().keys,
    defaultLocale: 'lt',
    emailFrom,
    log: with_.log,
  })
}
