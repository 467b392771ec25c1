import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'

import type { Words } from './messages'

/**
 * The password rule for staff accounts: at least 12 characters, and not guessable by
 * zxcvbn (common passwords, keyboard rows, repeats, dates, the person's own name or
 * address). Score 3 of 4 is "safely unguessable" against online attacks and slow
 * offline ones.
 */
export const MIN_PASSWORD_LENGTH = 12
const MIN_PASSWORD_SCORE = 3
/** Longer passwords are not scored: zxcvbn's time grows with length, and 64 characters are not guessed. */
const SCORED_LENGTH = 64

let zxcvbn: ZxcvbnFactory | undefined
const checker = () => (zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }))

/** Why zxcvbn found it weak, in words staff understand (its warning keys). */
const reasons: Record<string, Words> = {
  topTen: { lt: 'tai vienas dažniausių slaptažodžių', en: 'it is one of the most common passwords', uk: 'це один із найпоширеніших паролів' },
  topHundred: { lt: 'tai vienas dažniausių slaptažodžių', en: 'it is one of the most common passwords', uk: 'це один із найпоширеніших паролів' },
  common: { lt: 'tai dažnas slaptažodis', en: 'it is a common password', uk: 'це поширений пароль' },
  similarToCommon: { lt: 'jis panašus į dažną slaptažodį', en: 'it is close to a common password', uk: 'він схожий на поширений пароль' },
  wordByItself: { lt: 'vieną žodį lengva atspėti', en: 'a single word is easy to guess', uk: 'одне слово легко вгадати' },
  namesByThemselves: { lt: 'vardus ir pavardes lengva atspėti', en: 'names on their own are easy to guess', uk: 'імена та прізвища легко вгадати' },
  commonNames: { lt: 'dažnus vardus lengva atspėti', en: 'common names are easy to guess', uk: 'поширені імена легко вгадати' },
  userInputs: { lt: 'jame yra jūsų vardas arba el. pašto adresas', en: 'it contains your name or email address', uk: 'у ньому є ваше імʼя або адреса електронної пошти' },
  straightRow: { lt: 'klavišų eilę lengva atspėti', en: 'a row of keys is easy to guess', uk: 'ряд клавіш легко вгадати' },
  keyPattern: { lt: 'klaviatūros raštą lengva atspėti', en: 'a keyboard pattern is easy to guess', uk: 'візерунок на клавіатурі легко вгадати' },
  simpleRepeat: { lt: 'pasikartojančius simbolius lengva atspėti', en: 'repeated characters are easy to guess', uk: 'символи, що повторюються, легко вгадати' },
  extendedRepeat: { lt: 'pasikartojančias dalis lengva atspėti', en: 'repeated parts are easy to guess', uk: 'частини, що повторюються, легко вгадати' },
  sequences: { lt: 'sekas (abc, 1234) lengva atspėti', en: 'sequences such as abc or 1234 are easy to guess', uk: 'послідовності на кшталт abc чи 1234 легко вгадати' },
  recentYears: { lt: 'pastaruosius metus lengva atspėti', en: 'recent years are easy to guess', uk: 'роки останніх десятиліть легко вгадати' },
  dates: { lt: 'datas lengva atspėti', en: 'dates are easy to guess', uk: 'дати легко вгадати' },
}
const fallbackReason: Words = { lt: 'jį lengva atspėti', en: 'it is easy to guess', uk: 'його легко вгадати' }

const advice: Words = {
  lt: 'Sugalvokite ilgesnį: pavyzdžiui, 4–5 atsitiktinius žodžius arba slaptažodžių tvarkyklės sukurtą slaptažodį.',
  en: 'Choose a longer one: for example 4–5 random words, or one made by a password manager.',
  uk: 'Придумайте довший: наприклад, 4–5 випадкових слів або пароль, створений менеджером паролів.',
}

/** `null` when the password is acceptable, otherwise why not and what to do instead. */
export function passwordProblem(password: string, userInputs: string[] = []): Words | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return {
      lt: `Slaptažodis per trumpas: reikia bent ${MIN_PASSWORD_LENGTH} simbolių (dabar ${password.length}). ${advice.lt}`,
      en: `The password is too short: it needs at least ${MIN_PASSWORD_LENGTH} characters (it has ${password.length}). ${advice.en}`,
      uk: `Пароль закороткий: потрібно щонайменше ${MIN_PASSWORD_LENGTH} символів (зараз ${password.length}). ${advice.uk}`,
    }
  }
  if (password.length > SCORED_LENGTH) return null
  // The parts of an email address are guessed as well as the whole.
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.\s_-]+/)]).filter((i) => i.length >= 3)
  const result = checker().check(password, inputs)
  if (result.score >= MIN_PASSWORD_SCORE) return null
  const reason = (result.feedback.warning && reasons[result.feedback.warning]) || fallbackReason
  return {
    lt: `Slaptažodis per silpnas: ${reason.lt}. ${advice.lt}`,
    en: `The password is too weak: ${reason.en}. ${advice.en}`,
    uk: `Пароль заслабкий: ${reason.uk}. ${advice.uk}`,
  }
}
