import type { Payload } from 'payload'

import { submitResponse } from '../../cms/plugins/consultations/responses'
import { newsletterService } from '../../cms/plugins/newsletter/service'
import type { ConsultationService } from '../../cms/model/services/consultations'
import type { NewsletterService } from '../../cms/model/services/newsletter'
import { openPayload } from './payload'

/**
 * The services of the site server's on-demand routes (newsletter pages, consultation
 * responses), over one Local API opened on first use (it takes a few seconds) and
 * warmed in the background at start-up.
 */
export function lazyServices(open: () => Promise<Payload> = () => openPayload()): {
  newsletter: NewsletterService
  consultations: ConsultationService
  warm: () => Promise<void>
} {
  let pending: Promise<Payload> | null = null
  const payload = () =>
    (pending ??= open().catch((error: unknown) => {
      pending = null
      throw error
    }))
  let newsletter: NewsletterService | null = null
  const nl = async () => (newsletter ??= newsletterService(await payload()))
  return {
    warm: async () => {
      await payload()
    },
    newsletter: {
      subscribe: async (r) => (await nl()).subscribe(r),
      checkConfirm: async (token) => (await nl()).checkConfirm(token),
      confirm: async (token) => (await nl()).confirm(token),
      preferences: async (token) => (await nl()).preferences(token),
      updatePreferences: async (token, p) => (await nl()).updatePreferences(token, p),
      unsubscribe: async (token, via) => (await nl()).unsubscribe(token, via),
    },
    consultations: {
      submit: async (input) => submitResponse(await payload(), input),
    },
  }
}
