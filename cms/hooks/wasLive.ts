import type { CollectionBeforeChangeHook, RequestContext } from 'payload'

const WAS_LIVE = 'atviraWasLive'

/**
 * Whether the document was live before this save, noted for the afterChange hooks
 * (site updates, subscriber announcements). Their `previousDoc` is the newest version,
 * which after a draft save over live content is that draft: unpublishing such a
 * document would read as "was not live", and the site and subscribers would never hear
 * of it. The stored document (not its versions) says what is live.
 */
export const noteWasLive: CollectionBeforeChangeHook = async ({ collection, context, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || originalDoc?.id === undefined) return data
  const stored = await req.payload.db.findOne<{ id: number | string; _status?: string }>({ collection: collection.slug, where: { id: { equals: originalDoc.id } }, req })
  const noted = (context[WAS_LIVE] ??= {}) as Record<string, boolean>
  noted[`${collection.slug}:${String(originalDoc.id)}`] = stored?._status === 'published'
  return data
}

/** Was the document live before this save? (`previousDoc` where no note was taken: a create.) */
export function wasLive(context: RequestContext, collection: string, doc: { id: unknown }, previousDoc: { _status?: unknown } | undefined): boolean {
  const noted = (context[WAS_LIVE] as Record<string, boolean> | undefined)?.[`${collection}:${String(doc.id)}`]
  return noted ?? previousDoc?._status === 'published'
}
