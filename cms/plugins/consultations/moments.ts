import type { PayloadRequest } from 'payload'

import { recordConsultationMoments } from '../newsletter/changes'
import { deriveConsultationStatus } from './collections/Consultations/status'

/** At a consultation's opening, closing and outcome times (queued by scheduleBoundaries). */
export async function consultationMoment(req: PayloadRequest, id: string): Promise<void> {
  // Keep the stored status (used by admin lists) in step; written below the hooks so
  // that an unpublished draft of the consultation is never published by accident.
  // Deleted since: nothing to keep in step. A database error fails the task (retried).
  const doc = await req.payload.findByID({ collection: 'consultations', id, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!doc) {
    req.payload.logger.info(`Consultation ${id} was deleted before its scheduled moment; updating the site only.`)
    return
  }
  // Opening and outcome times are also when subscribers are told.
  await recordConsultationMoments(req, doc)
  await req.payload.db.updateOne({
    collection: 'consultations',
    where: { id: { equals: doc.id } },
    data: { status: deriveConsultationStatus(doc) },
    req,
  })
}
