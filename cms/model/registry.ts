/**
 * The content registry: one entry per content type, the one list the CMS, the seed,
 * the publisher and the templates read (instead of each spelling out the types).
 * Plain data, so it travels inside the snapshot to a city's templates.
 */

export type ContentTypeFlags = {
  /** Published to the site (read by the snapshot). */
  public: boolean
  /** In the site search index. */
  searchable: boolean
  /** Items of the locale's RSS feeds. */
  inFeeds: boolean
  /** Its pages are in the sitemap. */
  inSitemap: boolean
  /** Staff can preview a draft on the site. */
  previewable: boolean
  /** Rich text can link to it (resolved per locale on the site). */
  linkable: boolean
  /** Subscribers are told when one is published (newsletter). */
  notifiable: boolean
  /** Has the SEO fields (meta title, description, image). */
  seo: boolean
}

export type ContentTypeLabels = { singular: string; plural: string }

export type ContentTypeDef<S extends string = string> = {
  slug: S
  /**
   * Where its documents live: under their own section (`/naujienos/<slug>/`), at the
   * root of the locale (pages, nested under parents), or nowhere (alerts, uploads).
   */
  route: 'section' | 'root' | 'none'
  /**
   * The section's URL segment per locale. Without it, the catalogue's `sections.<slug>`
   * string (cms/model/i18n): the product's types keep their words there.
   */
  segments?: Record<string, string>
  /** Labels per locale (the admin's lt, en, uk, and el for completeness; others use English). */
  labels: Record<string, ContentTypeLabels>
  /** The field that names a document (a document exists in a locale when it is translated). */
  titleField: string
  /** What a preview reads of every other published document: enough to link to it. */
  linkFields: string[]
  /** Documents or uploads (media, documents: no drafts, no pages of their own). */
  kind: 'document' | 'upload'
  /** Seed content keeps one document per file in `content/<slug>/`. */
  seedFolder: boolean
  flags: ContentTypeFlags
}

const noFlags: ContentTypeFlags = {
  public: false,
  searchable: false,
  inFeeds: false,
  inSitemap: false,
  previewable: false,
  linkable: false,
  notifiable: false,
  seo: false,
}

/** A public document type by default: on the site, in search, sitemap, previews and links. */
export function defineContentType<const S extends string, const K extends ContentTypeDef['kind'] = 'document'>(
  def: Pick<ContentTypeDef<S>, 'slug' | 'labels'> &
    Partial<Omit<ContentTypeDef<S>, 'slug' | 'labels' | 'flags' | 'kind'>> & { kind?: K; flags?: Partial<ContentTypeFlags> },
): ContentTypeDef<S> & { kind: K } {
  const kind = (def.kind ?? 'document') as K
  const publicDoc = kind === 'document'
  return {
    route: 'section',
    titleField: 'title',
    linkFields: ['title', 'slug', 'summary', 'publishedAt', 'topics'],
    kind,
    seedFolder: publicDoc,
    ...def,
    flags: {
      ...noFlags,
      ...(publicDoc ? { public: true, searchable: true, inSitemap: true, previewable: true, linkable: true, seo: true } : {}),
      ...def.flags,
    },
  }
}

export type Registry<S extends string = string> = {
  readonly types: readonly ContentTypeDef<S>[]
  get(slug: string): ContentTypeDef<S> | undefined
  /** The type, or an error that says which types exist. */
  require(slug: string): ContentTypeDef<S>
  has(slug: string): slug is S
  slugs(filter?: (type: ContentTypeDef<S>) => boolean): S[]
  /** Slugs with a flag set, in registry order. */
  withFlag(flag: keyof ContentTypeFlags): S[]
  /**
   * Published documents with pages, in the order the snapshot reads them: topics first
   * (documents name their topics), pages next (their paths nest), then registry order.
   */
  documents(): S[]
  /** The section's URL segment in a locale (`news` → `naujienos`). */
  segment(slug: string, locale: string, catalogue: (locale: string, key: string) => string): string
}

