import crypto from 'node:crypto'

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

export function searchable(doc: SiteDoc): boolean {
  return doc.collection !== 'topics'
}

/** The text of a document's three indexed fields. */
export function searchFields(doc: SiteDoc): { title: string; meta: string; body: string } {
  const summary = doc.collection === 'services' ? doc.description : doc.summary
  return {
    title: doc.title,
    meta: [summary ?? '', doc.topics.map((t) => t.name).join(' '), extraFields(doc)].join(' '),
    body: truncateWords(doc.text, BODY_WORDS),
  }
}

/**
 * A document's index terms per field (title, meta, body), under a hash of the text
 * they come from. Written beside each index, so the next build runs the language
 * pipeline (most of the cost) only for documents whose text changed.
 */
export type TermRow = [hash: string, title: string[], meta: string[], body: string[]]

export function buildLocaleIndex(locale: string, docs: SiteDoc[]): LocaleIndex {
  return buildLocaleIndexWithTerms(locale, docs).index
}

/**
 * The index, and every document's terms. Terms from `reuse` are taken as they are, so
 * the index is exactly the one built from the text.
 */
export function buildLocaleIndexWithTerms(
  locale: string,
  docs: SiteDoc[],
  reuse: ReadonlyMap<string, TermRow> = new Map(),
): { index: LocaleIndex; terms: TermRow[] } {
  return buildIndexFromInputs(locale, searchInputs(docs), reuse)
}

/** What the index needs of a document: what it stores for results, and the text of its fields. */
export type SearchInput = { stored: Omit<SearchDoc, 'id'>; title: string; meta: string; body: string }

export function searchInputs(docs: SiteDoc[]): SearchInput[] {
  return docs.filter(searchable).map((doc) => ({
    stored: {
      type: doc.collection,
      url: doc.url,
      title: doc.title,
      date: doc.publishedAt,
      summary: doc.collection === 'services' ? doc.description : doc.summary,
      topics: doc.topics.map((t) => ({ slug: t.slug, name: t.name })),
      text: doc.text.slice(0, SNIPPET_CHARS),
    },
    ...searchFields(doc),
  }))
}

export function buildIndexFromInputs(
  locale: string,
  inputs: SearchInput[],
  reuse: ReadonlyMap<string, TermRow> = new Map(),
): { index: LocaleIndex; terms: TermRow[] } {
  const lang = languageFor(locale)
  const fn = pipelineFunction(lang)
  const pipeline = new lunr.Pipeline()
  pipeline.add(fn)
  const termsOf = (text: string) => pipeline.run(lunr.tokenizer(text)).map(String)
  const stored: SearchDoc[] = []
  const rows: TermRow[] = []
  const index = lunr(function () {
    this.pipeline.reset()
    this.searchPipeline.reset()
    this.searchPipeline.add(fn)
    this.ref('id')
    // Three fields, not five: every field repeats the postings of its words.
    this.field('title', { boost: 10 })
    this.field('meta', { boost: 3 })
    this.field('body')
    this.metadataWhitelist = []
    inputs.forEach(({ stored: doc, title, meta, body }, i) => {
      const id = String(i)
      stored.push({ id, ...doc })
      const hash = crypto.createHash('sha1').update(`${title}\0${meta}\0${body}`).digest('base64')
      const row = reuse.get(hash) ?? [hash, termsOf(title), termsOf(meta), termsOf(body)]
      rows.push(row)
      addTerms(this, id, [
        ['title', row[1]],
        ['meta', row[2]],
        ['body', row[3]],
      ])
    })
  })
  return { index: { locale, docs: stored, index: index.toJSON() }, terms: rows }
}

type BuilderState = {
  _documents: Record<string, object>
  documentCount: number
  fieldTermFrequencies: Record<string, Record<string, number>>
  fieldLengths: Record<string, number>
  invertedIndex: Record<string, Record<string, unknown>>
  termIndex: number
  _fields: Record<string, unknown>
}

const noMetadata = Object.freeze({})
// lunr.FieldRef's string form (the class is missing from lunr's types).
const fieldRefJoiner = (lunr as unknown as { FieldRef: { joiner: string } }).FieldRef.joiner

/**
 * `lunr.Builder.add` for a document given as its terms per field: the same state,
 * built the same way, except that every posting shares one empty metadata object
 * (positions are not kept, so lunr's would all be `{}` too; the JSON is the same).
 */
function addTerms(builder: lunr.Builder, ref: string, fields: [string, string[]][]): void {
  const b = builder as unknown as BuilderState
  const allFields = Object.keys(b._fields)
  b._documents[ref] = {}
  b.documentCount += 1
  for (const [field, terms] of fields) {
    const fieldRef = `${field}${fieldRefJoiner}${ref}`
    const frequencies: Record<string, number> = Object.create(null)
    b.fieldTermFrequencies[fieldRef] = frequencies
    b.fieldLengths[fieldRef] = terms.length
    for (const term of terms) {
      frequencies[term] = (frequencies[term] ?? 0) + 1
      let posting = b.invertedIndex[term]
      if (posting === undefined) {
        posting = Object.create(null) as Record<string, unknown>
        posting._index = b.termIndex++
        for (const f of allFields) posting[f] = Object.create(null)
        b.invertedIndex[term] = posting
      }
      const byRef = posting[field] as Record<string, object>
      if (byRef[ref] === undefined) byRef[ref] = noMetadata
    }
  }
}

export function buildSearchIndexes(snapshot: Snapshot): LocaleIndex[] {
  return snapshot.locales.map((locale) => buildLocaleIndex(locale, snapshot.content[locale]?.docs ?? []))
}
