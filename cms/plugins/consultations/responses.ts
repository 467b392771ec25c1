import type { Payload } from 'payload'

import { MAX_NAME, MAX_ORGANISATION, MAX_TEXT, newReference, normalizeLineBreaks } from '../../model/consultationForm'
import type { ResponseErrors, ResponseInput, ResponseResult } from '../../model/services/consultations'
import { isEmail, normalizeEmail } from '../../model/email'
import { storeFor } from '../newsletter/store'
import { getDefaultLocale, getLocaleCodes } from '../../model/locales'
import { type QuestionType, storedQuestions, type StoredQuestion } from './collections/Consultations/questions'
import { asLocale } from '../../lib/locale'

type Question = StoredQuestion

export type StoredAnswer = { questionId: string; type: QuestionType; question: string; answer: string | string[] }

/** Checks answers against the questions as they are now; returns errors by field name. */
export function checkAnswers(questions: Question[], answers: Record<string, string | string[]>): { errors: ResponseErrors; stored: StoredAnswer[] } {
  const errors: ResponseErrors = {}
  const stored: StoredAnswer[] = []
  for (const q of questions) {
    const field = `q_${q.id}`
    const raw = answers[field]
    // Counted as the form counts them: a line break is one character (CRLF → LF).
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => normalizeLineBreaks(v).trim()).filter(Boolean)
    if (values.length === 0) {
      if (q.required) errors[field] = 'required'
      continue
    }
    if (q.type === 'text') {
      const text = values.join('\n')
      if (text.length > MAX_TEXT) errors[field] = 'tooLong'
      else stored.push({ questionId: q.id, type: q.type, question: q.label, answer: text })
    } else if (q.type === 'scale') {
      const n = Number(values[0])
      if (values.length !== 1 || !Number.isInteger(n) || n < 1 || n > 5) errors[field] = 'invalid'
      else stored.push({ questionId: q.id, type: q.type, question: q.label, answer: String(n) })
    } else {
      const options = new Map((q.options ?? []).map((o) => [o.id, o.label]))
      if (values.some((v) => !options.has(v)) || (q.type === 'single' && values.length > 1)) errors[field] = 'invalid'
      else stored.push({ questionId: q.id, type: q.type, question: q.label, answer: q.type === 'single' ? options.get(values[0]!)! : values.map((v) => options.get(v)!) })
    }
  }
  return { errors, stored }
}

/**
 * Takes one response, deciding everything on the server: the consultation must be
 * published and open now (whatever the page showed), the answers must fit its
 * questions, text at most 10,000 characters. Stored as text; escaped wherever shown.
 */
export async function submitResponse(payload: Payload, input: ResponseInput, now = new Date()): Promise<ResponseResult> {
  const locale = getLocaleCodes().includes(input.locale) ? input.locale : getDefaultLocale()
  const found = await payload.find({
    collection: 'consultations',
    where: { and: [{ id: { equals: payload.db.defaultIDType === 'number' ? Number(input.consultationId) || 0 : input.consultationId } }, { _status: { equals: 'published' } }] },
    locale: asLocale(getDefaultLocale()),
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  const doc = found.docs[0]
  if (!doc) return { ok: false, reason: 'notFound' }
  if (now < new Date(doc.opensAt)) return { ok: false, reason: 'upcoming' }
  if (now >= new Date(doc.closesAt)) return { ok: false, reason: 'closed' }

  const { errors, stored } = checkAnswers(storedQuestions(doc), input.answers)
  const name = normalizeLineBreaks(input.name).trim()
  const organisation = normalizeLineBreaks(input.organisation).trim()
  const email = input.email.trim() ? normalizeEmail(input.email) : ''
  if (name.length > MAX_NAME) errors.name = 'tooLong'
  if (organisation.length > MAX_ORGANISATION) errors.organisation = 'tooLong'
  if (email && !isEmail(email)) errors.email = 'invalid'
  if (input.receipt && !email) errors.email = 'required'
  if (!input.consent) errors.consent = 'required'
  if (stored.length === 0 && Object.keys(errors).length === 0) errors.form = 'empty'
  if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors }

  for (let attempt = 0; ; attempt++) {
    const reference = newReference()
    try {
      await payload.create({
        collection: 'consultation-responses',
        data: {
          reference,
          consultation: doc.id,
          status: 'new',
          locale,
          answers: stored,
          name,
          email,
          organisation,
          consentWording: input.consentWording.slice(0, 2000),
          submittedAt: now.toISOString(),
        },
        overrideAccess: true,
      })
      if (input.receipt && email) {
        await storeFor(payload).enqueue([
          {
            key: `receipt:${reference}`,
            kind: 'receipt',
            subscriberId: null,
            runId: null,
            items: { email, locale, reference, consultationId: String(doc.id), title: input.title.slice(0, 300), url: input.url.slice(0, 500) },
          },
        ])
      }
      return { ok: true, reference }
    } catch (error) {
      // A reference already taken (one in a trillion): draw another.
      if (attempt < 3 && /reference|unique/i.test(String((error as Error).message))) continue
      throw error
    }
  }
}
