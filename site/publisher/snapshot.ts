import { type CityNameCases, ownCityCases } from '../../cms/model/i18n'
import { defaultNavigation, taskIconKeys, type TaskIcon } from '../../cms/model/identity'
import { docPath, reservedRootSegments, sectionCollections, type RouteContext, type SectionCollection } from '../../cms/model/routes'
import { extendRegistry, registry as builtinRegistry } from '../../cms/model/registry'
import type { LinkTarget } from '../../cms/model/richtext'
import type { ContentSource } from '../../cms/model/source'
import { normalizeSitePath } from '../../cms/model/sitePath'
import type { DocLink, LocaleContent, SiteAlert, SiteDoc, SiteRedirect, SiteSettings, SiteTopTask, Snapshot, TopicRef } from '../../cms/model/snapshot'
import { mapperFor, type MapContext } from './mappers'
import { uploadReaders, type FileRefs, type UploadsByLocale } from './mappers/uploads'
import { cachedHtml, str, telHref, type Raw } from './mappers/shared'

export { normalizeHours, telHref } from './mappers/shared'

/**
 * Builds the snapshot the site renders from: published documents only (the source
 * enforces it), one entry per document per locale it is translated into, rich text
 * as HTML with every internal link resolved for that locale. Each type's own fields
 * come from its mapper (./mappers); this file does what all types share.
 */

type Key = string
const keyOf = (collection: string, id: unknown) => `${collection}:${String(id)}`

export type SnapshotOptions = { siteUrl: string; timeZone: string; dateLocales?: Record<string, string>; now?: Date }

export class SnapshotError extends Error {}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
}

/**
 * Fills untranslated fields from the default locale, row by row in arrays, and reports
 * which top-level fields fell back (so templates can mark their language).
 */
export function mergeTranslation(translated: Raw, base: Raw, fallbackFields: string[] = []): Raw {
  const merge = (t: unknown, b: unknown): [unknown, boolean] => {
    if (isEmpty(t)) return [b, !isEmpty(b)]
    if (Array.isArray(t) && Array.isArray(b)) {
      let fell = false
      const rows = t.map((row, i) => {
        const match = b.find((r) => (r as Raw)?.id !== undefined && (r as Raw).id === (row as Raw)?.id) ?? b[i]
        if (row && typeof row === 'object' && match && typeof match === 'object') {
          const [m, f] = merge(row, match)
          fell ||= f
          return m
        }
        return row
      })
      return [rows, fell]
    }
    if (t && typeof t === 'object' && b && typeof b === 'object' && !('root' in (t as Raw)) && !Array.isArray(t)) {
      let fell = false
      const out: Raw = { ...(b as Raw) }
      for (const [k, v] of Object.entries(t as Raw)) {
        const [m, f] = merge(v, (b as Raw)[k])
        out[k] = m
        fell ||= f
      }
      return [out, fell]
    }
    return [t, false]
  }
  const out: Raw = { ...base }
  for (const [k, v] of Object.entries(translated)) {
    const [m, fell] = merge(v, base[k])
    out[k] = m
    if (fell && k !== 'id' && !k.startsWith('_')) fallbackFields.push(k)
  }
  return out
}

