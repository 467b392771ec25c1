import type { ConsultationService } from '@atvira/model/services/consultations'
import type { NewsletterService } from '@atvira/model/services/newsletter'
import type { PreviewService } from '@atvira/model/services/preview'

declare global {
  namespace App {
    interface Locals {
      /** Set by the preview route: the page shows a draft to a signed-in editor. */
      preview?: { cmsOrigin: string; status: 'draft' | 'published' }
      /** Supplied by the site server (site/server/siteServer.ts) when the newsletter is available. */
      newsletter?: NewsletterService
      /** Supplied by the site server: reads drafts for `/preview`. */
      previews?: PreviewService
      /** Supplied by the site server: takes consultation responses. */
      consultations?: ConsultationService
    }
  }
}

export {}
