import type { ResponseInput } from './services/consultations'
import type { ConsultationDoc } from './snapshot'

export const MAX_TEXT = 10_000
/** The longest name and organisation a response takes (the form, the service and the collection). */
export const MAX_NAME = 200
export const MAX_ORGANISATION = 300
/**
 * Larger bodies are refused, chunked or not. A full 10,000-character answer posts as
 * about 12–20 KB in Lithuanian (a letter with a diacritic is 6 bytes percent-encoded)
 * and up to 60 KB in Cyrillic: far more than any real form needs still fits.
 */
export const MAX_BODY_BYTES = 512 * 1024

/**
 * Browsers count a line break as one character for `maxlength` but submit it as CRLF:
 * text is counted and stored with LF only, so the limit means what the form promised.
 */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

// No 0/O or 1/I: references are read out on the phone.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export function newReference(random: Uint8Array = crypto.getRandomValues(new Uint8Array(8))): string {
  const chars = [...random].map((b) => ALPHABET[b % ALPHABET.length]).join('')
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}`
}

/**
 * The request's form body, counting bytes as they arrive: past `max` (declared or
 * streamed chunked) nothing more is kept. The rest is still read and dropped, up to the
 * adapter's own limit (site/templates/astro.config.mjs), so the connection stays usable and the
 * answer reaches the client; past that the stream ends in an error and the connection
 * is `cut` (the page then asks to close it).
 */
export async function readFormWithin(request: Request, max = MAX_BODY_BYTES): Promise<FormData | { tooLarge: true; cut: boolean } | null> {
  // A declared length is refused unread: the server discards the body after the answer.
  if (Number(request.headers.get('content-length') ?? 0) > max) return { tooLarge: true, cut: false }
  if (!request.body) return null
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size <= max) chunks.push(value)
      else chunks.length = 0
    }
  } catch {
    return { tooLarge: true, cut: true }
  }
  if (size > max) return { tooLarge: true, cut: false }
  const body = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    body.set(c, at)
    at += c.byteLength
  }
  return new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData().catch(() => null)
}

/**
 * The posted form as the response service takes it, and the values exactly as typed
 * for a re-render (never cut: the service refuses what is too long, the resident keeps
 * every character). The body size limit bounds them all.
 */
export function readResponseForm(data: FormData, doc: ConsultationDoc) {
  const text = (name: string) => {
    const v = data.get(name)
    return typeof v === 'string' ? v : ''
  }
  const answers: Record<string, string | string[]> = {}
  for (const q of doc.questions) {
    const name = `q_${q.id}`
    const all = data.getAll(name).filter((v): v is string => typeof v === 'string')
    if (q.type === 'text') answers[name] = normalizeLineBreaks(all[0] ?? '')
    else if (q.type === 'multiple') answers[name] = all.slice(0, 50).map((v) => v.slice(0, 40))
    else answers[name] = (all[0] ?? '').slice(0, 40)
  }
  const values: Record<string, string | string[]> = {
    ...answers,
    name: text('name'),
    email: text('email'),
    organisation: text('organisation'),
    receipt: text('receipt').slice(0, 2),
    consent: text('consent').slice(0, 2),
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
  return { input, values, honeypot: text('website') !== '' }
}
