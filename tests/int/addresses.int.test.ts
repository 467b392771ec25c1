/**
 * Addresses never break: what the CMS keeps when a live document's address changes or it
 * stops being live (the Local API with the real hooks, on a real SQLite file), and what
 * the snapshot makes of it (301 to where the page is now, 410 for a withdrawn one).
 * The site server answering them is tests/e2e/start.e2e.test.ts.
 */
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { SEEDING } from '../../cms/hooks/context'
import { docSiteStatus } from '../../cms/plugins/publishing/collections/SiteBuilds/endpoints/docStatus'
import { localSource } from '../../cms/plugins/publishing/localSource'
import { normalizeSitePath } from '../../cms/model/sitePath'
import { buildSnapshot } from '../../site/publisher/snapshot'
import { paragraph, startCms, type TestCms } from './helpers'

let cms: TestCms
let payload: Payload

beforeAll(async () => {
  cms = await startCms({ env: { SITE_BUILD_DEBOUNCE_MS: '0' } })
  payload = cms.payload
})
afterAll(async () => {
  await cms?.close()
})
beforeEach(async () => {
  await payload.delete({ collection: 'redirects', where: { id: { exists: true } }, overrideAccess: true })
})

type Row = { from: string; kind: string; locale?: string; section?: string; target?: { relationTo: string; value: number } | null; doc?: { relationTo: string; value: number } | null }
const rows = async (): Promise<Row[]> =>
  (await payload.find({ collection: 'redirects', depth: 0, sort: 'from', pagination: false, overrideAccess: true })).docs.map((d) => {
    const { from, kind, locale, section, target, doc } = d as unknown as Row
    return { from, kind, locale, section, target: target ?? null, doc: doc ?? null }
  })
const snapshotRedirects = async () => (await buildSnapshot(await localSource(payload), { siteUrl: 'http://127.0.0.1', timeZone: 'Europe/Vilnius' })).redirects ?? []

let n = 0
async function liveNews(slug: string, en?: string) {
  const doc = await payload.create({ collection: 'news', data: { title: `Naujiena ${++n}`, slug, summary: 's', body: paragraph('b'), _status: 'published' } as never })
  if (en) await payload.update({ collection: 'news', id: doc.id, locale: 'en', data: { title: `News ${n}`, slug: en, summary: 's', body: paragraph('b'), _status: 'published' } as never })
  return doc.id as number
}
const setSlug = (id: number, slug: string, extra: object = {}, locale = 'lt') =>
  payload.update({ collection: 'news', id, locale: locale as 'lt', data: { slug, ...extra, _status: 'published' } as never })

