/**
 * What the response route needs from the CMS; the site server supplies it as
 * `Astro.locals.consultations` (cms/plugins/consultations/responses.ts over the Local API).
 */

export type ResponseErrors = Partial<Record<string, 'required' | 'invalid' | 'tooLong' | 'empty'>>

export type ResponseInput = {
  consultationId: string
  locale: string
  /** `q_<question id>` → the value(s) as posted. */
  answers: Record<string, string | string[]>
  name: string
  email: string
  organisation: string
  consent: boolean
  receipt: boolean
  /** The consent statement as shown. */
  consentWording: string
  /** For the emailed receipt. */
  title: string
  url: string
}

export type ResponseResult =
  | { ok: true; reference: string }
  | { ok: false; reason: 'notFound' | 'upcoming' | 'closed' }
  | { ok: false; reason: 'invalid'; errors: ResponseErrors }

export interface ConsultationService {
  submit(input: ResponseInput): Promise<ResponseResult>
}
