import { richTextToHtml, richTextToText, type LinkTarget } from '../../../cms/model/richtext'
import type { ResponseFacts } from '../../../cms/model/source'
import type { DayHours, DocLink, SiteFile, SiteImage, TopicRef, Weekday } from '../../../cms/model/snapshot'

/** Helpers every type's mapper shares. */

export type Raw = Record<string, unknown>

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined
}

export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`
}

const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

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

export function cachedText(v: unknown): string {
  if (!v || typeof v !== 'object') return richTextToText(v)
  let text = textMemo.get(v)
  if (text === undefined) textMemo.set(v, (text = richTextToText(v)))
  return text
}

export function cachedHtml(v: unknown, resolve: (relationTo: string, id: string) => LinkTarget, key: string, headingOffset: number): string {
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

/** What a mapper may ask of the snapshot being built, for one document in one locale. */
export type MapContext = {
  locale: string
  defaultLocale: string
  id: string
  /** The document's title (from its type's title field). */
  title: string
  /** Rich text as HTML with links resolved for this locale. */
  html(v: unknown, headingOffset?: number): string
  image(id: unknown): SiteImage | undefined
  file(id: unknown): SiteFile | undefined
  fileList(ids: unknown): SiteFile[]
  topicRef(id: unknown): TopicRef | undefined
  docLink(relationTo: string, id: unknown): DocLink | undefined
  /** Another document's raw entry in this locale, else in the default one. */
  lookup(collection: string, id: unknown): Raw | undefined
  resolve(relationTo: string, id: string): LinkTarget
  responseFacts: ResponseFacts
}

/**
 * One content type's part of the snapshot: the fields after the common ones (id,
 * title, url, topics, seo…). `hero` runs before the common fields (its image is the
 * page's SEO image unless the document sets one).
 */
export type Mapper = {
  hero?(d: Raw, c: MapContext): SiteImage | undefined
  fields(d: Raw, c: MapContext, hero: SiteImage | undefined): Raw
}

export const defineMapper = (m: Mapper): Mapper => m
