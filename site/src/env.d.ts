import type { ConsultationService } from './lib/server/consultations'
import type { NewsletterService } from './lib/server/newsletter'

declare global {
  namespace App {
    interface Locals {
      /** Set by the preview route: the page shows a draft to a signed-in editor. */
      preview?: { cmsOrigin: string }
      /** Supplied by the site server (scripts/lib/siteServer.ts) when the newsletter is available. */
      newsletter?: NewsletterService
      /** Supplied by the site server: takes consultation responses. */
      consultations?: ConsultationService
    }
  }
}

export {}