export async function buildSnapshot(source: ContentSource, options: SnapshotOptions): Promise<Snapshot> {
  const { locales, defaultLocale } = source.locales()
  const now = options.now ?? new Date()
  const files: FileRefs = new Map()
  const responseFacts = await source.responseFacts()
  // The product's types, and the source's own (a city's extra types) after them.
  // (A live snapshot's `types` hold the product's too: only the others are added.)
  const extraTypes = (source.types?.() ?? []).filter((type) => !builtinRegistry.has(type.slug))
  const registry = extraTypes.length ? extendRegistry(builtinRegistry, extraTypes) : builtinRegistry
  const docCollections = registry.documents()
  const titleField = (collection: string) => registry.require(collection).titleField
  const ctx: RouteContext = extraTypes.length ? { defaultLocale, registry } : { defaultLocale }

  // Raw documents per locale: merged with the default locale where untranslated.
  type Entry = { raw: Raw; fallbackFields: string[] }
  const raw: Record<string, Map<Key, Entry>> = {}
  for (const locale of locales) raw[locale] = new Map()

  for (const collection of docCollections) {
    const base = await source.published(collection, defaultLocale, false)
    const baseById = new Map(base.map((d) => [String(d.id), d]))
    for (const d of base) {
      if (!str(d[titleField(collection)])) continue
      raw[defaultLocale]!.set(keyOf(collection, d.id), { raw: d, fallbackFields: [] })
    }
    for (const locale of locales) {
      if (locale === defaultLocale) continue
      for (const d of await source.published(collection, locale, false)) {
        // A document exists in a locale when its title is translated.
        if (!str(d[titleField(collection)])) continue
        const b = baseById.get(String(d.id))
        const fallbackFields: string[] = []
        const merged = b ? mergeTranslation(d, b, fallbackFields) : d
        raw[locale]!.set(keyOf(collection, d.id), { raw: merged, fallbackFields })
      }
    }
  }

  // Uploads, by id, per locale (alt text and titles are localized).
  const uploads: UploadsByLocale = {}
  for (const locale of locales) {
    uploads[locale] = {
      media: new Map((await source.uploads('media', locale)).map((d) => [String(d.id), d])),
      documents: new Map((await source.uploads('documents', locale)).map((d) => [String(d.id), d])),
    }
  }

  // URLs first: every document's path in every locale it exists in.
  const urls = new Map<Key, Record<string, string>>()
  for (const locale of locales) {
    const reserved = new Set(reservedRootSegments(locale, locales, registry))
    const pageSlugs = (id: string, seen = new Set<string>()): string[] => {
      const entry = raw[locale]!.get(keyOf('pages', id)) ?? raw[defaultLocale]!.get(keyOf('pages', id))
      if (!entry || seen.has(id)) return []
      seen.add(id)
      const parent = entry.raw.parent
      const own = String(entry.raw.slug ?? id)
      return parent ? [...pageSlugs(String(parent), seen), own] : [own]
    }
    for (const [key, { raw: d }] of raw[locale]!) {
      const collection = key.slice(0, key.indexOf(':'))
      const slug = str(d.slug) ?? String(d.id)
      const slugs = collection === 'pages' ? pageSlugs(String(d.id)) : [slug]
      if (collection === 'pages' && !d.parent && reserved.has(slugs[0]!)) {
        throw new SnapshotError(
          `The page "${String(d.title)}" (${locale}) has the slug "${slugs[0]}", which is reserved for a section. Change its slug in the CMS.`,
        )
      }
      const byLocale = urls.get(key) ?? {}
      byLocale[locale] = docPath(collection, slugs, locale, ctx)
      urls.set(key, byLocale)
    }
  }

  const content: Record<string, LocaleContent> = {}
  for (const locale of locales) {
    const entries = raw[locale]!
    const resolve = (relationTo: string, id: string): LinkTarget => {
      const byLocale = urls.get(keyOf(relationTo, id))
      if (!byLocale) return null
      if (byLocale[locale]) return { url: byLocale[locale]! }
      if (byLocale[defaultLocale]) return { url: byLocale[defaultLocale]!, lang: defaultLocale }
      return null
    }
    const html = (v: unknown, headingOffset = 0) => cachedHtml(v, resolve, `${locale}|${headingOffset}`, headingOffset)

    const { image, file, fileList } = uploadReaders(locale, defaultLocale, uploads, files)

    const topicRef = (id: unknown): TopicRef | undefined => {
      const e = entries.get(keyOf('topics', id))
      const url = urls.get(keyOf('topics', id))?.[locale]
      if (!e || !url) return undefined
      return { id: String(id), name: String(e.raw.name), slug: String(e.raw.slug), url }
    }
    const topicRefs = (ids: unknown) =>
      (Array.isArray(ids) ? ids : []).map(topicRef).filter((t): t is TopicRef => t !== undefined)

    const docLink = (relationTo: string, id: unknown): DocLink | undefined => {
      const target = resolve(relationTo, String(id))
      if (!target) return undefined
      const e = entries.get(keyOf(relationTo, id)) ?? raw[defaultLocale]!.get(keyOf(relationTo, id))
      if (!e) return undefined
      return {
        collection: relationTo as DocLink['collection'],
        id: String(id),
        title: String(e.raw[titleField(relationTo)] ?? ''),
        url: target.url,
        summary: str(e.raw.summary),
        ...(target.lang ? { lang: target.lang } : {}),
      }
    }

    const lookup = (collection: string, id: unknown) => (entries.get(keyOf(collection, id)) ?? raw[defaultLocale]!.get(keyOf(collection, id)))?.raw

    const docs: SiteDoc[] = []
    for (const [key, { raw: d, fallbackFields }] of entries) {
      const collection = key.slice(0, key.indexOf(':'))
      const mapper = mapperFor(collection)
      const id = String(d.id)
      const url = urls.get(key)![locale]!
      const meta = (d.meta ?? {}) as Raw
      const title = String(d[titleField(collection)])
      const c: MapContext = { locale, defaultLocale, id, title, html, image, file, fileList, topicRef, docLink, lookup, resolve, responseFacts }
      const hero = mapper.hero?.(d, c)
      const base = {
        id,
        locale,
        title,
        slug: str(d.slug) ?? id,
        url,
        summary: str(d.summary),
        publishedAt: str(d.publishedAt),
        updatedAt: String(d.updatedAt),
        topics: topicRefs(d.topics ?? (d.topic ? [d.topic] : [])),
        alternates: urls.get(key)!,
        seo: {
          title: str(meta.title) ?? title,
          description: str(meta.description) ?? str(d.summary) ?? str(d.description),
          image: image(meta.image) ?? hero,
        },
        fallbackFields,
        text: '',
      }
      // A type the product does not know has the generic shape (GenericDoc).
      const doc = { ...base, collection, ...mapper.fields(d, c, hero) } as SiteDoc
      // Search engines show a description: without a summary, the text's first sentence.
      if (!doc.seo.description) doc.seo = { ...doc.seo, description: firstSentence(doc.text) }
      docs.push(doc)
    }

    // Alerts: published and active at build time.
    const alerts: SiteAlert[] = []
    const alertBase = await source.published('alerts', defaultLocale, false)
    const alertLocal = locale === defaultLocale ? alertBase : await source.published('alerts', locale, false)
    for (const a of alertBase) {
      const starts = Date.parse(String(a.startsAt))
      const ends = Date.parse(String(a.endsAt))
      if (!(starts <= now.getTime() && now.getTime() < ends)) continue
      const local = alertLocal.find((x) => String(x.id) === String(a.id))
      alerts.push({
        id: String(a.id),
        message: str(local?.message) ?? String(a.message),
        level: (a.level as SiteAlert['level']) ?? 'info',
        link: str(local?.link) ?? str(a.link),
        startsAt: String(a.startsAt),
        endsAt: String(a.endsAt),
      })
    }
    const levelOrder = { emergency: 0, warning: 1, info: 2 }
    alerts.sort((a, b) => levelOrder[a.level] - levelOrder[b.level])
    // An alert that links one of the site's pages names it ("Planned water supply
    // interruption in Pušynas"), not "More information".
    const titleAt = new Map(docs.map((d) => [d.url.replace(/\/$/, ''), d.title]))
    for (const alert of alerts) {
      const title = alert.link?.startsWith('/') ? titleAt.get(alert.link.split(/[?#]/)[0]!.replace(/\/$/, '')) : undefined
      if (title) alert.linkTitle = title
    }

    const defaults = await source.settings(defaultLocale)
    const s = mergeTranslation(await source.settings(locale), defaults)
    const contact = (s.contact ?? {}) as Raw
    const address = (contact.address ?? {}) as Raw
    const settings: SiteSettings = {
      cityName: str(s.cityName) ?? 'Atvira',
      cityNameCases: ownCityCases(s.cityNameCases as CityNameCases, locale === defaultLocale ? null : (defaults.cityNameCases as CityNameCases)),
      tagline: str(s.tagline),
      logo: image(s.logo),
      brand: brandOf(s.brand),
      topTasks: topTasksOf(s.topTasks, docLink),
      navigation: navigationOf(s.navigation),
      contact: {
        phone: str(contact.phone),
        phoneTel: str(contact.phone) ? telHref(String(contact.phone)) : undefined,
        shortNumber: str(contact.shortNumber),
        email: str(contact.email),
        address: { street: str(address.street), postcode: str(address.postcode), city: str(address.city) },
        hours: str(contact.hours),
      },
      footerLinks: ((s.footerLinks ?? []) as Raw[]).map((l) => ({ label: String(l.label ?? ''), url: String(l.url ?? '') })),
      socialLinks: ((s.socialLinks ?? []) as Raw[]).map((l) => ({ platform: String(l.platform), url: String(l.url) })),
    }
    content[locale] = { locale, settings, docs, alerts }
  }

  const redirects = resolveRedirects((await source.redirects?.()) ?? [], urls, { locales, defaultLocale, sections: new Set(registry.slugs((type) => type.route === 'section')) })

  // Resolve upload references to local file paths (downloading from a remote CMS).
  const resolvedFiles: Record<string, string> = {}
  for (const [publicPath, ref] of files) {
    resolvedFiles[publicPath] = await source.filePath(ref.collection, ref.filename, ref.url)
  }

  return {
    version: 1,
    generatedAt: now.toISOString(),
    siteUrl: options.siteUrl,
    timeZone: options.timeZone,
    ...(options.dateLocales ? { dateLocales: options.dateLocales } : {}),
    defaultLocale,
    locales,
    content,
    files: resolvedFiles,
    // Only when the source brings types of its own: the product's snapshot stays as it was.
    ...(extraTypes.length ? { types: [...registry.types] } : {}),
    ...(redirects.length ? { redirects } : {}),
  }
}

type Ref = { relationTo?: unknown; value?: unknown }

const hexColour = /^#[0-9a-f]{6}$/i

/** Colours the CMS accepted (checked there for contrast); anything else keeps the site's own. */
export function brandOf(raw: unknown): SiteSettings['brand'] {
  const b = (raw ?? {}) as Raw
  const colour = typeof b.colour === 'string' && hexColour.test(b.colour.trim()) ? b.colour.trim().toLowerCase() : undefined
  const colourDark = typeof b.colourDark === 'string' && hexColour.test(b.colourDark.trim()) ? b.colourDark.trim().toLowerCase() : undefined
  return { ...(colour ? { colour } : {}), ...(colourDark ? { colourDark } : {}) }
}

/** Staff's top tasks in their order; a task whose page is not published (or gone) is left out. */
export function topTasksOf(raw: unknown, docLink: (relationTo: string, id: unknown) => DocLink | undefined): SiteTopTask[] {
  const out: SiteTopTask[] = []
  for (const row of Array.isArray(raw) ? (raw as Raw[]) : []) {
    const ref = row?.doc as Ref | null | undefined
    if (!ref || typeof ref.relationTo !== 'string' || ref.value == null) continue
    const id = typeof ref.value === 'object' ? (ref.value as { id?: unknown }).id : ref.value
    const link = docLink(ref.relationTo, id)
    if (!link) continue
    const icon = (taskIconKeys as string[]).includes(String(row.icon)) ? (row.icon as TaskIcon) : 'document'
    const label = str(row.label)
    out.push({ title: label ?? link.title, url: link.url, icon, ...(!label && link.lang ? { lang: link.lang } : {}) })
  }
  return out
}

/** The menu's sections as staff ordered them, each once; none named: what residents come for. */
export function navigationOf(raw: unknown): SectionCollection[] {
  const named = (Array.isArray(raw) ? (raw as Raw[]) : []).map((r) => r?.section).filter((s): s is SectionCollection => (sectionCollections as string[]).includes(String(s)))
  const unique = [...new Set(named)]
  return unique.length ? unique : [...defaultNavigation]
}

/**
 * What each old address answers now. A live page at the address wins (nothing to
 * answer); a move leads to its target where that is live, else to the document the
 * address belonged to if it is live again (under another address); otherwise the page
 * is withdrawn (410), in the row's language, linking its section.
 */
export function resolveRedirects(
  rows: Raw[],
  urls: Map<Key, Record<string, string>>,
  site: { locales: string[]; defaultLocale: string; sections: Set<string> },
): SiteRedirect[] {
  const live = new Set<string>()
  for (const byLocale of urls.values()) for (const url of Object.values(byLocale)) live.add(url)
  const out: SiteRedirect[] = []
  for (const row of rows) {
    const from = typeof row.from === 'string' ? normalizeSitePath(row.from) : null
    if (!from || live.has(from)) continue
    const locale = typeof row.locale === 'string' && site.locales.includes(row.locale) ? row.locale : site.defaultLocale
    const urlOf = (ref: unknown): string | undefined => {
      const r = ref as Ref | null | undefined
      if (!r || typeof r.relationTo !== 'string' || r.value === null || r.value === undefined) return undefined
      const id = typeof r.value === 'object' ? (r.value as { id?: unknown }).id : r.value
      const byLocale = urls.get(keyOf(r.relationTo, id))
      return byLocale?.[locale] ?? byLocale?.[site.defaultLocale]
    }
    const to = (row.kind === 'moved' ? urlOf(row.target) : undefined) ?? urlOf(row.doc)
    if (to && to !== from) out.push({ from, status: 301, to })
    else {
      const section = typeof row.section === 'string' && site.sections.has(row.section) ? row.section : undefined
      out.push({ from, status: 410, locale, ...(section ? { section } : {}) })
    }
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
}

/** The first sentence of a text, at most about 160 characters (a description's length), or undefined for no text. */
export function firstSentence(text: string, max = 160): string | undefined {
  const plain = text.replace(/\s+/g, ' ').trim()
  if (!plain) return undefined
  const end = /[.!?…](?=\s+\p{Lu}|\s*$)/u.exec(plain)
  const sentence = end ? plain.slice(0, end.index + 1) : plain
  if (sentence.length <= max) return sentence
  const cut = sentence.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.:;–-]+$/, '')}…`
}
