import lunr from 'lunr'

import type { Collection, SiteDoc, Snapshot } from '@atvira/model/snapshot'
import { documentHash } from '@atvira/model/docHash'
import { settings } from '@atvira/model/env'
import { createRegistry, registry as builtinRegistry, type ContentTypeDef, type Registry } from '@atvira/model/registry'
import { languageFor, pipelineFunction } from './languages'

/**
 * One lunr index per locale over every published document, built during the site
 * build and written beside it. Positions are not stored (they would double the size);
 * snippets are marked by re-tokenising the stored text instead.
 */

export type SearchDoc = {
  id: string
  type: Collection | (string & {})
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
export const BODY_WORDS = settings().ATVIRA_SEARCH_BODY_WORDS
const SNIPPET_CHARS = 1200

/** `text.split(/\s+/).slice(0, n).join(' ')` when there are more than n words, else the text; without splitting all of it. */
export function truncateWords(text: string, n: number): string {
  if (n <= 0) return ''
  const gaps = /\s+/g
  let cut = -1
  for (let i = 0; i < n; i++) {
    const gap = gaps.exec(text)
    if (!gap) return text
    cut = gap.index
  }
  return text.slice(0, cut).replace(/\s+/g, ' ')
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

const registries = new WeakMap<ContentTypeDef[], Registry>()

/**
 * Whether a document goes into the search index: its type's `searchable` flag, from the
 * snapshot's own types when it brings them (a city's extra types), else the product's.
 */
export function searchableIn(types?: ContentTypeDef[]): (doc: SiteDoc) => boolean {
  let registry: Registry = builtinRegistry
  if (types) {
    registry = registries.get(types) ?? createRegistry(types)
    registries.set(types, registry)
  }
  return (doc) => registry.get(doc.collection)?.flags.searchable ?? false
}

export const searchable = searchableIn()

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
 * What the index holds of one document: its key (`rowKey`), what results show,
 * and its terms per field (title, meta, body). Written beside each index, so the next
 * update takes unchanged documents as they are: no language pipeline (most of the
 * cost), and no need to read them from the snapshot.
 */
export type TermRow = [key: string, stored: Omit<SearchDoc, 'id'>, title: string[], meta: string[], body: string[]]

export function buildLocaleIndex(locale: string, docs: SiteDoc[]): LocaleIndex {
  return buildLocaleIndexWithTerms(locale, docs).index
}

/** What results show of a document. */
export function storedOf(doc: SiteDoc): Omit<SearchDoc, 'id'> {
  return {
    type: doc.collection,
    url: doc.url,
    title: doc.title,
    date: doc.publishedAt,
    summary: doc.collection === 'services' ? doc.description : doc.summary,
    topics: doc.topics.map((t) => ({ slug: t.slug, name: t.name })),
    text: doc.text.slice(0, SNIPPET_CHARS),
  }
}

/**
 * The key of a document's row: its hash and the body-word limit, which cuts its text
 * without changing the document (a row from another limit is never taken).
 */
export function rowKey(doc: SiteDoc, bodyWords = BODY_WORDS): string {
  return rowKeyOfHash(documentHash(doc), bodyWords)
}

/** `rowKey` of a document known by its hash (`documentHash`, as in a plan index). */
export function rowKeyOfHash(hash: string, bodyWords = BODY_WORDS): string {
  return `${bodyWords}:${hash}`
}

/** A document's row, built from its text (the language pipeline runs here). */
export function termRow(locale: string, doc: SiteDoc, hash = rowKey(doc)): TermRow {
  const run = termsFunction(locale)
  const { title, meta, body } = searchFields(doc)
  return [hash, storedOf(doc), run(title), run(meta), run(body)]
}

const termFunctions = new Map<string, (text: string) => string[]>()
function termsFunction(locale: string): (text: string) => string[] {
  let run = termFunctions.get(locale)
  if (!run) {
    const pipeline = searchPipelineOf(locale)
    run = (text: string) => pipeline.run(lunr.tokenizer(text)).map(String)
    termFunctions.set(locale, run)
  }
  return run
}

function searchPipelineOf(locale: string): lunr.Pipeline {
  const pipeline = new lunr.Pipeline()
  pipeline.add(pipelineFunction(languageFor(locale)))
  return pipeline
}

/**
 * The index, and every searchable document's row. Rows in `reuse` (by `rowKey`)
 * are taken as they are, so the index is exactly the one built from the text.
 */
export function buildLocaleIndexWithTerms(
  locale: string,
  docs: SiteDoc[],
  reuse: ReadonlyMap<string, TermRow> = new Map(),
  types?: ContentTypeDef[],
): { index: LocaleIndex; terms: TermRow[] } {
  const rows = docs.filter(searchableIn(types)).map((doc) => {
    const key = rowKey(doc)
    return reuse.get(key) ?? termRow(locale, doc, key)
  })
  return { index: indexOfRows(locale, rows), terms: rows }
}

/** The index of rows in order (the row number is the document's ref). */
export function indexOfRows(locale: string, rows: readonly TermRow[]): LocaleIndex {
  return {
    locale,
    docs: rows.map((row, i) => ({ id: String(i), ...row[1] })),
    index: indexFromTerms(rows, searchPipelineOf(locale).toJSON()),
  }
}

/** The fields, in lunr's order, with their boosts. Three, not five: every field repeats the postings of its words. */
const FIELDS = [
  ['title', 10],
  ['meta', 3],
  ['body', 1],
] as const
// lunr.Builder's BM25 defaults.
const K1 = 1.2
const B = 0.75
// lunr.FieldRef's string form (the class is missing from lunr's types).
const fieldRefJoiner = (lunr as unknown as { FieldRef: { joiner: string } }).FieldRef.joiner

/** A term: its number, the refs whose fields hold it, and (while a field is read) where it is in that field's list. */
type TermEntry = { index: number; refs: number[][]; field: number; at: number; idf: number }

/**
 * What `lunr.Builder.build().toJSON()` gives for documents `0…n-1` whose fields are
 * given as their terms (refs are the row numbers; positions not kept, so every posting
 * is `{}`), computed directly: lunr's builder spends most of an index's time on
 * per-posting objects, sorted inserts into every vector and a token set the JSON never
 * holds. Same order of float operations, same key order, so the same JSON (unit-tested
 * against lunr itself).
 */
export function indexFromTerms(rows: readonly TermRow[], pipeline: unknown[]): object {
  const terms = new Map<string, TermEntry>()
  let nextIndex = 0
  const lengthSums = FIELDS.map(() => 0)
  // Per document and field: its distinct terms' entries and frequencies, in first-seen order.
  const fieldTerms: { entries: TermEntry[]; tf: number[]; length: number }[] = []
  rows.forEach((row, ref) => {
    for (let f = 0; f < FIELDS.length; f++) {
      const list = row[f + 2] as string[]
      const id = fieldTerms.length
      const entries: TermEntry[] = []
      const tf: number[] = []
      for (const term of list) {
        let entry = terms.get(term)
        if (entry === undefined) {
          entry = { index: nextIndex++, refs: FIELDS.map(() => []), field: -1, at: 0, idf: 0 }
          terms.set(term, entry)
        }
        if (entry.field !== id) {
          entry.field = id
          entry.at = entries.length
          entries.push(entry)
          tf.push(1)
          entry.refs[f]!.push(ref)
        } else tf[entry.at]! += 1
      }
      lengthSums[f]! += list.length
      fieldTerms.push({ entries, tf, length: list.length })
    }
  })
  const documentCount = rows.length
  const average = lengthSums.map((sum) => sum / documentCount)
  // lunr.idf: fields holding the term, counted over all documents.
  for (const entry of terms.values()) {
    let withTerm = 0
    for (const refs of entry.refs) withTerm += refs.length
    const x = (documentCount - withTerm + 0.5) / (withTerm + 0.5)
    entry.idf = Math.log(1 + Math.abs(x))
  }
  const fieldVectors: [string, number[]][] = []
  fieldTerms.forEach(({ entries, tf, length }, i) => {
    const ref = Math.floor(i / FIELDS.length)
    const f = i % FIELDS.length
    const [field, boost] = FIELDS[f]!
    const order = entries.map((_, j) => j).sort((a, b) => entries[a]!.index - entries[b]!.index)
    const elements: number[] = []
    for (const j of order) {
      let score = (entries[j]!.idf * ((K1 + 1) * tf[j]!)) / (K1 * (1 - B + B * (length / average[f]!)) + tf[j]!)
      score *= boost
      elements.push(entries[j]!.index, Math.round(score * 1000) / 1000)
    }
    fieldVectors.push([`${field}${fieldRefJoiner}${ref}`, elements])
  })
  const empty = {}
  const invertedIndex = [...terms.keys()].sort().map((term) => {
    const entry = terms.get(term)!
    const posting: Record<string, unknown> = { _index: entry.index }
    FIELDS.forEach(([field], f) => {
      const byRef: Record<string, object> = {}
      for (const ref of entry.refs[f]!) byRef[ref] = empty
      posting[field] = byRef
    })
    return [term, posting]
  })
  return { version: lunr.version, fields: FIELDS.map(([field]) => field), fieldVectors, invertedIndex, pipeline }
}

export function buildSearchIndexes(snapshot: Snapshot): LocaleIndex[] {
  return snapshot.locales.map((locale) => buildLocaleIndex(locale, snapshot.content[locale]?.docs ?? []))
}
