import type { Payload } from 'payload'

import { newsletterService } from '../../cms/newsletter/service'
import type { NewsletterService } from '../../site/src/lib/server/newsletter'
import { openPayload } from './payload'

/**
 * The newsletter routes' service for the site server, opened on first use (the Local
 * API takes a few seconds to start) and warmed in the background at start-up.
 */
export function lazyNewsletter(open: () => Promise<Payload> = () => openPayload()): NewsletterService & { warm: () => Promise<void> } {
  let pending: Promise<NewsletterService> | null = null
  const get = () =>
    (pending ??= open()
      .then((payload) => newsletterService(payload))
      .catch((error: unknown) => {
        pending = null
        throw error
      }))
  return {
    warm: async () => {
      await get()
    },
    subscribe: async (r) => (await get()).subscribe(r),
    checkConfirm: async (token) => (await get()).checkConfirm(token),
    confirm: async (token) => (await get()).confirm(token),
    preferences: async (token) => (await get()).preferences(token),
    updatePreferences: async (token, p) => (await get()).updatePreferences(token, p),
    unsubscribe: async (token, via) => (await get()).unsubscribe(token, via),
  }
}
