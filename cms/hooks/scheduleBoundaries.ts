import type { CollectionAfterChangeHook } from 'payload'

import { isSeeding } from './context'

/**
 * When a consultation or an alert is published, queue site updates for the future
 * moments its public state changes (opening, closing, outcome; alert start and end).
 * Each queued update only requests a build, so a stale one after an edit is harmless.
 */
export function scheduleBoundaries(fields: string[]): CollectionAfterChangeHook {
  return async ({ collection, context, doc, req }) => {
    if (isSeeding(context) || doc._status !== 'published') return doc
    const now = Date.now()
    const values = fields.map((f) => f.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc))
    for (const [i, value] of values.entries()) {
      const at = typeof value === 'string' ? Date.parse(value) : NaN
      if (!Number.isFinite(at) || at <= now) continue
      await req.payload.jobs.queue({
        task: 'siteBoundary',
        queue: 'site',
        input: { collection: collection.slug, id: String(doc.id), reason: `${fields[i]} reached` },
        waitUntil: new Date(at),
        req,
      })
    }
    return doc
  }
}
