import { createRequire } from 'node:module'

import lunr from 'lunr'

/**
 * Language pipelines for search. Residents type inflected words and often leave out
 * diacritics ("mokesciu" for "mokesčių"), so every token is folded to base letters
 * and stemmed the same way at index and at query time. A locale added by
 * configuration picks its pipeline here by code; unknown codes get folding only.
 */

const require = createRequire(import.meta.url)

export type Language = {
  code: string
  /** Lowercased, trimmed word → index terms (usually one). */
  terms: (word: string) => string[]
  stopwords: Set<string>
  /**
   * A query typed in Latin letters with the keyboard set to Latin, as this language's
   * letters: Greek "forow" was "φορος" on a Greek keyboard. Tried only when nothing matched.
   */
  fromLatinKeyboard?: (query: string) => string
}

/**
 * The Greek keyboard (ELOT 1000 / the Windows and Mac "Greek" layout): each Latin key's
 * Greek letter. "w" is final sigma; accents are a dead key, and the index is folded anyway.
 */
const greekKeys: Record<string, string> = {
  a: 'α', b: 'β', g: 'γ', d: 'δ', e: 'ε', z: 'ζ', h: 'η', u: 'θ', i: 'ι', k: 'κ', l: 'λ', m: 'μ', n: 'ν',
  j: 'ξ', o: 'ο', p: 'π', r: 'ρ', s: 'σ', w: 'ς', t: 'τ', y: 'υ', f: 'φ', x: 'χ', c: 'ψ', v: 'ω',
}

/** Removes combining marks: "šildymo" → "sildymo", "φόρος" → "φορος". */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')
}

/** Unicode-aware trimmer: lunr's own treats only ASCII as letters and cuts "ė", "ų". */
export function trim(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
}

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean).map(fold))

// Lithuanian function words (folded), chosen by hand: @nlpjs ships no list.
const ltStop = words(`ir bei ar o bet kad jog nes jei jeigu kai kol nors tai tas ta tie tos šis ši šie šios
  tas tą to tos tų tam toje tuo su iš į per nuo prie apie už po be dėl iki tarp pagal ant virš
  yra buvo bus būti esu esame esate jis ji jie jos jo jų jam jai jiems mes jūs aš tu mano tavo
  savo mūsų jūsų kas kur kaip kada kuris kuri kurie kurios kurį kurią kuo ką kodėl ne taip jau dar tik
  labai gali galite reikia kiekvienas visi visos visų arba nei net`)

const ukStop = words(`і й та але або що як де коли чи не ні так це цей ця ці той та ті в у на з із зі до від по
  за про для при без через між над під біля його її їх він вона вони ми ви я ти наш ваш свій
  є був була були буде бути ще вже лише також тому тут там хто який яка яке які`)

const enStop = new Set<string>()

let elLoaded = false
function greekStemmer(): (token: lunr.Token) => lunr.Token {
  if (!elLoaded) {
    require('lunr-languages/lunr.stemmer.support.js')(lunr)
    require('lunr-languages/lunr.el.js')(lunr)
    elLoaded = true
  }
  return (lunr as unknown as { el: { stemmer: (t: lunr.Token) => lunr.Token } }).el.stemmer
}

function nlpStemmer(pkg: '@nlpjs/lang-lt' | '@nlpjs/lang-uk', name: 'StemmerLt' | 'StemmerUk'): (w: string) => string {
  const mod = require(pkg) as Record<string, new () => { stemWord: (w: string) => string }>
  const stemmer = new mod[name]!()
  return (w) => stemmer.stemWord(w)
}

function lithuanian(): Language {
  const stem = nlpStemmer('@nlpjs/lang-lt', 'StemmerLt')
  return {
    code: 'lt',
    stopwords: ltStop,
    // Folded first: the stemmer then sees the same letters whether or not the resident
    // typed diacritics. The stemmer turns a final "č" into "t" (mokesčių → mokest); after
    // folding that "č" is a "c", so the same rule is applied to the folded stem.
    terms: (w) => [stem(fold(w)).replace(/dz$/, 'd').replace(/c$/, 't')],
  }
}

function ukrainian(): Language {
  const stem = nlpStemmer('@nlpjs/lang-uk', 'StemmerUk')
  // Stemmed before folding: its endings rules need "й" and "ї".
  return { code: 'uk', stopwords: ukStop, terms: (w) => [fold(stem(w))] }
}

function greek(): Language {
  const stemmer = greekStemmer()
  const stop = new Set<string>()
  const filter = (lunr as unknown as { el: { stopWordFilter: (t: lunr.Token) => lunr.Token | undefined } }).el
    .stopWordFilter
  return {
    code: 'el',
    stopwords: stop,
    fromLatinKeyboard: (query) => query.toLowerCase().replace(/[a-z]/g, (c) => greekKeys[c] ?? c),
    // Accents removed before stemming, or the stemmer leaves accented words whole.
    terms: (w) => {
      const f = fold(w)
      if (!filter(new lunr.Token(f, {}))) return []
      return [stemmer(new lunr.Token(f, {})).toString()]
    },
  }
}

function english(): Language {
  return {
    code: 'en',
    stopwords: enStop,
    terms: (w) => {
      const f = fold(w)
      if (!lunr.stopWordFilter(new lunr.Token(f, {}))) return []
      return [lunr.stemmer(new lunr.Token(f, {})).toString()]
    },
  }
}

function generic(code: string): Language {
  return { code, stopwords: new Set(), terms: (w) => [fold(w)] }
}

const factories: Record<string, () => Language> = { lt: lithuanian, uk: ukrainian, el: greek, en: english }
const cache = new Map<string, Language>()

export function languageFor(code: string): Language {
  let lang = cache.get(code)
  if (!lang) {
    lang = (factories[code] ?? (() => generic(code)))()
    cache.set(code, lang)
  }
  return lang
}

const memo = new Map<string, Map<string, string[]>>()
const MEMO_LIMIT = 200_000

/**
 * Word → index terms: lowercase, trim, stopwords, fold and stem. Memoised: a corpus
 * repeats its words, and stemming is most of the cost of building an index.
 */
export function termsFor(lang: Language, raw: string): string[] {
  let cache = memo.get(lang.code)
  if (!cache) memo.set(lang.code, (cache = new Map()))
  const hit = cache.get(raw)
  if (hit) return hit
  // Apostrophes inside a word are one spelling, whichever was typed: Ukrainian
  // "обʼєкт", "об’єкт", "об'єкт" and "обєкт" are the same word (English "don't", "dont").
  const word = trim(raw.toLowerCase()).replace(/(\p{L})['’ʼ`]+(?=\p{L})/gu, '$1')
  const terms = !word || lang.stopwords.has(fold(word)) ? [] : lang.terms(word).filter(Boolean)
  if (cache.size >= MEMO_LIMIT) cache.clear()
  cache.set(raw, terms)
  return terms
}

const functions = new Map<string, lunr.PipelineFunction>()

/** A lunr pipeline function for this language, registered once per code. */
export function pipelineFunction(lang: Language): lunr.PipelineFunction {
  const known = functions.get(lang.code)
  if (known) return known
  const fn: lunr.PipelineFunction = (token) => {
    const terms = termsFor(lang, token.toString())
    if (terms.length === 0) return undefined as unknown as lunr.Token
    return terms.map((t) => token.clone(() => t)) as unknown as lunr.Token
  }
  lunr.Pipeline.registerFunction(fn, `atvira-${lang.code}`)
  functions.set(lang.code, fn)
  return fn
}