export function createRegistry<const S extends string>(entries: readonly ContentTypeDef<S>[]): Registry<S> {
  const bySlug = new Map<string, ContentTypeDef<S>>()
  for (const e of entries) {
    if (bySlug.has(e.slug)) throw new Error(`The content type "${e.slug}" is registered twice; give the second one another slug.`)
    if (!/^[a-z][a-z0-9-]*$/.test(e.slug)) throw new Error(`The content type slug "${e.slug}" must be lower-case letters, digits and dashes.`)
    bySlug.set(e.slug, e)
  }
  const registry: Registry<S> = {
    types: entries,
    get: (slug) => bySlug.get(slug),
    require(slug) {
      const type = bySlug.get(slug)
      if (!type) throw new Error(`Unknown content type "${slug}"; registered: ${[...bySlug.keys()].join(', ')}.`)
      return type
    },
    has: (slug): slug is S => bySlug.has(slug),
    slugs: (filter) => entries.filter((e) => !filter || filter(e)).map((e) => e.slug),
    withFlag: (flag) => entries.filter((e) => e.flags[flag]).map((e) => e.slug),
    documents: () => {
      const rank = (slug: string) => (slug === 'topics' ? 0 : slug === 'pages' ? 1 : 2)
      return entries
        .filter((e) => e.kind === 'document' && e.flags.public && e.route !== 'none')
        .map((e) => e.slug)
        .sort((a, b) => rank(a) - rank(b))
    },
    segment(slug, locale, catalogue) {
      const type = registry.require(slug)
      return type.segments?.[locale] ?? type.segments?.en ?? catalogue(locale, `sections.${slug}`)
    },
  }
  return registry
}

/** Adds types to a registry (a city's own, or a test fixture's). */
export function extendRegistry<S extends string, T extends string>(base: Registry<S>, extra: readonly ContentTypeDef<T>[]): Registry<S | T> {
  return createRegistry<S | T>([...base.types, ...extra])
}

/**
 * The product's types, in the order the site's menu lists their sections (and the
 * admin its link targets and previews).
 */