describe('the CMS keeps old addresses', () => {
  it('a live document whose slug changes: its old address leads to it; a draft save changes nothing', async () => {
    const id = await liveNews('senas-adresas', 'old-address')
    expect(await rows()).toEqual([])
    await payload.update({ collection: 'news', id, draft: true, data: { slug: 'juodrastis' } as never })
    expect(await rows()).toEqual([])
    await setSlug(id, 'naujas-adresas')
    expect(await rows()).toEqual([{ from: '/naujienos/senas-adresas/', kind: 'moved', locale: 'lt', section: 'news', target: { relationTo: 'news', value: id }, doc: { relationTo: 'news', value: id } }])
    // The English address is its own: unchanged, so nothing is kept for it.
    await setSlug(id, 'new-address', {}, 'en')
    expect((await rows()).map((r) => [r.from, r.locale])).toEqual([
      ['/en/news/old-address/', 'en'],
      ['/naujienos/senas-adresas/', 'lt'],
    ])
    expect(await snapshotRedirects()).toEqual([
      { from: '/en/news/old-address/', status: 301, to: '/en/news/new-address/' },
      { from: '/naujienos/senas-adresas/', status: 301, to: '/naujienos/naujas-adresas/' },
    ])
  })

  it('moving back to an old address: the live page wins, the address in between leads to it', async () => {
    const id = await liveNews('pirmas')
    await setSlug(id, 'antras')
    await setSlug(id, 'pirmas')
    expect((await rows()).map((r) => r.from)).toEqual(['/naujienos/antras/'])
    expect(await snapshotRedirects()).toEqual([{ from: '/naujienos/antras/', status: 301, to: '/naujienos/pirmas/' }])
  })

  it('unpublished as withdrawn (the default): every live locale answers 410, linking the section', async () => {
    const id = await liveNews('atsaukta', 'withdrawn')
    await payload.update({ collection: 'news', id, data: { _status: 'draft' } as never })
    expect((await rows()).map((r) => [r.from, r.kind, r.locale, r.section])).toEqual([
      ['/en/news/withdrawn/', 'withdrawn', 'en', 'news'],
      ['/naujienos/atsaukta/', 'withdrawn', 'lt', 'news'],
    ])
    expect(await snapshotRedirects()).toEqual([
      { from: '/en/news/withdrawn/', status: 410, locale: 'en', section: 'news' },
      { from: '/naujienos/atsaukta/', status: 410, locale: 'lt', section: 'news' },
    ])
    // Published again: its address is a page once more, and nothing is answered instead.
    await payload.update({ collection: 'news', id, data: { _status: 'published' } as never })
    expect(await rows()).toEqual([])
  })

  it('unpublished as replaced: the old addresses, earlier ones included, lead to the replacement', async () => {
    const replacement = await payload.create({ collection: 'guides', data: { title: 'Gidas', slug: 'naujas-gidas', summary: 's', steps: [{ title: 'Žingsnis', body: paragraph('b') }], _status: 'published' } as never })
    const id = await liveNews('pakeista-1')
    await setSlug(id, 'pakeista-2')
    await payload.update({ collection: 'news', id, data: { _status: 'draft', unpublishAs: 'replaced', replacedBy: { relationTo: 'guides', value: replacement.id } } as never })
    expect(await snapshotRedirects()).toEqual([
      { from: '/naujienos/pakeista-1/', status: 301, to: '/gidai/naujas-gidas/' },
      { from: '/naujienos/pakeista-2/', status: 301, to: '/gidai/naujas-gidas/' },
    ])
    // The replacement withdrawn too: nothing to lead to, so the page says it was withdrawn.
    await payload.update({ collection: 'guides', id: replacement.id, data: { _status: 'draft' } as never })
    const after = await snapshotRedirects()
    expect(after.filter((r) => r.from.startsWith('/naujienos/'))).toEqual([
      { from: '/naujienos/pakeista-1/', status: 410, locale: 'lt', section: 'news' },
      { from: '/naujienos/pakeista-2/', status: 410, locale: 'lt', section: 'news' },
    ])
  })

  it('"replaced" needs the replacement, and not the document itself', async () => {
    const id = await liveNews('be-pakeitimo')
    await expect(payload.update({ collection: 'news', id, data: { _status: 'draft', unpublishAs: 'replaced' } as never })).rejects.toThrow(/Replaced by/)
    await expect(
      payload.update({ collection: 'news', id, data: { _status: 'draft', unpublishAs: 'replaced', replacedBy: { relationTo: 'news', value: id } } as never }),
    ).rejects.toThrow(/Replaced by/)
    // Refused, so the document is still live and nothing was kept.
    expect(await rows()).toEqual([])
    const still = await payload.findByID({ collection: 'news', id, draft: false, overrideAccess: true })
    expect(still._status).toBe('published')
  })

  it('a deleted live document: 410, and the row does not name its id (SQLite gives it to the next document)', async () => {
    const id = await liveNews('istrinta')
    await payload.delete({ collection: 'news', id, overrideAccess: true })
    expect(await rows()).toEqual([{ from: '/naujienos/istrinta/', kind: 'withdrawn', locale: 'lt', section: 'news', target: null, doc: null }])
    const next = await liveNews('kita')
    expect(await snapshotRedirects()).toContainEqual({ from: '/naujienos/istrinta/', status: 410, locale: 'lt', section: 'news' })
    expect(next).toBeGreaterThan(0)
  })

  it('bulk updates: a change reaches every document, and a bulk unpublish keeps every address', async () => {
    const ids = [await liveNews('bulk-1'), await liveNews('bulk-2')]
    await payload.update({ collection: 'news', where: { id: { in: ids } }, data: { summary: 'Bendra santrauka' } as never, overrideAccess: true })
    for (const id of ids) expect((await payload.findByID({ collection: 'news', id, draft: false })).summary).toBe('Bendra santrauka')
    await payload.update({ collection: 'news', where: { id: { in: ids } }, data: { _status: 'draft' } as never, overrideAccess: true })
    expect((await rows()).map((r) => [r.from, r.kind])).toEqual([
      ['/naujienos/bulk-1/', 'withdrawn'],
      ['/naujienos/bulk-2/', 'withdrawn'],
    ])
  })

  it('a page under a parent keeps its nested address', async () => {
    const parent = await payload.create({ collection: 'pages', data: { title: 'Apie', slug: 'apie', body: paragraph('b'), _status: 'published' } as never })
    const child = await payload.create({ collection: 'pages', data: { title: 'Kontaktai', slug: 'kontaktai', parent: parent.id, body: paragraph('b'), _status: 'published' } as never })
    await payload.update({ collection: 'pages', id: child.id, data: { slug: 'susisiekite', _status: 'published' } as never })
    expect(await snapshotRedirects()).toEqual([{ from: '/apie/kontaktai/', status: 301, to: '/apie/susisiekite/' }])
  })

  it('a new live document at an old address takes it; seeding keeps nothing', async () => {
    const id = await liveNews('perimamas')
    await payload.update({ collection: 'news', id, data: { _status: 'draft' } as never })
    expect((await rows()).map((r) => r.from)).toEqual(['/naujienos/perimamas/'])
    await payload.update({ collection: 'news', id, draft: true, data: { slug: 'kitur' } as never })
    await liveNews('perimamas')
    expect(await rows()).toEqual([])
    const seeded = await payload.create({ collection: 'news', data: { title: 'Demo', slug: 'demo', summary: 's', body: paragraph('b'), _status: 'published' } as never, context: { [SEEDING]: true } })
    await payload.update({ collection: 'news', id: seeded.id, data: { slug: 'demo-2', _status: 'published' } as never, context: { [SEEDING]: true } })
    expect(await rows()).toEqual([])
  })
})

