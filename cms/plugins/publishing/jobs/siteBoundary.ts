import type { PayloadRequest, TaskConfig } from 'payload'

import { requestSiteUpdate } from '../siteUpdates'

/**
 * What a feature does at a scheduled moment of one of its documents, before the site
 * is updated (e.g. a consultation keeps its stored status in step and tells
 * subscribers it opened). Given to the publishing plugin per collection.
 */
export type ScheduledMoment = (req: PayloadRequest, id: string) => Promise<void>

/**
 * A moment the site must change by itself: a consultation opens or closes, an alert
 * starts or ends. Queued with `waitUntil` when such a document is published.
 */
export function siteBoundaryTask(
  atMoment: Record<string, ScheduledMoment> = {},
): TaskConfig<{ input: { collection: string; id: string; reason: string }; output: object }> {
  return {
    slug: 'siteBoundary',
    label: 'Update the site at a scheduled time',
    retries: 2,
    inputSchema: [
      { name: 'collection', type: 'text', required: true },
      { name: 'id', type: 'text', required: true },
      { name: 'reason', type: 'text', required: true },
    ],
    handler: async ({ input, req }) => {
      await atMoment[input.collection]?.(req, input.id)
      await requestSiteUpdate(
        req.payload,
        { collection: input.collection, id: input.id, title: input.reason, operation: 'schedule', at: new Date().toISOString() },
        req,
      )
      return { output: {} }
    },
  }
}
