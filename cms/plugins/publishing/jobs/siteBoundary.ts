import type { TaskConfig } from 'payload'

import { deriveConsultationStatus } from '../../consultations/collections/Consultations/status'
import { requestSiteUpdate } from '../siteUpdates'
import { recordConsultationMoments } from '../../newsletter/changes'

/**
 * A moment the site must change by itself: a consultation opens or closes, an alert
 * starts or ends. Queued with `waitUntil` when such a document is published.
 */
export const siteBoundaryTask: TaskConfig<{ input: { collection: string; id: string; reason: string }; output: object }> = {
  slug: 'siteBoundary',
  label: 'Update the site at a scheduled time',
  retries: 2,
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
    { name: 'reason', type: 'text', required: true },
  ],
  handler: async ({ input, req }) => {
    if (input.collection === 'consultations') {
      // Keep the stored status (used by admin lists) in step; written below the hooks so
      // that an unpublished draft of the consultation is never published by accident.
      // Deleted since: nothing to keep in step. A database error fails the task (retried).
      const doc = await req.payload.findByID({ collection: 'consultations', id: input.id, depth: 0, overrideAccess: true, req, disableErrors: true })
      if (doc) {
        // Opening and outcome times are also when subscribers are told.
        await recordConsultationMoments(req, doc)
        await req.payload.db.updateOne({
          collection: 'consultations',
          where: { id: { equals: doc.id } },
          data: { status: deriveConsultationStatus(doc) },
          req,
        })
      } else req.payload.logger.info(`Consultation ${input.id} was deleted before its scheduled moment (${input.reason}); updating the site only.`)
    }
    await requestSiteUpdate(
      req.payload,
      { collection: input.collection, id: input.id, title: input.reason, operation: 'schedule', at: new Date().toISOString() },
      req,
    )
    return { output: {} }
  },
}
