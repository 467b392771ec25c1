import fs from 'node:fs'
import path from 'node:path'

import lunr from 'lunr'

import type { LocaleIndex, SearchDoc } from './indexer'
import { languageFor, pipelineFunction, termsFor, trim } from './languages'

/**
 * Queries run on the site's own server; the browser receives only results. User input
 * never reaches lunr's query parser: words are turned into terms here, so syntax
 * characters (* : ~ ^ + -) are plain text.
 */

export const MAX_QUERY_CHARS = 200
const MAX_WORDS = 12
export const PAGE_SIZE = 10

export type SearchParams = { q: string; type?: string; topic?: string; page?: number }

export type SearchHit = SearchDoc & { score: number; snippetHtml: string }

export type SearchResult = {
  query: string
  /** The query was cut to MAX_QUERY_CHARS. */
  truncated: boolean
  /** Nothing matched exactly, so words were matched with one typo allowed. */
  fuzzy: boolean
  total: number
  page: number
  pages: number
  hits: SearchHit[]
  /** Counts per type and topic over all matches, for the filters. */
  facets: { types: Partial<Record<string, number>>; topics: { slug: string; name: string; count: number }[] }
}

/** Strips control characters, collapses space, cuts to the limit. */
export function cleanQuery(raw: unknown): { q: string; truncated: boolean } {
  const text = typeof raw === 'string' ? raw : Array.isArray(raw) ? String(raw[0] ?? '') : ''
  // eslint-disable-next-line no-control-regex
  const cleaned = text.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/g, ' ')
  const collapsed = cleaned.replace(/\s+/g, ' ').trim()
  const truncated = collapsed.length > MAX_QUERY_CHARS
  return { q: truncated ? collapsed.slice(0, MAX_QUERY_CHARS).trim() : collapsed, truncated }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export class LocaleSearch {
  private readonly index: lunr.Index
  private readonly docs: Map<string, SearchDoc>
  private readonly locale: string

  constructor(data: LocaleIndex) {
    this.locale = data.locale
    // Loading needs the language's pipeline function registered under its label.
    pipelineFunction(languageFor(data.locale))
    this.index = lunr.Index.load(data.index)
    compactPostings(this.index)
    this.docs = new Map(data.docs.map((d) => [d.id, d]))
  }

  /** Query words → terms, with their original words for snippets. */
  private terms(q: string): { word: string; terms: string[] }[] {
    const lang = languageFor(this.locale)
    // An apostrophe between letters is part of the word (Ukrainian "об'єкт"), not a quote.
    const words = q
      .replace(/(\p{L})'(?=\p{L})/gu, '$1ʼ')
      .split(/[\s\-–—/,.;:!?()[\]{}"'«»„“”*~^+|\\<>=]+/)
      .map((w) => trim(w))
      .filter(Boolean)
      .slice(0, MAX_WORDS)
    // A phone number typed with spaces is one number: also try its digits joined.
    const digits = q.replace(/[^\d]/g, '')
    const extra = /^[\d\s+()-]+$/.test(q) && digits.length >= 5 ? [digits] : []
    return [...words, ...extra]
      .map((word) => ({ word, terms: termsFor(lang, word) }))
      .filter((w) => w.terms.length > 0)
  }

  private run(groups: { word: string; terms: string[] }[], mode: 'all' | 'any' | 'fuzzy'): lunr.Index.Result[] {
    return this.index.query((query) => {
      for (const g of groups) {
        for (const term of g.terms) {
          // Typo tolerance for words of 5+ letters as typed (their stems may be shorter).
          const fuzzy = mode === 'fuzzy' && [...g.word].length >= 5
          query.term(term, {
            usePipeline: false,
            presence: mode === 'all' ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL,
            ...(fuzzy ? { editDistance: 1 } : {}),
          })
        }
      }
    })
  }

  search(params: SearchParams): SearchResult {
    const { q, truncated } = cleanQuery(params.q)
    const empty: SearchResult = {
      query: q,
      truncated,
      fuzzy: false,
      total: 0,
      page: 1,
      pages: 0,
      hits: [],
      facets: { types: {}, topics: [] },
    }
    if (!q) return empty
    const groups = this.terms(q)
    if (groups.length === 0) return empty

    // Every word first; then any word; then one typo allowed for words of 5+ letters.
    const digitsOnly = groups.filter((g) => /^\d+$/.test(g.word))
    let fuzzy = false
    let matches = this.run(groups.slice(0, groups.length - (digitsOnly.length > 1 ? 1 : 0)), 'all')
    if (matches.length === 0) matches = this.run(groups, 'any')
    if (matches.length === 0 && groups.some((g) => g.word.length >= 5)) {
      matches = this.run(groups, 'fuzzy')
      fuzzy = matches.length > 0
    }
    // Greek typed with the keyboard left on Latin ("forow" for "φορος"): the same keys in
    // the language's own letters, every word first, then any word.
    const keyboard = languageFor(this.locale).fromLatinKeyboard
    if (matches.length === 0 && keyboard && /^[a-z\s]+$/i.test(q)) {
      const retyped = this.terms(keyboard(q))
      if (retyped.length) {
        matches = this.run(retyped, 'all')
        if (matches.length === 0) matches = this.run(retyped, 'any')
        if (matches.length) {
          groups.splice(0, groups.length, ...retyped)
          fuzzy = true
        }
      }
    }

    const all = matches.map((m) => ({ doc: this.docs.get(m.ref)!, score: m.score })).filter((m) => m.doc)
    const types: Partial<Record<string, number>> = {}
    const topicCounts = new Map<string, { slug: string; name: string; count: number }>()
    for (const { doc } of all) {
      types[doc.type] = (types[doc.type] ?? 0) + 1
      for (const t of doc.topics) {
        const entry = topicCounts.get(t.slug) ?? { ...t, count: 0 }
        entry.count++
        topicCounts.set(t.slug, entry)
      }
    }
    const filtered = all.filter(
      ({ doc }) => (!params.type || doc.type === params.type) && (!params.topic || doc.topics.some((t) => t.slug === params.topic)),
    )
    const pages = Math.ceil(filtered.length / PAGE_SIZE)
    const page = Math.min(Math.max(1, Math.floor(params.page ?? 1) || 1), Math.max(1, pages))
    const queryTerms = new Set(groups.flatMap((g) => g.terms))
    const hits = filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(({ doc, score }) => ({
      ...doc,
      score,
      snippetHtml: this.snippet(doc, queryTerms, fuzzy),
    }))
    return {
      query: q,
      truncated,
      fuzzy,
      total: filtered.length,
      page,
      pages,
      hits,
      facets: { types, topics: [...topicCounts.values()].sort((a, b) => b.count - a.count) },
    }
  }

  /** ~30 words around the first matched word, matched words in <mark>. */
  private snippet(doc: SearchDoc, queryTerms: Set<string>, fuzzy: boolean): string {
    const lang = languageFor(this.locale)
    const source = [doc.summary, doc.text].filter(Boolean).join(' — ')
    const words = source.split(/(\s+)/)
    const isMatch = (w: string) =>
      termsFor(lang, w).some((t) => queryTerms.has(t) || (fuzzy && [...queryTerms].some((q) => near(q, t))))
    let first = words.findIndex((w) => w.trim() && isMatch(w))
    if (first === -1) first = 0
    const start = Math.max(0, first - 20)
    const slice = words.slice(start, start + 60)
    const mark = (w: string) => {
      // Punctuation stays outside the mark: "<mark>kompensacija</mark>,".
      const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(w)!
      return `${escapeHtml(m[1]!)}<mark>${escapeHtml(m[2]!)}</mark>${escapeHtml(m[3]!)}`
    }
    const html = slice.map((w) => (w.trim() && isMatch(w) ? mark(w) : escapeHtml(w))).join('')
    return `${start > 0 ? '… ' : ''}${html}${start + 60 < words.length ? ' …' : ''}`
  }
}

/**
 * Positions are not stored, so every posting's metadata is an empty object; sharing
 * one instead of one per (term, field, document) more than halves the heap.
 */
function compactPostings(index: lunr.Index): void {
  const shared = Object.freeze({})
  const inverted = (index as unknown as { invertedIndex: Record<string, Record<string, Record<string, object> | number>> })
    .invertedIndex
  for (const term of Object.keys(inverted)) {
    const byField = inverted[term]!
    for (const field of Object.keys(byField)) {
      if (field === '_index') continue
      const posting = byField[field] as Record<string, object>
      for (const ref of Object.keys(posting)) posting[ref] = shared
    }
  }
}

/** Edit distance ≤ 1 (for marking words found through typo tolerance). */
function near(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++
      j++
      continue
    }
    if (++edits > 1) return false
    if (a.length > b.length) i++
    else if (b.length > a.length) j++
    else {
      i++
      j++
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1
}

/** All locales' indexes from a directory written by the site build. */
/**
 * What is wrong with a locale's search index file, or null when it is usable: missing,
 * unreadable, not JSON, or not an index of that locale (a build cut short, a disk full).
 * `deep: false` only checks it is there and ends like a whole JSON file (no parsing: an
 * index can be tens of megabytes).
 */
export function searchIndexProblem(dir: string, locale: string, { deep = true }: { deep?: boolean } = {}): string | null {
  const file = path.join(dir, `${locale}.json`)
  if (!deep) {
    try {
      const fd = fs.openSync(file, 'r')
      try {
        const size = fs.fstatSync(fd).size
        const last = Buffer.alloc(1)
        if (size > 0) fs.readSync(fd, last, 0, 1, size - 1)
        return size > 0 && last.toString() === '}' ? null : `the search index for "${locale}" is damaged (cut short)`
      } finally {
        fs.closeSync(fd)
      }
    } catch {
      // read fully below, for the message
    }
  }
  const read = readIndexFile(file, locale)
  return 'problem' in read ? read.problem : null
}

function readIndexFile(file: string, locale: string): { data: LocaleIndex } | { problem: string } {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { problem: code === 'ENOENT' ? `the search index for "${locale}" is missing (${file})` : `the search index for "${locale}" cannot be read (${code})` }
  }
  try {
    const data = JSON.parse(text) as LocaleIndex
    if (data?.locale !== locale || !Array.isArray(data.docs) || typeof data.index !== 'object' || data.index === null) throw new Error('not an index of this locale')
    return { data }
  } catch (error) {
    return { problem: `the search index for "${locale}" is damaged (${(error as Error).message.slice(0, 80)})` }
  }
}

export class SearchService {
  private readonly byLocale = new Map<string, LocaleSearch>()
  private readonly reported = new Set<string>()

  constructor(private readonly dir: string) {}

  /** The locale's search, or undefined when its index is missing or damaged (the caller answers 503). */
  get(locale: string): LocaleSearch | undefined {
    let s = this.byLocale.get(locale)
    if (!s) {
      if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(locale)) return undefined
      const read = readIndexFile(path.join(this.dir, `${locale}.json`), locale)
      if ('problem' in read) {
        if (!this.reported.has(locale)) console.error(`Search unavailable: ${read.problem}. Rebuild the site (npm run site:build, or restart npm start).`)
        this.reported.add(locale)
        return undefined
      }
      s = new LocaleSearch(read.data)
      this.byLocale.set(locale, s)
    }
    return s
  }
}
