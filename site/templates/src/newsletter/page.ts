import { cityVars, t } from '@atvira/model/i18n'
import { docsOf, localeContent, snapshot } from '../lib/load'
import { newsletterPath, type NewsletterAction } from '@atvira/model/routes'
import type { Preferences } from '@atvira/model/services/newsletter'

/** Which locale a newsletter route serves, and the paths of its translations. */
export function newsletterRoute(pathname: string, action: NewsletterAction) {
  const s = snapshot()
  const ctx = { defaultLocale: s.defaultLocale }
  const clean = pathname.replace(/\/$/, '')
  const locale = s.locales.find((l) => newsletterPath(l, ctx, action) === clean) ?? s.defaultLocale
  const alternates = Object.fromEntries(s.locales.map((l) => [l, newsletterPath(l, ctx, action)]))
  return { locale, ctx, path: newsletterPath(locale, ctx, action), alternates, s }
}

export function consentWording(locale: string): string {
  return t(locale, 'newsletter.consent', cityVars(localeContent(locale).settings))
}

export function privacyUrl(locale: string): string | undefined {
  return docsOf(locale, 'pages').find((p) => /\/(privatumas|privacy)\/$/.test(p.url))?.url
}

export function topicIds(locale: string): string[] {
  return docsOf(locale, 'topics').map((d) => d.id)
}

export function defaultPreferences(locale: string): Preferences {
  return { locale, frequency: 'daily', allTopics: true, topics: [], urgent: true }
}

/** Dynamic pages must never be cached or indexed. */
export function noStore(headers: Headers): void {
  headers.set('cache-control', 'no-store')
  headers.set('x-robots-tag', 'noindex')
}
