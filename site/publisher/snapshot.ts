import { type CityNameCases, ownCityCases } from '../../cms/model/i18n'
import { docPath, reservedRootSegments, type RouteContext } from '../../cms/model/routes'
import { richTextToHtml, richTextToText, type LinkTarget } from '../../cms/model/richtext'
import type { ContentSource, RawDoc } from '../../cms/model/source'
import type {
  ConsultationQuestion,
  Collection,
  DayHours,
  DocLink,
  LocaleContent,
  SiteAlert,
  SiteDoc,
  SiteFile,
  SiteImage,
  SiteSettings,
  Snapshot,
  TopicRef,
  Weekday,
} from '../../cms/model/snapshot'

/**
 * Builds the snapshot the site renders from: published documents only (the source
 * enforces it), one entry per document per locale it is translated into, rich text
 * as HTML with every internal link resolved for that locale.
 */

const docCollections: Collection[] = ['topics', 'pages', 'news', 'guides', 'leaflets', 'handbook', 'services', 'consultations']

const titleField: Record<Collection, string> = {
  news: 'title',
  guides: 'title',
  leaflets: 'title',
  handbook: 'question',
  services: 'name',
  consultations: 'title',
  pages: 'title',
  topics: 'name',
}

const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

type Raw = Record<string, unknown>
type Key = string
const keyOf = (collection: string, id: unknown) => `${collection}:${String(id)}`

export type SnapshotOptions = { siteUrl: string; timeZone: string; now?: Date }

export class SnapshotError extends Error {}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined
}

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

