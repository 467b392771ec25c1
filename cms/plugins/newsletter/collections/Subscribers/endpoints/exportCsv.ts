import { stringify } from 'csv-stringify'
import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '../../../../../access/roles'

const columns = [
  'email',
  'status',
  'locale',
  'frequency',
  'allTopics',
  'topics',
  'urgent',
  'consentAt',
  'consentForm',
  'consentWording',
  'confirmedAt',
  'unsubscribedAt',
  'bounceCount',
  'createdAt',
] as const

/** A cell a spreadsheet would run as a formula is kept as text. */
export function csvSafe(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value)
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

/**
 * `GET /api/subscribers/export.csv`: every subscriber, for admins only. UTF-8 with a
 * BOM so spreadsheet programs read Lithuanian letters; streamed page by page.
 */
export const exportSubscribersEndpoint: Endpoint = {
  path: '/export.csv',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    if (!hasRole(req.user, 'admin')) return Response.json({ errors: [{ message: 'Only admins can export subscribers.' }] }, { status: 403 })
    const csv = stringify({ header: true, columns: [...columns], bom: true })
    const topicNames = new Map(
      (await req.payload.find({ collection: 'topics', limit: 0, pagination: false, depth: 0, overrideAccess: true })).docs.map((t) => [String(t.id), String(t.slug ?? t.id)]),
    )
    void (async () => {
      try {
        for (let page = 1; ; page++) {
          const batch = await req.payload.find({ collection: 'subscribers', limit: 500, page, sort: 'id', depth: 0, overrideAccess: true })
          for (const s of batch.docs) {
            const row = {
              email: s.email,
              status: s.status,
              locale: s.locale,
              frequency: s.frequency,
              allTopics: s.allTopics ? 'yes' : 'no',
              topics: (s.topics ?? []).map((t) => topicNames.get(String(typeof t === 'object' ? t.id : t)) ?? '').join(' '),
              urgent: s.urgent ? 'yes' : 'no',
              consentAt: s.consent?.at,
              consentForm: s.consent?.form,
              consentWording: s.consent?.wording,
              confirmedAt: s.confirmedAt,
              unsubscribedAt: s.unsubscribedAt,
              bounceCount: s.bounceCount ?? 0,
              createdAt: s.createdAt,
            }
            const safe = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, csvSafe(v)]))
            if (!csv.write(safe)) await new Promise((r) => csv.once('drain', r))
          }
          if (!batch.hasNextPage) break
        }
        csv.end()
      } catch (error) {
        csv.destroy(error as Error)
      }
    })()
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        csv.on('data', (chunk: Buffer | string) => controller.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk)))
        csv.on('end', () => controller.close())
        csv.on('error', (error) => controller.error(error))
      },
    })
    const date = new Date().toISOString().slice(0, 10)
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="subscribers-${date}.csv"`,
        'cache-control': 'no-store',
      },
    })
  },
}
