import { isEmail, MAX_EMAIL } from '@atvira/model/email'
import { frequencies, type Frequency, type Preferences } from '@atvira/model/services/newsletter'

/**
 * Reading the newsletter forms: every value checked, every problem named by its field,
 * and the typed values kept so the page can show them again.
 */

export type FormErrors = Partial<Record<'email' | 'frequency' | 'topics' | 'locale' | 'consent', true>>

export type ParsedPreferences = { values: Preferences; errors: FormErrors }
export type ParsedSignup = ParsedPreferences & { email: string; consent: boolean; honeypot: boolean; form: string }

const text = (data: FormData, name: string, max = 300) => {
  const v = data.get(name)
  return typeof v === 'string' ? v.trim().slice(0, max) : ''
}

export function parsePreferences(data: FormData, o: { locales: string[]; topicIds: string[]; fallbackLocale: string }): ParsedPreferences {
  const errors: FormErrors = {}
  const frequency = text(data, 'frequency', 20)
  if (!(frequencies as readonly string[]).includes(frequency)) errors.frequency = true
  const locale = text(data, 'locale', 10) || o.fallbackLocale
  if (!o.locales.includes(locale)) errors.locale = true
  const topics = [...new Set(data.getAll('topics').filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, 40)))].slice(0, 200)
  const allTopics = text(data, 'allTopics', 5) === '1'
  if (!allTopics && (topics.length === 0 || topics.some((id) => !o.topicIds.includes(id)))) errors.topics = true
  return {
    values: {
      locale: o.locales.includes(locale) ? locale : o.fallbackLocale,
      frequency: (errors.frequency ? 'daily' : frequency) as Frequency,
      allTopics,
      topics: topics.filter((id) => o.topicIds.includes(id)),
      urgent: text(data, 'urgent', 5) === '1',
    },
    errors,
  }
}

export function parseSignup(data: FormData, o: { locales: string[]; topicIds: string[]; fallbackLocale: string }): ParsedSignup {
  const parsed = parsePreferences(data, o)
  const email = text(data, 'email', MAX_EMAIL + 50)
  if (!isEmail(email)) parsed.errors.email = true
  const consent = text(data, 'consent', 5) === '1'
  if (!consent) parsed.errors.consent = true
  return {
    ...parsed,
    email,
    consent,
    // Filled in only by bots: the field is hidden from people and from screen readers.
    honeypot: text(data, 'website', 200) !== '',
    form: /^(home|news|newsletter|topic:[a-z0-9-]{1,100})$/.test(text(data, 'form', 120)) ? text(data, 'form', 120) : 'newsletter',
  }
}