export const builtinTypes = [
  defineContentType({
    slug: 'news',
    labels: { lt: { singular: 'Naujiena', plural: 'Naujienos' }, en: { singular: 'News item', plural: 'News' }, uk: { singular: 'Новина', plural: 'Новини' }, el: { singular: 'Είδηση', plural: 'Νέα' } },
    flags: { inFeeds: true, notifiable: true },
  }),
  defineContentType({
    slug: 'guides',
    labels: { lt: { singular: 'Gidas', plural: 'Gidai' }, en: { singular: 'Guide', plural: 'Guides' }, uk: { singular: 'Інструкція', plural: 'Інструкції' }, el: { singular: 'Οδηγός', plural: 'Οδηγοί' } },
    flags: { notifiable: true },
  }),
  defineContentType({
    slug: 'leaflets',
    labels: { lt: { singular: 'Lankstinukas', plural: 'Lankstinukai' }, en: { singular: 'Leaflet', plural: 'Leaflets' }, uk: { singular: 'Буклет', plural: 'Буклети' }, el: { singular: 'Φυλλάδιο', plural: 'Φυλλάδια' } },
    flags: { notifiable: true },
  }),
  defineContentType({
    slug: 'handbook',
    labels: { lt: { singular: 'Žinyno klausimas', plural: 'Žinynas' }, en: { singular: 'Handbook entry', plural: 'Handbook' }, uk: { singular: 'Запитання довідника', plural: 'Довідник' }, el: { singular: 'Ερώτηση', plural: 'Συχνές ερωτήσεις' } },
    titleField: 'question',
    linkFields: ['question', 'slug', 'topic', 'order'],
    // Handbook answers have no SEO fields of their own: they live on the handbook page.
    flags: { seo: false },
  }),
  defineContentType({
    slug: 'services',
    labels: { lt: { singular: 'Paslauga', plural: 'Paslaugos' }, en: { singular: 'Service', plural: 'Services' }, uk: { singular: 'Послуга', plural: 'Послуги' }, el: { singular: 'Υπηρεσία', plural: 'Υπηρεσίες' } },
    titleField: 'name',
    linkFields: ['name', 'slug', 'summary', 'topics'],
  }),
  defineContentType({
    slug: 'consultations',
    labels: { lt: { singular: 'Konsultacija', plural: 'Konsultacijos' }, en: { singular: 'Consultation', plural: 'Consultations' }, uk: { singular: 'Громадське обговорення', plural: 'Громадські обговорення' }, el: { singular: 'Διαβούλευση', plural: 'Διαβουλεύσεις' } },
    linkFields: ['title', 'slug', 'summary', 'publishedAt', 'topics', 'opensAt', 'closesAt', 'status'],
    flags: { notifiable: true },
  }),
  defineContentType({
    slug: 'pages',
    route: 'root',
    labels: { lt: { singular: 'Puslapis', plural: 'Puslapiai' }, en: { singular: 'Page', plural: 'Pages' }, uk: { singular: 'Сторінка', plural: 'Сторінки' }, el: { singular: 'Σελίδα', plural: 'Σελίδες' } },
    linkFields: ['title', 'slug', 'summary', 'parent'],
  }),
  defineContentType({
    slug: 'topics',
    labels: { lt: { singular: 'Tema', plural: 'Temos' }, en: { singular: 'Topic', plural: 'Topics' }, uk: { singular: 'Тема', plural: 'Теми' }, el: { singular: 'Θέμα', plural: 'Θέματα' } },
    titleField: 'name',
    linkFields: ['name', 'slug', 'description'],
    seedFolder: false,
    flags: { searchable: false },
  }),
  defineContentType({
    slug: 'alerts',
    route: 'none',
    labels: { lt: { singular: 'Įspėjimas', plural: 'Įspėjimai' }, en: { singular: 'Alert', plural: 'Alerts' }, uk: { singular: 'Оповіщення', plural: 'Оповіщення' }, el: { singular: 'Ειδοποίηση', plural: 'Ειδοποιήσεις' } },
    titleField: 'message',
    linkFields: [],
    // On every page while active; no page, search entry or link of its own.
    flags: { searchable: false, inSitemap: false, previewable: false, linkable: false, seo: false },
  }),
  defineContentType({
    slug: 'media',
    kind: 'upload',
    route: 'none',
    labels: { lt: { singular: 'Paveikslėlis', plural: 'Paveikslėliai' }, en: { singular: 'Image', plural: 'Images' }, uk: { singular: 'Зображення', plural: 'Зображення' }, el: { singular: 'Εικόνα', plural: 'Εικόνες' } },
    titleField: 'alt',
    linkFields: [],
  }),
  defineContentType({
    slug: 'documents',
    kind: 'upload',
    route: 'none',
    labels: { lt: { singular: 'Dokumentas', plural: 'Dokumentai' }, en: { singular: 'Document', plural: 'Documents' }, uk: { singular: 'Документ', plural: 'Документи' }, el: { singular: 'Έγγραφο', plural: 'Έγγραφα' } },
    linkFields: [],
  }),
] as const

export type BuiltinType = (typeof builtinTypes)[number]
type SlugOf<T> = T extends { slug: infer S } ? S : never
type Where<T, K extends keyof T, V> = T extends unknown ? (T[K] extends V ? T : never) : never

/** Every registered slug of the product. */
export type ContentTypeSlug = SlugOf<BuiltinType>
/** Uploads: images and documents. */
export type UploadCollection = SlugOf<Where<BuiltinType, 'kind', 'upload'>>
/** What a content source serves as published documents (the uploads aside). */
export type SourceCollection = Exclude<ContentTypeSlug, UploadCollection>
/** Documents with a page of their own. */
export type DocCollection = Exclude<SourceCollection, 'alerts'>
/** Documents under a section of their own (pages sit at the root). */
export type SectionCollection = Exclude<DocCollection, 'pages'>

export const registry = createRegistry(builtinTypes)