export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`
}

/** Seven days, Monday first; each day's ranges sorted; empty ranges mean closed. */
export function normalizeHours(rows: unknown): DayHours[] {
  const list = Array.isArray(rows) ? (rows as { days?: string[]; opens?: string; closes?: string }[]) : []
  return weekdays.map((day) => ({
    day,
    ranges: list
      .filter((r) => r.days?.includes(day) && r.opens && r.closes)
      .map((r) => ({ opens: r.opens!, closes: r.closes! }))
      .sort((a, b) => a.opens.localeCompare(b.opens)),
  }))
}

/**
 * Rich text converted before, by object: the job runner keeps the documents it read
 * (site/publisher/export.ts), so an update converts only the rich text of changed ones.
 * HTML depends on where its internal links lead: it is reused only when every link
 * resolves as it did.
 */
const textMemo = new WeakMap<object, string>()
const htmlMemo = new WeakMap<object, Map<string, { html: string; links: [string, string, string][] }>>()

function cachedText(v: unknown): string {
  if (!v || typeof v !== 'object') return richTextToText(v)
  let text = textMemo.get(v)
  if (text === undefined) textMemo.set(v, (text = richTextToText(v)))
  return text
}

function cachedHtml(v: unknown, resolve: (relationTo: string, id: string) => LinkTarget, key: string, headingOffset: number): string {
  if (!v || typeof v !== 'object') return richTextToHtml(v, resolve, { headingOffset })
  let byKey = htmlMemo.get(v)
  const hit = byKey?.get(key)
  if (hit && hit.links.every(([relationTo, id, target]) => JSON.stringify(resolve(relationTo, id)) === target)) return hit.html
  const links: [string, string, string][] = []
  const recording = (relationTo: string, id: string) => {
    const target = resolve(relationTo, id)
    links.push([relationTo, id, JSON.stringify(target)])
    return target
  }
  const html = richTextToHtml(v, recording, { headingOffset })
  if (!byKey) htmlMemo.set(v, (byKey = new Map()))
  byKey.set(key, { html, links })
  return html
}

export async function buildSnapshot(source: ContentSource, options: SnapshotOptions): Promise<Snapshot> {
  const { locales, defaultLocale } = source.locales()
  const ctx: RouteContext = { defaultLocale }
  const now = options.now ?? new Date()
  const files = new Map<string, { collection: 'media' | 'documents'; filename: string; url?: string }>()
  const responseFacts = await source.responseFacts()

  // Raw documents per locale: merged with the default locale where untranslated.
  type Entry = { raw: Raw; fallbackFields: string[] }
  const raw: Record<string, Map<Key, Entry>> = {}
  for (const locale of locales) raw[locale] = new Map()

  for (const collection of docCollections) {
    const base = await source.published(collection, defaultLocale, false)
    const baseById = new Map(base.map((d) => [String(d.id), d]))
    for (const d of base) {
      if (!str(d[titleField[collection]])) continue
      raw[defaultLocale]!.set(keyOf(collection, d.id), { raw: d, fallbackFields: [] })
    }
    for (const locale of locales) {
      if (locale === defaultLocale) continue
      for (const d of await source.published(collection, locale, false)) {
        // A document exists in a locale when its title is translated.
        if (!str(d[titleField[collection]])) continue
        const b = baseById.get(String(d.id))
        const fallbackFields: string[] = []
        const merged = b ? mergeTranslation(d, b, fallbackFields) : d
        raw[locale]!.set(keyOf(collection, d.id), { raw: merged, fallbackFields })
      }
    }
  }

  // Uploads, by id, per locale (alt text and titles are localized).
  const uploads: Record<string, { media: Map<string, RawDoc>; documents: Map<string, RawDoc> }> = {}
  for (const locale of locales) {
    uploads[locale] = {
      media: new Map((await source.uploads('media', locale)).map((d) => [String(d.id), d])),
      documents: new Map((await source.uploads('documents', locale)).map((d) => [String(d.id), d])),
    }
  }

  // URLs first: every document's path in every locale it exists in.
  const urls = new Map<Key, Record<string, string>>()
  for (const locale of locales) {
    const reserved = new Set(reservedRootSegments(locale, locales))
    const pageSlugs = (id: string, seen = new Set<string>()): string[] => {
      const entry = raw[locale]!.get(keyOf('pages', id)) ?? raw[defaultLocale]!.get(keyOf('pages', id))
      if (!entry || seen.has(id)) return []
      seen.add(id)
      const parent = entry.raw.parent
      const own = String(entry.raw.slug ?? id)
      return parent ? [...pageSlugs(String(parent), seen), own] : [own]
    }
    for (const [key, { raw: d }] of raw[locale]!) {
      const collection = key.slice(0, key.indexOf(':')) as Collection
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

    const image = (id: unknown): SiteImage | undefined => {
      if (id === null || id === undefined) return undefined
      const m = uploads[locale]!.media.get(String(id)) ?? uploads[defaultLocale]!.media.get(String(id))
      if (!m || !str(m.filename)) return undefined
      const variants: { src: string; width: number; height: number }[] = []
      const add = (filename: unknown, width: unknown, height: unknown, url?: unknown) => {
        if (!str(filename) || typeof width !== 'number' || typeof height !== 'number') return
        // The original and a resized copy can have the same width: keep the resized one.
        const same = variants.findIndex((v) => v.width === width)
        if (same !== -1) variants.splice(same, 1)
        const publicPath = `/media/${filename as string}`
        files.set(publicPath, { collection: 'media', filename: filename as string, url: str(url) })
        variants.push({ src: publicPath, width, height })
      }
      add(m.filename, m.width, m.height, m.url)
      for (const size of Object.values((m.sizes ?? {}) as Record<string, Raw>)) {
        add(size.filename, size.width, size.height, size.url)
      }
      variants.sort((a, b) => a.width - b.width)
      const largest = variants[variants.length - 1]
      if (!largest) return undefined
      const localAlt = uploads[locale]!.media.get(String(id))
      const altInLocale = str(localAlt?.alt)
      const baseAlt = str(uploads[defaultLocale]!.media.get(String(id))?.alt)
      return {
        src: largest.src,
        width: largest.width,
        height: largest.height,
        variants,
        alt: altInLocale ?? baseAlt ?? '',
        caption: str(localAlt?.caption) ?? str(m.caption),
        credit: str(m.credit),
        ...(altInLocale || !baseAlt || locale === defaultLocale ? {} : { lang: defaultLocale }),
      }
    }

    const file = (id: unknown): SiteFile | undefined => {
      if (id === null || id === undefined) return undefined
      const d = uploads[locale]!.documents.get(String(id)) ?? uploads[defaultLocale]!.documents.get(String(id))
      if (!d || !str(d.filename)) return undefined
      const publicPath = `/files/${d.filename as string}`
      files.set(publicPath, { collection: 'documents', filename: d.filename as string, url: str(d.url) })
      return {
        url: publicPath,
        title: str(d.title) ?? (d.filename as string),
        filename: d.filename as string,
        mimeType: str(d.mimeType) ?? 'application/octet-stream',
        size: typeof d.filesize === 'number' ? d.filesize : 0,
        pages: typeof d.pageCount === 'number' ? d.pageCount : undefined,
        language: str(d.language) ?? defaultLocale,
      }
    }
    const fileList = (ids: unknown) =>
      (Array.isArray(ids) ? ids : []).map(file).filter((f): f is SiteFile => f !== undefined)

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
        collection: relationTo as Collection,
        id: String(id),
        title: String(e.raw[titleField[relationTo as Collection]] ?? ''),
        url: target.url,
        summary: str(e.raw.summary),
        ...(target.lang ? { lang: target.lang } : {}),
      }
    }

    const docs: SiteDoc[] = []
    for (const [key, { raw: d, fallbackFields }] of entries) {
      const collection = key.slice(0, key.indexOf(':')) as Collection
      const id = String(d.id)
      const url = urls.get(key)![locale]!
      const meta = (d.meta ?? {}) as Raw
      const title = String(d[titleField[collection]])
      const hero = collection === 'news' ? image(d.heroImage) : undefined
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
      switch (collection) {
        case 'news':
          docs.push({
            ...base,
            collection,
            bodyHtml: html(d.body),
            hero,
            department: str(d.department),
            urgent: Boolean(d.urgent),
            related: ((d.related ?? []) as { relationTo: string; value: unknown }[])
              .map((r) => docLink(r.relationTo, typeof r.value === 'object' ? (r.value as Raw)?.id : r.value))
              .filter((l): l is DocLink => l !== undefined),
            text: cachedText(d.body),
          })
          break
        case 'guides': {
          const steps = ((d.steps ?? []) as Raw[]).map((s, i) => ({
            title: String(s.title ?? ''),
            anchor: `step-${i + 1}`,
            html: html(s.body, 1),
          }))
          docs.push({
            ...base,
            collection,
            steps,
            relatedServices: ((d.relatedServices ?? []) as unknown[])
              .map((sid) => docLink('services', sid))
              .filter((l): l is DocLink => l !== undefined),
            text: ((d.steps ?? []) as Raw[]).map((s) => `${String(s.title ?? '')} ${cachedText(s.body)}`).join(' '),
          })
          break
        }
        case 'leaflets':
          docs.push({
            ...base,
            collection,
            bodyHtml: html(d.body),
            pdf: file(d.pdf),
            audience: (d.audience ?? []) as string[],
            text: cachedText(d.body),
          })
          break
        case 'handbook':
          docs.push({
            ...base,
            collection,
            question: title,
            answerHtml: html(d.answer, 1),
            anchor: str(d.slug) ?? `q-${id}`,
            topic: topicRef(d.topic),
            order: typeof d.order === 'number' ? d.order : 0,
            text: cachedText(d.answer),
          })
          break
        case 'services': {
          const address = (d.address ?? {}) as Raw
          const contact = d.phones as { label?: string; number?: string }[] | undefined
          docs.push({
            ...base,
            collection,
            description: String(d.description ?? ''),
            phones: (contact ?? [])
              .filter((p) => str(p.number))
              .map((p) => ({ label: str(p.label), number: p.number!, tel: telHref(p.number!) })),
            email: str(d.email),
            address: str(address.street) || str(address.city)
              ? { street: str(address.street), postcode: str(address.postcode), city: str(address.city) }
              : undefined,
            hours: normalizeHours(d.openingHours),
            hoursNote: str(d.hoursNote),
            website: str(d.website),
            text: String(d.description ?? ''),
          })
          break
        }
        case 'consultations': {
          const outcome = (d.outcome ?? {}) as Raw
          const contact = (d.contact ?? {}) as Raw
          const outcomeHtml = html(outcome.summary)
          docs.push({
            ...base,
            collection,
            bodyHtml: html(d.body),
            opensAt: String(d.opensAt),
            closesAt: String(d.closesAt),
            status: (d.status as 'upcoming' | 'open' | 'closed' | 'outcome') ?? 'upcoming',
            documents: fileList(d.documents),
            howToRespondHtml: html(d.howToRespond, 1) || undefined,
            timeline: ((d.timeline ?? []) as Raw[])
              .filter((s) => str(s.date))
              .map((s) => ({ date: String(s.date), label: String(s.label ?? '') }))
              .sort((a, b) => a.date.localeCompare(b.date)),
            department: str(d.department),
            contact: str(contact.name) || str(contact.email) || str(contact.phone)
              ? {
                  name: str(contact.name),
                  email: str(contact.email),
                  phone: str(contact.phone),
                  tel: str(contact.phone) ? telHref(String(contact.phone)) : undefined,
                }
              : undefined,
            outcome:
              d.status === 'outcome' && outcomeHtml
                ? {
                    html: outcomeHtml,
                    documents: fileList(outcome.documents),
                    publishedAt: String(outcome.publishedAt),
                    whatYouSaid: ((outcome.whatYouSaid ?? []) as Raw[])
                      .filter((p) => str(p.said) && str(p.did))
                      .map((p) => ({ said: String(p.said), did: String(p.did) })),
                    quotes: responseFacts[String(d.id)]?.quotes ?? [],
                  }
                : undefined,
            questions: ((d.questions ?? []) as Raw[])
              .filter((q) => str(q.label) && ['text', 'single', 'multiple', 'scale'].includes(String(q.type)))
              .map((q) => ({
                id: String(q.id),
                type: q.type as ConsultationQuestion['type'],
                label: String(q.label),
                help: str(q.help),
                required: q.required === true,
                options: ((q.options ?? []) as Raw[]).filter((o) => str(o.label)).map((o) => ({ id: String(o.id), label: String(o.label) })),
              })),
            responseCount: responseFacts[String(d.id)]?.count ?? 0,
            text: cachedText(d.body),
          })
          break
        }
        case 'pages': {
          const crumbs: { title: string; url: string }[] = []
          let parent = d.parent
          const seen = new Set<string>([id])
          while (parent !== null && parent !== undefined && !seen.has(String(parent))) {
            seen.add(String(parent))
            const p = entries.get(keyOf('pages', parent)) ?? raw[defaultLocale]!.get(keyOf('pages', parent))
            const purl = resolve('pages', String(parent))
            if (!p || !purl) break
            crumbs.unshift({ title: String(p.raw.title), url: purl.url })
            parent = p.raw.parent
          }
          docs.push({
            ...base,
            collection,
            bodyHtml: html(d.body),
            parentId: d.parent ? String(d.parent) : undefined,
            breadcrumbs: crumbs,
            text: cachedText(d.body),
          })
          break
        }
        case 'topics':
          docs.push({
            ...base,
            collection,
            name: title,
            description: str(d.description),
            text: String(d.description ?? ''),
          })
          break
      }
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

    const defaults = await source.settings(defaultLocale)
    const s = mergeTranslation(await source.settings(locale), defaults)
    const contact = (s.contact ?? {}) as Raw
    const address = (contact.address ?? {}) as Raw
    const settings: SiteSettings = {
      cityName: str(s.cityName) ?? 'Atvira',
      cityNameCases: ownCityCases(s.cityNameCases as CityNameCases, locale === defaultLocale ? null : (defaults.cityNameCases as CityNameCases)),
      tagline: str(s.tagline),
      logo: image(s.logo),
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
    defaultLocale,
    locales,
    content,
    files: resolvedFiles,
  }
}
