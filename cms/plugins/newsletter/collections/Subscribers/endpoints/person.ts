import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '../../../../../access/roles'
import { labels, type MessageKey } from '../../../../../model/i18n'
import { both } from '../../../../../security/messages'
import { errorResponse } from '../../../../../security/responses'
import { erasePerson, personalDataOf, subscriberIdFrom } from '../../../personal'

/**
 * One person's data-protection request, by subscriber: `GET /api/subscribers/:id/export`
 * (everything Atvira holds on the address, as a JSON attachment) and
 * `POST /api/subscribers/:id/erase`. Editors and admins: finding a person, and exporting
 * or erasing what is held on them, is the communications team's job. Both answer 400 for
 * an id the database cannot hold and 404 for an unknown subscriber, never 500.
 */

const refuse = (status: number, key: MessageKey) => errorResponse(status, labels(key))

type Checked = { id: string | number } | { refusal: Response }

function check(req: PayloadRequest): Checked {
  if (!hasRole(req.user, 'admin', 'editor')) return { refusal: refuse(403, 'admin.subscribers.error.forbidden') }
  const raw = String(req.routeParams?.id ?? '')
  const id = subscriberIdFrom(req.payload, raw)
  return id === null ? { refusal: refuse(400, 'admin.subscribers.error.badId') } : { id }
}

export const exportPersonEndpoint: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: async (req) => {
    const checked = check(req)
    if ('refusal' in checked) return checked.refusal
    const data = await personalDataOf(req.payload, checked.id)
    if (!data) return refuse(404, 'admin.subscribers.error.notFound')
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        // By id, not address: the file name shows up in download lists and logs.
        'content-disposition': `attachment; filename="subscriber-${String(checked.id)}-${data.exportedAt.slice(0, 10)}.json"`,
        'cache-control': 'no-store',
      },
    })
  },
}

export const erasePersonEndpoint: Endpoint = {
  path: '/:id/erase',
  method: 'post',
  handler: async (req) => {
    const checked = check(req)
    if ('refusal' in checked) return checked.refusal
    const report = await erasePerson(req.payload, checked.id)
    if (!report) return refuse(404, 'admin.subscribers.error.notFound')
    return Response.json({ ...report, message: both(labels('admin.subscribers.erase.done')) }, { headers: { 'cache-control': 'no-store' } })
  },
}
