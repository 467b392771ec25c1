import { cityVars, t } from '@atvira/model/i18n'
import { escapeXml } from '../../lib/format'
import { docsOf, localeContent, snapshot } from '../../lib/load'
import { absoluteUrl, feedPath, homePath } from '@atvira/model/routes'
import type { Locale, NewsDoc, TopicDoc } from '@atvira/model/snapshot'
import { ctx, newsOnTopic, sortedDocs } from './routes'

/** RSS 2.0 of a locale's news, or of one topic's news. */

const FEED_SIZE = 30

export type Feed = { path: string; locale: Locale; topic?: TopicDoc }

export function allFeeds(): Feed[] {
  const c = ctx()
  return snapshot().locales.flatMap((locale) => [
    { path: feedPath(locale, c), locale },
    ...docsOf(locale, 'topics').map((topic) => ({ path: feedPath(locale, c, topic.slug), locale, topic })),
  ])
}

function item(doc: NewsDoc, siteUrl: string): string {
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
  const news = (feed.topic ? newsOnTopic(feed.locale, feed.topic.id) : sortedDocs(feed.locale, 'news')).slice(0, FEED_SIZE)
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
