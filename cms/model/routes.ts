import { type MessageKey, t } from './i18n'
import { registry as builtinRegistry, type Registry, type SectionCollection } from './registry'
import type { Locale, RouteScheme } from './snapshot'

export type { RouteScheme } from './snapshot'

/**
 * Public URLs. Section paths are part of the public contract: `/naujienos/` ·
 * `/en/news/`. The default locale lives at `/`, the others under `/<code>/`.
 */

/** `registry`: the content types in play, when a snapshot brings more than the product's. */
export type RouteContext = { defaultLocale: Locale; registry?: Registry }

/** Types whose documents live under a section of their own (cms/model/registry.ts). */
export const sectionCollections = builtinRegistry.slugs((type) => type.route === 'section') as SectionCollection[]
export type { SectionCollection }

export function localePrefix(locale: Locale, ctx: RouteContext): string {
  return locale === ctx.defaultLocale ? '' : `/${locale}`
}

export function homePath(locale: Locale, ctx: RouteContext): string {
  return `${localePrefix(locale, ctx)}/`
}

export function sectionSegment(collection: SectionCollection | (string & {}), locale: Locale, ctx?: Pick<RouteContext, 'registry'>): string {
  // The templates' own scheme first (a city's routes.json), then the registry's.
  return currentScheme().segments?.[locale]?.[collection] ?? (ctx?.registry ?? builtinRegistry).segment(collection, locale, (l, key) => t(l, key as MessageKey))
}

/**
 * What a city's templates may change of the URL scheme: a section's segment per locale
 * and the list page size. It lives in the templates directory (`src/routes.json`); the
 * publisher reads and validates it (`parseRouteScheme`), applies it while it builds the
 * snapshot (documents' URLs) and plans, and writes it into the snapshot, from which the
 * templates apply it when they render and serve (see their `lib/load.ts`). One scheme
 * per process: the one set last (`useRouteScheme`), else the provider's (the CMS's reads
 * the live build's, so that its e-mail links follow the site), else the defaults.
 */
let scheme: RouteScheme | undefined
let provider: (() => RouteScheme | undefined) | undefined

export function useRouteScheme(next: RouteScheme | undefined): void {
  scheme = next
}

/** Where the scheme comes from when none was set: asked on every use, so it should cache. */
export function provideRouteScheme(next: (() => RouteScheme | undefined) | undefined): void {
  provider = next
}

function currentScheme(): RouteScheme {
  return scheme ?? provider?.() ?? {}
}

/** Items on a list page (guides, leaflets, news and its archive). */
export function pageSize(): number {
  return currentScheme().pageSize ?? 10
}

/** A route scheme from JSON, checked: every problem is named, with what to write instead. */
export function parseRouteScheme(raw: unknown, where = 'the route scheme'): RouteScheme {
  const problems: string[] = []
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  if (!isObject(raw)) throw new Error(`${where} must be a JSON object such as {"pageSize": 10, "segments": {"lt": {"news": "naujienos"}}}.`)
  for (const key of Object.keys(raw)) if (key !== 'segments' && key !== 'pageSize') problems.push(`unknown key "${key}" (only "segments" and "pageSize")`)
  const out: RouteScheme = {}
  if (raw.pageSize !== undefined) {
    if (!Number.isInteger(raw.pageSize) || (raw.pageSize as number) < 1 || (raw.pageSize as number) > 100) problems.push(`"pageSize" must be a whole number from 1 to 100, not ${JSON.stringify(raw.pageSize)}`)
    else out.pageSize = raw.pageSize as number
  }
  if (raw.segments !== undefined) {
    if (!isObject(raw.segments)) problems.push('"segments" must map locales to sections, e.g. {"lt": {"news": "aktualijos"}}')
    else {
      out.segments = {}
      for (const [locale, sections] of Object.entries(raw.segments)) {
        if (!isObject(sections)) {
          problems.push(`"segments.${locale}" must map sections to segments, e.g. {"news": "aktualijos"}`)
          continue
        }
        const seen = new Map<string, string>()
        const mine: Partial<Record<string, string>> = {}
        for (const [section, segment] of Object.entries(sections)) {
          if (!(sectionCollections as readonly string[]).includes(section)) problems.push(`"segments.${locale}.${section}": no such section (${sectionCollections.join(', ')})`)
          else if (typeof segment !== 'string' || !/^[\p{Ll}\p{N}]+(-[\p{Ll}\p{N}]+)*$/u.test(segment)) problems.push(`"segments.${locale}.${section}" must be lower-case letters, digits and single hyphens, e.g. "aktualijos"; got ${JSON.stringify(segment)}`)
          else if (seen.has(segment)) problems.push(`"segments.${locale}": "${segment}" is given to both ${seen.get(segment)} and ${section}`)
          else {
            seen.set(segment, section)
            mine[section] = segment
          }
        }
        out.segments[locale] = mine
      }
    }
  }
  if (problems.length) throw new Error(`${where}: ${problems.join('; ')}.`)
  return out
}

