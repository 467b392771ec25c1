import type { ResponseInput } from '../lib/server/consultations'
import type { ConsultationDoc } from '../lib/types'

export const MAX_TEXT = 10_000
/** Larger bodies are refused before they are read: 30 questions of 10,000 characters fit. */
export const MAX_BODY_BYTES = 512 * 1024

/** The posted form as the response service takes it; values are kept as typed for a re-render. */
export function readResponseForm(data: FormData, doc: ConsultationDoc) {
  const text = (name: string, max: number) => {
    const v = data.get(name)
    return typeof v === 'string' ? v.slice(0, max) : ''
  }
  const answers: Record<string, string | string[]> = {}
  for (const q of doc.questions) {
    const name = `q_${q.id}`
    const all = data.getAll(name).filter((v): v is string => typeof v === 'string')
    // One character past the limit is enough for the service to say "too long".
    if (q.type === 'text') answers[name] = (all[0] ?? '').slice(0, MAX_TEXT + 1)
    else if (q.type === 'multiple') answers[name] = all.slice(0, 50).map((v) => v.slice(0, 40))
    else answers[name] = (all[0] ?? '').slice(0, 40)
  }
  const values: Record<string, string | string[]> = {
    ...answers,
    name: text('name', 201),
    email: text('email', 255),
    organisation: text('organisation', 301),
    receipt: text('receipt', 2),
    consent: text('consent', 2),
  }
  const input: Omit<ResponseInput, 'consentWording' | 'title' | 'url'> = {
    consultationId: doc.id,
    locale: doc.locale,
    answers,
    name: values.name as string,
    email: values.email as string,
    organisation: values.organisation as string,
    consent: values.consent === '1',
    receipt: values.receipt === '1',
  }
  return { input, values, honeypot: text('website', 200) !== '' }
}
