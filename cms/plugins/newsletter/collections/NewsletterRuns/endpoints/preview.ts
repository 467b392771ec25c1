import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '../../../../../access/roles'
import { getLocaleCodes } from '../../../../../model/locales'
import { ensureRun } from '../../../queueing'
import { composePreview, nextDigestItems } from '../../../preview'
import { storeFor } from '../../../store'

function options(req: PayloadRequest, params: URLSearchParams) {
  const frequency = params.get('frequency') === 'weekly' ? 'weekly' : 'daily'
  const locale = params.get('locale') ?? getLocaleCodes()[0]!
  if (!getLocaleCodes().includes(locale)) return null
  return { frequency, locale, email: String(req.user?.email ?? '') } as const
}

const forbidden = () => Response.json({ errors: [{ message: 'Editors and admins only.' }] }, { status: 403 })

/** `GET /api/newsletter-runs/preview?frequency=daily&locale=lt`: the next digest as HTML. */
export const previewDigestEndpoint: Endpoint = {
  path: '/preview',
  method: 'get',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'editor')) return forbidden()
    const o = options(req, new URL(req.url ?? '', 'http://x').searchParams)
    if (!o) return Response.json({ errors: [{ message: 'Unknown locale' }] }, { status: 400 })
    const mail = await composePreview(req.payload, o)
    const html = mail?.html ?? `<!doctype html><html lang="en"><title>Nothing to send</title><p>Nothing was published for the next ${o.frequency} digest yet: it would not be sent.</p></html>`
    return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-robots-tag': 'noindex' } })
  },
}

/**
 * `POST /api/newsletter-runs/send-test` (frequency, locale): the next digest to the
 * signed-in staff member's own address, through the outbox like every email.
 */
export const sendTestEndpoint: Endpoint = {
  path: '/send-test',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'editor')) return forbidden()
    const form = new URLSearchParams(req.text ? await req.text() : '')
    const o = options(req, form)
    if (!o || !o.email) return Response.json({ errors: [{ message: 'Unknown locale' }] }, { status: 400 })
    const changeIds = await nextDigestItems(req.payload, o.frequency)
    if (changeIds.length === 0) return Response.json({ queued: false, message: 'Nothing to send yet.' })
    const key = `test:${req.user!.id}:${Date.now()}`
    const run = await ensureRun(req.payload, { key, kind: 'test', title: `Test of the ${o.frequency} digest to ${o.email}` })
    await storeFor(req.payload).enqueue([{ key, kind: 'test', subscriberId: null, runId: run.id, items: { ...o, changeIds } }])
    await req.payload.update({ collection: 'newsletter-runs', id: run.id, data: { status: 'sending', total: 1, pending: 1 }, overrideAccess: true })
    const accept = req.headers.get('accept') ?? ''
    if (accept.includes('text/html')) return Response.redirect(new URL('/admin/collections/newsletter-runs', req.url ?? 'http://localhost').toString(), 303)
    return Response.json({ queued: true, to: o.email, items: changeIds.length })
  },
}
