/**
 * Search indexes are built from each document's terms, and a fast update reuses the
 * terms of documents whose text did not change: the index must be exactly the one
 * lunr builds from the text, whichever documents were reused.
 */
import lunr from 'lunr'
import { describe, expect, it } from 'vitest'

import { generateCorpus } from '../../scripts/bench/corpus'
import { BODY_WORDS, buildLocaleIndexWithTerms, rowKey, searchable, searchFields, truncateWords, type TermRow } from '../../site/templates/src/lib/search/indexer'
import { languageFor, pipelineFunction } from '../../site/templates/src/lib/search/languages'
import { LocaleSearch } from '../../site/templates/src/lib/search/query'
import type { SiteDoc } from '../../cms/model/snapshot'

const corpus = generateCorpus({ documents: 120, bodyWords: 80, seed: 7 })

/** lunr's own way: every document's text through `Builder.add` and the pipeline. */
function plainLunr(locale: string, docs: SiteDoc[]): object {
  const fn = pipelineFunction(languageFor(locale))
  return lunr(function () {
    this.pipeline.reset()
    this.searchPipeline.reset()
    this.pipeline.add(fn)
    this.searchPipeline.add(fn)
    this.ref('id')
    this.field('title', { boost: 10 })
    this.field('meta', { boost: 3 })
    this.field('body')
    this.metadataWhitelist = []
    docs.filter(searchable).forEach((doc, i) => this.add({ id: String(i), ...searchFields(doc) }))
  }).toJSON()
}

const termsBy = (rows: TermRow[]) => new Map(rows.map((r) => [r[0], r]))

describe.each(['lt', 'en'])('search index (%s)', (locale) => {
  const docs = corpus.content[locale]!.docs

  it('is the index lunr builds from the text', () => {
    const { index } = buildLocaleIndexWithTerms(locale, docs)
    expect(JSON.stringify(index.index)).toBe(JSON.stringify(plainLunr(locale, docs)))
  })

  it('is the index lunr builds from the text, with awkward terms and empty fields', () => {
    // Number-like terms (object keys that sort first), names on Object.prototype, a word
    // repeated in one field and across fields, an empty body and a one-document index.
    const awkward = docs.filter(searchable).slice(0, 6).map((doc, i) => ({
      ...doc,
      title: i === 0 ? '2024 10 9 __proto__ constructor' : `${doc.title} toString 2024`,
      summary: i === 1 ? '' : `hasOwnProperty valueOf ${doc.title} ${doc.title}`,
      text: i === 2 ? '' : `${doc.text} 2024 2024 __proto__`,
    }))
    for (const set of [awkward, awkward.slice(0, 1), []]) {
      const { index } = buildLocaleIndexWithTerms(locale, set)
      expect(JSON.stringify(index.index)).toBe(JSON.stringify(plainLunr(locale, set)))
    }
  })

  it('is the same when unchanged documents reuse the previous terms', () => {
    const before = buildLocaleIndexWithTerms(locale, docs)
    // One edited, one removed, one added at the front: the refs of all others shift.
    const edited = { ...docs[5]!, title: `${docs[5]!.title} pakeista`, text: `${docs[5]!.text} papildoma` }
    const after = [{ ...docs[9]!, id: 'new', title: 'visiškai nauja antraštė' }, ...docs.slice(0, 5), edited, ...docs.slice(6, 20), ...docs.slice(21)]
    const fresh = buildLocaleIndexWithTerms(locale, after)
    const reused = buildLocaleIndexWithTerms(locale, after, termsBy(before.terms))
    expect(JSON.stringify(reused.index)).toBe(JSON.stringify(fresh.index))
    expect(JSON.stringify(reused.terms)).toBe(JSON.stringify(fresh.terms))
    // And so are the results.
    const fromReused = new LocaleSearch(JSON.parse(JSON.stringify(reused.index)))
    const fromFresh = new LocaleSearch(JSON.parse(JSON.stringify(fresh.index)))
    const words = after.filter(searchable).flatMap((d) => d.title.split(' '))
    const word = words.find((w) => fromFresh.search({ q: w }).total > 1)
    expect(word).toBeDefined()
    expect(fromReused.search({ q: word! })).toEqual(fromFresh.search({ q: word! }))
  })

  it('takes a row by its key, and never one made under another body-word limit', () => {
    const before = buildLocaleIndexWithTerms(locale, docs)
    // Rows whose body terms were replaced: taken when the key matches, proving reuse is
    // by key alone, and left when the key carries another limit.
    const doctored = before.terms.map((r): TermRow => [r[0], r[1], r[2], r[3], ['doctored']])
    const taken = buildLocaleIndexWithTerms(locale, docs, termsBy(doctored))
    expect(taken.terms.every((r) => r[4].join() === 'doctored')).toBe(true)
    const otherLimit = doctored.map((r): TermRow => [r[0].replace(`${BODY_WORDS}:`, `${BODY_WORDS + 1}:`), r[1], r[2], r[3], r[4]])
    const left = buildLocaleIndexWithTerms(locale, docs, termsBy(otherLimit))
    expect(JSON.stringify(left.index)).toBe(JSON.stringify(before.index))
    expect(rowKey(docs[0]!)).toBe(before.terms[0]![0])
    expect(rowKey(docs[0]!, 50)).not.toBe(rowKey(docs[0]!))
  })

  it('never keeps a removed document', () => {
    const before = buildLocaleIndexWithTerms(locale, docs)
    const gone = docs.find(searchable)!
    const after = buildLocaleIndexWithTerms(locale, docs.filter((d) => d !== gone), termsBy(before.terms))
    expect(after.index.docs.map((d) => d.url)).not.toContain(gone.url)
    expect(after.terms).toHaveLength(before.terms.length - 1)
  })
})

describe('truncateWords', () => {
  const plain = (text: string, n: number) => {
    const words = text.split(/\s+/)
    return words.length <= n ? text : words.slice(0, n).join(' ')
  }
  it.each([
    ['', 3],
    ['one', 1],
    ['one two', 1],
    ['one two three', 3],
    ['one  two\n\tthree four', 3],
    [' leading space and more words', 2],
    ['trailing space  ', 2],
    ['a b c ', 3],
    ['exactly four words here', 4],
    ['nbsp\u00a0is\u2003whitespace too', 2],
    ['zero words', 0],
  ])('%j, %i words: as splitting all of it', (text, n) => {
    expect(truncateWords(text, n)).toBe(plain(text, n))
  })
})
