/**
 * What staff do with subscribers: editors and admins find a person by address (the
 * whole list and changes are the admins'); admins export everyone (CSV safe for
 * spreadsheets); leavers are erased after the retention period; the next digest can be
 * previewed and sent as a test. One person's export and erasure over HTTP:
 * tests/e2e/subscribers.e2e.test.ts.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportSubscribersEndpoint } from '../../cms/plugins/newsletter/collections/Subscribers/endpoints/exportCsv'
import { subscriberStatsEndpoint } from '../../cms/plugins/newsletter/collections/Subscribers/endpoints/stats'
import { previewDigestEndpoint, sendTestEndpoint } from '../../cms/plugins/newsletter/collections/NewsletterRuns/endpoints/preview'
import { purgeLeavers } from '../../cms/plugins/newsletter/housekeeping'
import { storeFor } from '../../cms/plugins/newsletter/store'
import { startCms, type TestCms } from './helpers'
import { addSubscriber, dispatcher, publishNews, runNewsletterJobs } from './newsletter-support'
import { type Received, startSink } from './smtpSink'

let cms: TestCms
const users: Record<string, Record<string, unknown>> = {}

beforeAll(async () => {
  cms = await startCms({ env: { SITE_URL: 'https://www.pajuris.example' } })
  for (const role of ['admin', 'editor', 'author'] as const) {
    users[role] = (await cms.payload.create({
      collection: 'users',
      data: { email: `${role}@pajuris.example`, name: role, role, password: `password-${role}-123` } as never,
      overrideAccess: true,
    })) as unknown as Record<string, unknown>
  }
}, 120_000)

afterAll(async () => {
  await cms?.close()
})

async function requestAs(payload: Payload, role: string | null, url: string, init: { method?: string; body?: string; accept?: string } = {}): Promise<PayloadRequest> {
  const req = await createLocalReq({ user: role ? ({ ...users[role], collection: 'users' } as never) : undefined }, payload)
  const request = new Request(url, { method: init.method ?? 'GET', body: init.body, headers: { accept: init.accept ?? 'application/json' } })
  return Object.assign(req, { url: request.url, headers: request.headers, text: () => request.text() }) as PayloadRequest
}

describe('subscribers are personal data', () => {
  it('editors and admins find a person by address; only admins change rows; authors see nothing, not even counts', async () => {
    await addSubscriber(cms.payload, { email: 'privacy@example.net' })
    await addSubscriber(cms.payload, { email: 'someone-else@example.net' })
    const as = (role: string) => ({ overrideAccess: false, user: { ...users[role], collection: 'users' } as never })
    for (const role of ['editor', 'admin']) {
      // The admin's search box asks for `like` on the searchable field.
      const found = await cms.payload.find({ collection: 'subscribers', where: { email: { like: 'privacy@' } }, ...as(role) })
      expect(found.docs.map((d) => d.email), role).toEqual(['privacy@example.net'])
      expect(JSON.stringify(found.docs), role).not.toContain('confirmTokenHash')
    }
    const [privacy] = (await cms.payload.find({ collection: 'subscribers', where: { email: { equals: 'privacy@example.net' } }, overrideAccess: true })).docs
    // Editors neither create, edit nor delete: people join and change their settings themselves.
    await expect(cms.payload.create({ collection: 'subscribers', data: { email: 'made-by-staff@example.net', locale: 'lt' } as never, ...as('editor') })).rejects.toThrow()
    await expect(cms.payload.update({ collection: 'subscribers', id: privacy!.id, data: { frequency: 'weekly' }, ...as('editor') })).rejects.toThrow()
    await expect(cms.payload.delete({ collection: 'subscribers', id: privacy!.id, ...as('editor') })).rejects.toThrow()
    const after = await cms.payload.findByID({ collection: 'subscribers', id: privacy!.id, overrideAccess: true })
    expect(after.frequency).toBe('daily')
    expect((await cms.payload.count({ collection: 'subscribers', where: { email: { equals: 'made-by-staff@example.net' } }, overrideAccess: true })).totalDocs).toBe(0)
    // An admin may.
    await cms.payload.update({ collection: 'subscribers', id: privacy!.id, data: { frequency: 'weekly' }, ...as('admin') })
    expect((await cms.payload.findByID({ collection: 'subscribers', id: privacy!.id, overrideAccess: true })).frequency).toBe('weekly')

    await expect(cms.payload.find({ collection: 'subscribers', ...as('author') })).rejects.toThrow()
    await expect(cms.payload.count({ collection: 'subscribers', ...as('author') })).rejects.toThrow()
    const stats = await subscriberStatsEndpoint.handler(await requestAs(cms.payload, 'editor', 'http://cms/api/subscribers/stats'))
    expect(stats.status).toBe(200)
    const body = (await stats.json()) as { byStatus: Record<string, number> }
    expect(body.byStatus.confirmed).toBeGreaterThan(0)
    expect(JSON.stringify(body)).not.toContain('@')
    expect((await subscriberStatsEndpoint.handler(await requestAs(cms.payload, 'author', 'http://cms/api/subscribers/stats'))).status).toBe(403)
  })

  it('export as UTF-8 CSV with a BOM, formulas neutralised, for admins only (editors export one person at a time)', async () => {
    const id = await addSubscriber(cms.payload, { email: 'skaiciuokle@example.net' })
    await cms.payload.update({ collection: 'subscribers', id, data: { consent: { form: '=HYPERLINK("http://x.example","x")', wording: '+1 sutinku, kad savivaldybė siųstų laiškus', at: new Date().toISOString() } }, overrideAccess: true })
    const res = await exportSubscribersEndpoint.handler(await requestAs(cms.payload, 'admin', 'http://cms/api/subscribers/export.csv'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes.slice(3))
    expect(text.split('\n')[0]).toMatch(/^email,status,locale,frequency/)
    expect(text).toContain('skaiciuokle@example.net')
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"",""x"")"`)
    expect(text).toContain("'+1 sutinku, kad savivaldybė siųstų laiškus")
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m)
    expect((await exportSubscribersEndpoint.handler(await requestAs(cms.payload, 'editor', 'http://cms/api/subscribers/export.csv'))).status).toBe(403)
  })

  it('erasing a subscriber erases their mail; leavers go after the retention period', async () => {
    const store = storeFor(cms.payload)
    const erased = await addSubscriber(cms.payload, { email: 'erase-me@example.net', frequency: 'immediately' })
    await store.enqueue([{ key: `test-erase:${erased}`, kind: 'immediate', subscriberId: erased, runId: null, items: [] }])
    await cms.payload.delete({ collection: 'subscribers', id: erased, overrideAccess: true })
    const left = await cms.payload.count({ collection: 'email-outbox', where: { key: { equals: `test-erase:${erased}` } }, overrideAccess: true })
    expect(left.totalDocs).toBe(0)

    const day = 86_400_000
    const old = await addSubscriber(cms.payload, { email: 'left-long-ago@example.net', status: 'unsubscribed' })
    const recent = await addSubscriber(cms.payload, { email: 'left-recently@example.net', status: 'unsubscribed' })
    await cms.payload.update({ collection: 'subscribers', id: old, data: { unsubscribedAt: new Date(Date.now() - 40 * day).toISOString() }, overrideAccess: true })
    await cms.payload.update({ collection: 'subscribers', id: recent, data: { unsubscribedAt: new Date(Date.now() - 10 * day).toISOString() }, overrideAccess: true })
    expect(await purgeLeavers(cms.payload, 30)).toBe(1)
    const remaining = (await cms.payload.find({ collection: 'subscribers', where: { status: { equals: 'unsubscribed' } }, overrideAccess: true })).docs.map((d) => d.email)
    expect(remaining).toContain('left-recently@example.net')
    expect(remaining).not.toContain('left-long-ago@example.net')
  })
})

const head = (r: Received) => r.raw.toString('utf8').split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ')

describe('mail that is not list mail', () => {
  it('a consultation receipt goes to the respondent alone, without list headers', async () => {
    const sink = await startSink()
    try {
      await storeFor(cms.payload).enqueue([
        {
          key: 'receipt:test-1',
          kind: 'receipt',
          subscriberId: null,
          runId: null,
          items: { email: 'gyventojas@example.net', locale: 'lt', reference: 'K-0001', title: 'Parko planas', url: 'https://www.pajuris.example/konsultacijos/parkas/' },
        },
      ])
      await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
      const [mail] = sink.to('gyventojas@example.net')
      expect(mail).toBeDefined()
      expect((await sink.parse(mail!)).subject).toContain('K-0001')
      expect(head(mail!)).toMatch(/^Message-ID: <[0-9a-f]{32}@/im)
      expect(head(mail!)).not.toMatch(/^List-(Unsubscribe|Unsubscribe-Post|ID):/im)
    } finally {
      await sink.close()
    }
  })
})

describe('the next digest', () => {
  it('can be previewed and sent as a test to the staff member', async () => {
    await publishNews(cms.payload, { lt: 'Peržiūrima naujiena', en: 'Previewed story' })
    await runNewsletterJobs(cms.payload)
    const preview = await previewDigestEndpoint.handler(await requestAs(cms.payload, 'editor', 'http://cms/api/newsletter-runs/preview?frequency=daily&locale=en'))
    expect(preview.status).toBe(200)
    const html = await preview.text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('Previewed story')
    expect((await previewDigestEndpoint.handler(await requestAs(cms.payload, 'author', 'http://cms/api/newsletter-runs/preview'))).status).toBe(403)

    const sink = await startSink()
    try {
      const sent = await sendTestEndpoint.handler(
        await requestAs(cms.payload, 'editor', 'http://cms/api/newsletter-runs/send-test', { method: 'POST', body: 'frequency=daily&locale=lt' }),
      )
      expect(await sent.json()).toMatchObject({ queued: true, to: 'editor@pajuris.example' })
      await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
      const [mail] = sink.to('editor@pajuris.example')
      expect(mail).toBeDefined()
      const parsed = await sink.parse(mail!)
      expect(parsed.subject).toMatch(/^\[TEST\] /)
      expect(parsed.text).toContain('Peržiūrima naujiena')
      // Sent to one staff member who asked for it, not to a list address: nothing to unsubscribe from.
      expect(head(mail!)).not.toMatch(/^List-(Unsubscribe|Unsubscribe-Post|ID):/im)
      const runs = await cms.payload.find({ collection: 'newsletter-runs', where: { kind: { equals: 'test' } }, depth: 0, overrideAccess: true })
      expect(runs.docs[0]).toMatchObject({ status: 'done', sent: 1 })
    } finally {
      await sink.close()
    }
  })
})
