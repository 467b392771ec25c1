import type { CollectionBeforeDeleteHook, Payload, Where } from 'payload'

import { storeFor } from './store'

/** Erasing a subscriber (GDPR) erases their delivery history too (before the row, whose id the mail points to). */
export const eraseSubscriberMail: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await storeFor(req.payload).eraseSubscriberMail(String(id))
}

/** Addresses of people who left are erased after the retention period. */
export async function purgeLeavers(payload: Payload, retentionDays: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000).toISOString()
  const where: Where = { and: [{ status: { equals: 'unsubscribed' } }, { unsubscribedAt: { less_than: before } }] }
  let erased = 0
  for (;;) {
    const batch = await payload.find({ collection: 'subscribers', where, limit: 200, depth: 0, overrideAccess: true })
    if (batch.docs.length === 0) break
    for (const doc of batch.docs) {
      await payload.delete({ collection: 'subscribers', id: doc.id, overrideAccess: true })
      erased++
    }
  }
  return erased
}
