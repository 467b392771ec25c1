/**
 * What the newsletter routes need from the CMS. The site server supplies an
 * implementation (cms/plugins/newsletter/service.ts, over the Local API) as
 * `Astro.locals.newsletter`; templates never import CMS code.
 */

export const frequencies = ['immediately', 'daily', 'weekly'] as const
export type Frequency = (typeof frequencies)[number]

export type Preferences = {
  locale: string
  frequency: Frequency
  allTopics: boolean
  /** Topic ids (ignored when allTopics). */
  topics: string[]
  urgent: boolean
}

export type SignupRequest = Preferences & {
  email: string
  /** Which form: "home", "news", "topic:<slug>", "newsletter". */
  form: string
  /** The consent statement exactly as shown. */
  consentWording: string
  ip?: string
}

export type LinkState = 'ok' | 'expired' | 'invalid'

export interface NewsletterService {
  /** Same outcome for known and unknown addresses: nothing is revealed. */
  subscribe(request: SignupRequest): Promise<void>
  /** Read-only: may the page offer the confirm button? */
  checkConfirm(token: string): Promise<LinkState>
  confirm(token: string): Promise<LinkState>
  preferences(token: string): Promise<{ state: 'ok'; email: string; status: string; preferences: Preferences } | { state: 'expired' | 'invalid' }>
  updatePreferences(token: string, preferences: Preferences): Promise<LinkState>
  /** Works for the `unsubscribe` link and the `preferences` link; repeating it is harmless. */
  unsubscribe(token: string, via?: 'unsubscribe' | 'preferences'): Promise<LinkState>
}
