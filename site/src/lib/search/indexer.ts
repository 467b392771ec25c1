import lunr from 'lunr'

import type { Collection, SiteDoc, Snapshot } from '../types'
import { languageFor, pipelineFunction } from './languages'

/**
 * One lunr index per locale over every published document, built during the site
 * build and written beside it. Positions are not stored (they would double the size);
 * snippets are marked by re-tokenising the stored text instead.
 */

export type SearchDoc = {
  id: string
  type: Collection
  url: string
  title: string
  date?: string
  summary?: string
  topics: { slug: string; name: string }[]
  /** Start of the body, for snippets. */
  text: string
}

export type LocaleIndex = { locale: string; docs: SearchDoc[]; index: object }

/** Words of the body kept in the index: enough for relevance, bounded for memory. */
export const BODY_WORDS = Number(process.env.ATVIRA_SEARCH_BODY_WORDS ?? 200)
const SNIPPET_CHARS = 1200

function truncateWords(text: string, n: number): string {
  const words = text.split(/\s+/)
  return words.length <= n ? text : words.slice(0, n).join(' ')
}

/** Phone numbers as residents type them: +370 460 12345, 8 460 12345, 46012345, 12345. */
export function phoneVariants(number: string): string[] {
  const digits = number.replace(/\D/g, '')
  const out = new Set([number, digits])
  if (digits.startsWith('370') && digits.length > 5) {
    const national = digits.slice(3)
    out.add(national)
    out.add(`8${national}`)
    out.add(`8 ${national}`)
  }
  return [...out]
}

function extraFields(doc: SiteDoc): string {
  if (doc.collection === 'services') {
    const address = doc.address ? [doc.address.street, doc.address.postcode, doc.address.city].filter(Boolean).join(' ') : ''
    return [...doc.phones.flatMap((p) => [p.label ?? '', ...phoneVariants(p.number)]), doc.email ?? '', address].join(' ')
  }
  if (doc.collection === 'consultations') return [doc.department ?? '', doc.contact?.name ?? ''].join(' ')
  if (doc.collection === 'news') return doc.department ?? ''
  return ''
}

function searchable(doc: SiteDoc): boolean {
  return doc.collection !== 'topics'
}

export function buildLocaleIndex(locale: string, docs: SiteDoc[]): LocaleIndex {
  const lang = languageFor(locale)
  const fn = pipelineFunction(lang)
  const stored: SearchDoc[] = []
  const index = lunr(function () {
    this.pipeline.reset()
    this.searchPipeline.reset()
    this.pipeline.add(fn)
    this.searchPipeline.add(fn)
    this.ref('id')
    // Three fields, not five: every field repeats the postings of its words.
    this.field('title', { boost: 10 })
    this.field('meta', { boost: 3 })
    this.field('body')
    this.metadataWhitelist = []
    docs.filter(searchable).forEach((doc, i) => {
      const id = String(i)
      const summary = doc.collection === 'services' ? doc.description : doc.summary
      stored.push({
        id,
        type: doc.collection,
        url: doc.url,
        title: doc.title,
        date: doc.publishedAt,
        summary,
        topics: doc.topics.map((t) => ({ slug: t.slug, name: t.name })),
        text: doc.text.slice(0, SNIPPET_CHARS),
      })
      this.add({
        id,
        title: doc.title,
        meta: [summary ?? '', doc.topics.map((t) => t.name).join(' '), extraFields(doc)].join(' '),
        body: truncateWords(doc.text, BODY_WORDS),
      })
    })
  })
  return { locale, docs: stored, index: index.toJSON() }
}

export function buildSearchIndexes(snapshot: Snapshot): LocaleIndex[] {
  return snapshot.locales.map((locale) => buildLocaleIndex(locale, snapshot.content[locale]?.docs ?? []))
}
