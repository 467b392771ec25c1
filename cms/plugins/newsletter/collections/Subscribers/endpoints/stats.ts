import type { Endpoint, PayloadRequest, Where } from 'payload'

import { hasRole } from '../../../../../access/roles'
import { frequencies, subscriberStatuses } from '../options'

/** `GET /api/subscribers/stats`: how many people subscribe, without who. Editors and admins. */
async function subscriberStats(req: PayloadRequest) {
  const count = async (where: Where) =>
    (await req.payload.count({ collection: 'subscribers', where, overrideAccess: true })).totalDocs
  const byStatus = Object.fromEntries(await Promise.all(subscriberStatuses.map(async (s) => [s, await count({ status: { equals: s } })] as const)))
  const confirmedByFrequency = Object.fromEntries(
    await Promise.all(frequencies.map(async (f) => [f, await count({ and: [{ status: { equals: 'confirmed' } }, { frequency: { equals: f } }] })] as const)),
  )
  return { byStatus, confirmedByFrequency }
}

export const subscriberStatsEndpoint: Endpoint = {
  path: '/stats',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    if (!hasRole(req.user, 'admin', 'editor')) return Response.json({ errors: [{ message: 'Editors and admins only.' }] }, { status: 403 })
    return Response.json(await subscriberStats(req), { headers: { 'cache-control': 'no-store' } })
  },
}
