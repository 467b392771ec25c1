import { cityVars, t } from '@atvira/model/i18n'
import { escapeXml } from '../../lib/format'
import { docsOf, localeContent, snapshot } from '../../lib/load'
import { absoluteUrl, feedPath, homePath } from '@atvira/model/routes'
import type { Locale, SiteDoc, TopicDoc } from '@atvira/model/snapshot'
import { contentTypes } from '../../lib/types'
import { ctx } from './routes'

/** RSS 2.0 of a locale's news (the types `inFeeds` in the registry), or of one topic's. */

const FEED_SIZE = 30

export type Feed = { path: string; locale: Locale; topic?: TopicDoc }

export function allFeeds(): Feed[] {
  const c = ctx()
  return snapshot().locales.flatMap((locale) => [
    { path: feedPath(locale, c), locale },
    ...docsOf(locale, 'topics').map((topic) => ({ path: feedPath(locale, c, topic.slug), locale, topic })),
  ])
}

type FeedItem = Pick<SiteDoc, 'title' | 'url' | 'publishedAt' | 'updatedAt' | 'summary' | 'topics'>

const newest = (a: { publishedAt?: string }, b: { publishedAt?: string }) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '')

// Every feed of a locale reads the same list: made once per snapshot.
const memo = new WeakMap<object, Map<Locale, FeedItem[]>>()

/** A locale's items of the feed types, newest first (snapshot order among equals). */
function feedItems(locale: Locale): FeedItem[] {
  let byLocale = memo.get(snapshot())
  if (!byLocale) memo.set(snapshot(), (byLocale = new Map()))
  let items = byLocale.get(locale)
  if (!items) {
    const types = new Set<string>(contentTypes().withFlag('inFeeds'))
    items = localeContent(locale).docs.filter((d) => types.has(d.collection)).sort(newest)
    byLocale.set(locale, items)
  }
  return items
}

function item(doc: FeedItem, siteUrl: string): string {
  const link = absoluteUrl(siteUrl, doc.url)
  const date = doc.publishedAt ?? doc.updatedAt
  return [
    '<item>',
    `<title>${escapeXml(doc.title)}</title>`,
    `<link>${escapeXml(link)}</link>`,
    `<guid isPermaLink="true">${escapeXml(link)}</guid>`,
    `<pubDate>${new Date(date).toUTCString()}</pubDate>`,
    doc.summary ? `<description>${escapeXml(doc.summary)}</description>` : '',
    ...doc.topics.map((tp) => `<category>${escapeXml(tp.name)}</category>`),
    '</item>',
  ].join('')
}

export function renderFeed(feed: Feed): string {
  const s = snapshot()
  const c = ctx()
  const { settings } = localeContent(feed.locale)
  const all = feedItems(feed.locale)
  const news = (feed.topic ? all.filter((d) => d.topics.some((tp) => tp.id === feed.topic!.id)) : all).slice(0, FEED_SIZE)
  const title = feed.topic
    ? t(feed.locale, 'feed.topicTitle', { ...cityVars(settings), topic: feed.topic.name })
    : t(feed.locale, 'feed.title', cityVars(settings))
  const link = feed.topic ? feed.topic.url : homePath(feed.locale, c)
  const description = feed.topic?.description ?? settings.tagline ?? t(feed.locale, 'intro.news')
  const built = news[0]?.publishedAt ?? s.generatedAt
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${escapeXml(title)}</title>`,
    `<link>${escapeXml(absoluteUrl(s.siteUrl, link))}</link>`,
    `<description>${escapeXml(description)}</description>`,
    `<language>${escapeXml(feed.locale)}</language>`,
    `<lastBuildDate>${new Date(built).toUTCString()}</lastBuildDate>`,
    `<atom:link href="${escapeXml(absoluteUrl(s.siteUrl, feed.path))}" rel="self" type="application/rss+xml"/>`,
    ...news.map((n) => item(n, s.siteUrl)),
    '</channel>',
    '</rss>',
    '',
  ].join('\n')
}