export function sectionPath(collection: SectionCollection | (string & {}), locale: Locale, ctx: RouteContext): string {
  return `${localePrefix(locale, ctx)}/${sectionSegment(collection, locale, ctx)}/`
}

/** Page 1 is the section itself; later pages get `/psl/2/` (`/page/2/`). */
export function listPath(collection: SectionCollection, locale: Locale, page: number, ctx: RouteContext): string {
  const base = sectionPath(collection, locale, ctx)
  return page <= 1 ? base : `${base}${t(locale, 'segments.page')}/${page}/`
}

/**
 * A news archive page, numbered from the oldest: `/naujienos/archyvas/1/` holds the ten
 * oldest items and never changes when newer ones are published. With a topic, that
 * topic's archive (`/naujienos/tema/<topic>/archyvas/1/`).
 */
export function newsArchivePath(locale: Locale, n: number, ctx: RouteContext, topicSlug?: string): string {
  const base = topicSlug ? newsTopicPath(locale, topicSlug, 1, ctx) : sectionPath('news', locale, ctx)
  return `${base}${t(locale, 'segments.archive')}/${n}/`
}

/** News filtered by a topic: `/naujienos/tema/<topic>/`. */
export function newsTopicPath(locale: Locale, topicSlug: string, page: number, ctx: RouteContext): string {
  const base = `${sectionPath('news', locale, ctx)}${t(locale, 'segments.topic')}/${topicSlug}/`
  return page <= 1 ? base : `${base}${t(locale, 'segments.page')}/${page}/`
}

/**
 * A document's page. Pages (about, privacy…) sit at the root of their locale and nest
 * under their parents; everything else under its section.
 */
export function docPath(
  collection: string,
  slugs: string[],
  locale: Locale,
  ctx: RouteContext,
): string {
  const prefix = localePrefix(locale, ctx)
  if ((ctx.registry ?? builtinRegistry).require(collection).route === 'root') return `${prefix}/${slugs.join('/')}/`
  return `${sectionPath(collection, locale, ctx)}${slugs[slugs.length - 1]}/`
}

export function feedPath(locale: Locale, ctx: RouteContext, topicSlug?: string): string {
  if (topicSlug) return `${sectionPath('topics', locale, ctx)}${topicSlug}/rss.xml`
  return `${localePrefix(locale, ctx)}/rss.xml`
}

/** Segments a page slug may not take, since sections and feeds live there. */
export function reservedRootSegments(locale: Locale, locales: Locale[], registry: Registry = builtinRegistry): string[] {
  return [
    ...registry.slugs((type) => type.route === 'section').map((c) => sectionSegment(c, locale, { registry })),
    ...locales,
    // The on-demand pages at the root of each locale.
    t(locale, 'search.path'),
    t(locale, 'newsletter.path'),
    t(locale, 'consultation.respondPath'),
    'preview',
    'rss.xml',
    'sitemap-index.xml',
    'sitemap-0.xml',
    'robots.txt',
    'media',
    'files',
    '_astro',
    'api',
    'admin',
  ]
}

export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, `${siteUrl.replace(/\/$/, '')}/`).toString()
}

/** The on-demand search page: `/paieska` · `/en/search`. */
export function searchPath(locale: Locale, ctx: RouteContext): string {
  return `${localePrefix(locale, ctx)}/${t(locale, 'search.path')}`
}

export type NewsletterAction = 'signup' | 'confirm' | 'preferences' | 'unsubscribe'

/** The newsletter's on-demand pages: `/naujienlaiskis/`, `/naujienlaiskis/patvirtinti/`… */
export function newsletterPath(locale: Locale, ctx: RouteContext, action: NewsletterAction = 'signup'): string {
  const base = `${localePrefix(locale, ctx)}/${t(locale, 'newsletter.path')}`
  return action === 'signup' ? base : `${base}/${t(locale, `newsletter.${action}Path`)}`
}

/** The consultations' iCal feed: `/konsultacijos/kalendorius.ics` · `/en/consultations/calendar.ics`. */
export function consultationsCalendarPath(locale: Locale, ctx: RouteContext): string {
  return `${sectionPath('consultations', locale, ctx)}${t(locale, 'consultations.calendarFile')}`
}

/** Where a consultation's response form posts, and its thank-you page: `/konsultaciju-atsakymai`. */
export function respondPath(locale: Locale, ctx: RouteContext): string {
  return `${localePrefix(locale, ctx)}/${t(locale, 'consultation.respondPath')}`
}
