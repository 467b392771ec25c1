/**
 * The snapshot: everything the public site renders, already filtered to published
 * content, localized, with rich text as HTML and every link resolved. Templates read
 * only this; they never query the CMS.
 */

import type { TaskIcon } from './identity'
import type { ContentTypeDef, DocCollection, SectionCollection } from './registry'

export type Locale = string

/** The product's document types with pages of their own (cms/model/registry.ts). */
export type Collection = DocCollection

export type ImageVariant = { src: string; width: number; height: number }

export type SiteImage = {
  /** Largest variant; `variants` are sorted by width for srcset. */
  src: string
  width: number
  height: number
  variants: ImageVariant[]
  alt: string
  caption?: string
  credit?: string
  /** Set when the alt/caption text is in another language than the page. */
  lang?: Locale
}

export type SiteFile = {
  url: string
  title: string
  filename: string
  mimeType: string
  /** Bytes. */
  size: number
  pages?: number
  /** Language the document is written in. */
  language: Locale
}

export type TopicRef = { id: string; name: string; slug: string; url: string }

/** A link to another document, for "related" lists. */
export type DocLink = { collection: Collection; id: string; title: string; url: string; summary?: string; lang?: Locale }

type Base = {
  collection: Collection
  id: string
  locale: Locale
  title: string
  slug: string
  /** Path on the site, starting and ending with "/". */
  url: string
  summary?: string
  /** ISO date-time. */
  publishedAt?: string
  updatedAt: string
  topics: TopicRef[]
  /** locale → path of this document's translations (including this one). */
  alternates: Record<Locale, string>
  seo: { title: string; description?: string; image?: SiteImage }
  /** Fields shown in the default locale because they are not translated yet. */
  fallbackFields: string[]
  /** Plain text of the body, for search and feeds. */
  text: string
}

export type NewsDoc = Base & {
  collection: 'news'
  bodyHtml: string
  hero?: SiteImage
  department?: string
  urgent: boolean
  related: DocLink[]
}

export type GuideStep = { title: string; anchor: string; html: string }
export type GuideDoc = Base & { collection: 'guides'; steps: GuideStep[]; relatedServices: DocLink[] }

export type LeafletDoc = Base & { collection: 'leaflets'; bodyHtml: string; pdf?: SiteFile; audience: string[] }

export type HandbookDoc = Base & {
  collection: 'handbook'
  /** Same as title: the question. */
  question: string
  answerHtml: string
  /** Anchor on the handbook page. */
  anchor: string
  topic?: TopicRef
  order: number
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'
export type DayHours = { day: Weekday; ranges: { opens: string; closes: string }[] }

export type ServiceDoc = Base & {
  collection: 'services'
  description: string
  phones: { label?: string; number: string; tel: string }[]
  email?: string
  address?: { street?: string; postcode?: string; city?: string }
  /** All seven days, Monday first; `ranges` empty when closed. */
  hours: DayHours[]
  hoursNote?: string
  website?: string
}

export type ConsultationStatus = 'upcoming' | 'open' | 'closed' | 'outcome'

export type ConsultationDoc = Base & {
  collection: 'consultations'
  bodyHtml: string
  opensAt: string
  closesAt: string
  status: ConsultationStatus
  documents: SiteFile[]
  howToRespondHtml?: string
  timeline: { date: string; label: string }[]
  department?: string
  contact?: { name?: string; email?: string; phone?: string; tel?: string }
  outcome?: { html: string; documents: SiteFile[]; publishedAt: string; whatYouSaid: { said: string; did: string }[]; quotes: string[] }
  /** The response form's questions (rendered while the consultation is open). */
  questions: ConsultationQuestion[]
  /** Responses received (spam left out), as of the last build. */
  responseCount: number
}

export type ConsultationQuestion = {
  id: string
  type: 'text' | 'single' | 'multiple' | 'scale'
  label: string
  help?: string
  required: boolean
  options: { id: string; label: string }[]
}

export type PageDoc = Base & {
  collection: 'pages'
  bodyHtml: string
  parentId?: string
  breadcrumbs: { title: string; url: string }[]
}

export type TopicDoc = Base & { collection: 'topics'; name: string; description?: string }

/**
 * A document of a type the product's templates do not know (a city's own, registered
 * in the snapshot's `types`): rendered by the generic document view.
 */
export type GenericDoc = Omit<Base, 'collection'> & { collection: string; bodyHtml: string }

export type SiteDoc = NewsDoc | GuideDoc | LeafletDoc | HandbookDoc | ServiceDoc | ConsultationDoc | PageDoc | TopicDoc

export type SiteAlert = {
  id: string
  message: string
  level: 'info' | 'warning' | 'emergency'
  link?: string
  /** The title of the page `link` points to, when it is one of the site's own: the link's text. */
  linkTitle?: string
  startsAt: string
  endsAt: string
}

export type SiteTopTask = {
  title: string
  url: string
  icon: TaskIcon
  /** Set when the title is the default language's (the page has no translation). */
  lang?: string
}

export type SiteSettings = {
  cityName: string
  /** The name's other grammatical cases in this locale; messages read them through `cityVars()`. */
  cityNameCases?: { genitive?: string; locative?: string }
  tagline?: string
  logo?: SiteImage
  /** Accent colours by scheme, checked for contrast at save (model/identity.ts); absent: the site's own. */
  brand: { colour?: string; colourDark?: string }
  /** The home page's first list, as staff ordered it; only tasks whose page is published. */
  topTasks: SiteTopTask[]
  /** The main menu's sections in order (the default order when Settings name none). */
  navigation: SectionCollection[]
  contact: {
    phone?: string
    phoneTel?: string
    shortNumber?: string
    email?: string
    address?: { street?: string; postcode?: string; city?: string }
    hours?: string
  }
  footerLinks: { label: string; url: string }[]
  socialLinks: { platform: string; url: string }[]
}

export type LocaleContent = {
  locale: Locale
  settings: SiteSettings
  docs: SiteDoc[]
  alerts: SiteAlert[]
}

export type Snapshot = {
  version: 1
  generatedAt: string
  siteUrl: string
  timeZone: string
  /** How each language writes dates (`en` → `en-GB`); a language not listed uses its own code. */
  dateLocales?: Record<string, string>
  defaultLocale: Locale
  locales: Locale[]
  content: Record<Locale, LocaleContent>
  /** Files to copy into the built site: public path → absolute source path. */
  files: Record<string, string>
  /**
   * The content registry the snapshot was built with, when it is not the product's own
   * (a city's extra types): the templates read flags and segments from it.
   */
  types?: ContentTypeDef[]
  /** The templates' URL scheme this snapshot's URLs follow (`parseRouteScheme` in routes.ts); none: the defaults. */
  routes?: RouteScheme
  /** Old addresses the site answers (none: the key is left out), sorted by `from`. */
  redirects?: SiteRedirect[]
}

/**
 * An address that no longer shows a page: 301 to where its page (or the page that
 * replaced it) is now, else 410 with a page in `locale` that links `section` (a
 * section type, else the home page). Paths as `normalizeSitePath` spells them.
 */
export type SiteRedirect =
  | { from: string; status: 301; to: string }
  | { from: string; status: 410; locale: Locale; section?: string }

/** What a city's templates may change of the URL scheme: section segments per locale, the list page size. */
export type RouteScheme = {
  /** Locale → section (news, guides…) → its URL segment. */
  segments?: Partial<Record<Locale, Partial<Record<string, string>>>>
  pageSize?: number
}