describe('old addresses staff add', () => {
  it.each([
    ['https://www.pajuris.lt/Naujienos/Sena?utm_source=qr#top', '/Naujienos/Sena/'],
    ['/naujienos/%C5%A1vente', '/naujienos/švente/'],
    ['  /a//b/  ', '/a/b/'],
  ])('%s is kept as %s', async (input, expected) => {
    const target = await liveNews(`tikslas-${n + 1}`)
    const row = await payload.create({ collection: 'redirects', data: { from: input, kind: 'moved', target: { relationTo: 'news', value: target } } as never, overrideAccess: true })
    expect(row.from).toBe(expected)
  })

  it.each(['/', 'naujienos/be-bruksnio', '/a/../b', '/%E0%A4%A', `/${'x'.repeat(600)}`])('%s is refused with what to enter', async (input) => {
    await expect(payload.create({ collection: 'redirects', data: { from: input, kind: 'withdrawn' } as never, overrideAccess: true })).rejects.toThrow(/Old address/)
  })

  it('a move needs a page to lead to', async () => {
    await expect(payload.create({ collection: 'redirects', data: { from: '/sena/', kind: 'moved' } as never, overrideAccess: true })).rejects.toThrow(/Page they are taken to/)
  })

  it('one spelling for requests and rows', () => {
    expect(normalizeSitePath('/naujienos/sena')).toBe(normalizeSitePath('/naujienos/sena/?x=1'))
    expect(normalizeSitePath('/naujienos/%C5%A1vent%C4%97/')).toBe('/naujienos/šventė/')
    expect(normalizeSitePath('/a\\b/')).toBeNull()
  })
})

describe("the edit view's site box", () => {
  const statusOf = async (id: number) => docSiteStatus(await createLocalReq({}, payload), 'news', String(id))
  const builds = (data: object) => payload.create({ collection: 'site-builds', data: data as never, overrideAccess: true })

  it('a publish on the way: queued, with about how long from the recent builds; then where it is live', async () => {
    await payload.delete({ collection: 'site-builds', where: { id: { exists: true } }, overrideAccess: true })
    for (const ms of [8_000, 12_000, 40_000]) await builds({ status: 'succeeded', durationMs: ms, requestedAt: new Date(Date.now() - 60_000).toISOString(), changes: [] })
    const id = await liveNews('svetaineje', 'on-the-site')
    const queued = await statusOf(id)
    expect(queued.pending?.status).toBe('queued')
    // The typical (median) build of the three, 12 s, with the debounce of 0 ms.
    expect(queued.pending?.etaSeconds).toBeGreaterThanOrEqual(11)
    expect(queued.pending?.etaSeconds).toBeLessThanOrEqual(12)
    expect(queued.live).toEqual({ lt: 'http://localhost:4321/naujienos/svetaineje/', en: 'http://localhost:4321/en/news/on-the-site/' })
    expect(queued.failed).toBeNull()
    // Built and failed: said so, nothing pending; a draft save of another document changes nothing here.
    await payload.update({ collection: 'site-builds', where: { status: { equals: 'queued' } }, data: { status: 'failed', error: 'Astro: broken template\nstack' } as never, overrideAccess: true })
    const failed = await statusOf(id)
    expect(failed.pending).toBeNull()
    expect(failed.failed).toEqual({ error: 'Astro: broken template' })
    await payload.update({ collection: 'news', id, data: { _status: 'draft' } as never })
    expect((await statusOf(id)).live).toEqual({})
  })
})
