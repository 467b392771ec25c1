/**
 * Adding a content type is one folder plus one registry entry: a type the product does
 * not know (`notices`), served by a content source with its registry entry, reaches the
 * pages, the search index, the sitemap, the feed and the draft preview, with no product
 * file changed. One real site build.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import type { Config } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../../cms/model/env'
import { defineContentType, extendRegistry, registry } from '../../cms/model/registry'
import type { ContentSource, RawDoc } from '../../cms/model/source'
import type { GenericDoc, Snapshot } from '../../cms/model/snapshot'
import { previewDoc } from '../../site/publisher/preview'
import { buildSnapshot } from '../../site/publisher/snapshot'
import { buildSite } from '../../site/publisher/siteBuild'

const siteUrl = 'https://www.pajuris.example'

// The one registry entry (the folder would be its CMS collection and seed content).
const notices = defineContentType({
  slug: 'notices',
  segments: { lt: 'pranesimai', en: 'notices' },
  labels: { lt: { singular: 'Pranešimas', plural: 'Pranešimai' }, en: { singular: 'Notice', plural: 'Notices' } },
  flags: { inFeeds: true, notifiable: true },
})

function paragraph(text: string) {
  return { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] }] } }
}

const lt: RawDoc = {
  id: 7,
  title: 'Vandens tiekimo pertrauka Uosto gatvėje',
  slug: 'vandens-tiekimo-pertrauka',
  summary: 'Trečiadienį nuo 9 iki 13 val.',
  body: paragraph('Dėl vamzdyno remonto ZEBRAVANDUO nebus tiekiamas.'),
  publishedAt: '2026-05-30T08:00:00.000Z',
  updatedAt: '2026-05-30T08:00:00.000Z',
  topics: [3],
  _status: 'published',
}
const topic: RawDoc = { id: 3, name: 'Vanduo', slug: 'vanduo', updatedAt: '2026-05-01T08:00:00.000Z', _status: 'published' }
const en: RawDoc = { ...lt, title: 'Water supply interruption on Uosto Street', slug: 'water-supply-interruption', summary: 'Wednesday 9:00–13:00.', body: paragraph('Pipe repairs: no ZEBRAWATER supply.') }

/** A content source serving only the new type, with its registry entry. */
function fixtureSource(): ContentSource {
  return {
    name: 'fixture',
    locales: () => ({ locales: ['lt', 'en'], defaultLocale: 'lt' }),
    published: async (collection, locale) => (collection === 'notices' ? [locale === 'lt' ? lt : en] : collection === 'topics' && locale === 'lt' ? [topic] : []),
    uploads: async () => [],
    settings: async () => ({ cityName: 'Pajūris' }),
    responseFacts: async () => ({}),
    filePath: async (collection, filename) => path.join('/nonexistent', collection, filename),
    close: async () => {},
    types: () => [notices],
  }
}

let dir = ''
let outDir = ''
let snapshot: Snapshot

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-type-'))
  outDir = path.join(dir, 'site')
  // The build imports packages by name: outside the repository only through a parent's node_modules.
  fs.symlinkSync(path.join(rootDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  snapshot = await buildSnapshot(fixtureSource(), { siteUrl, timeZone: 'Europe/Vilnius', now: new Date('2026-06-01T10:00:00Z') })
  await buildSite({ outDir, snapshotFile: path.join(dir, 'snapshot.json'), env: { ...process.env, SITE_URL: siteUrl }, snapshot, log: () => {} })
}, 300_000)

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

const read = (rel: string) => fs.readFileSync(path.join(outDir, rel), 'utf8')

describe('a content type added by a registry entry', () => {
  it('travels in the snapshot with its registry entry, mapped by the generic mapper', () => {
    expect(snapshot.types?.map((t) => t.slug)).toContain('notices')
    const doc = snapshot.content.lt!.docs.find((d) => (d.collection as string) === 'notices') as unknown as GenericDoc
    expect(doc.url).toBe('/pranesimai/vandens-tiekimo-pertrauka/')
    expect(doc.alternates).toEqual({ lt: '/pranesimai/vandens-tiekimo-pertrauka/', en: '/en/notices/water-supply-interruption/' })
    expect(doc.bodyHtml).toContain('ZEBRAVANDUO')
  })

  it('has its pages, in each language, under its own section with its breadcrumbs', () => {
    const page = read('client/pranesimai/vandens-tiekimo-pertrauka/index.html')
    expect(page).toContain('<h1>Vandens tiekimo pertrauka Uosto gatvėje</h1>')
    expect(page).toContain('ZEBRAVANDUO')
    expect(page).toContain('Pranešimai')
    expect(read('client/en/notices/water-supply-interruption/index.html')).toContain('ZEBRAWATER')
    // Its topic's page lists it under the type's name.
    const topicPage = read('client/temos/vanduo/index.html')
    expect(topicPage).toContain('href="/pranesimai/vandens-tiekimo-pertrauka/"')
    expect(topicPage).toContain('Pranešimai')
  })

  it('is in the search index', () => {
    const index = JSON.parse(read('search/lt.json')) as { docs: { type: string; url: string }[] }
    expect(index.docs).toContainEqual(expect.objectContaining({ type: 'notices', url: '/pranesimai/vandens-tiekimo-pertrauka/' }))
  })

  it('is in the sitemap and the feeds', () => {
    expect(read('client/sitemap-0.xml')).toContain(`<loc>${siteUrl}/pranesimai/vandens-tiekimo-pertrauka/</loc>`)
    expect(read('client/rss.xml')).toContain(`<link>${siteUrl}/pranesimai/vandens-tiekimo-pertrauka/</link>`)
    expect(read('client/en/rss.xml')).toContain('Water supply interruption on Uosto Street')
    expect(read('client/temos/vanduo/rss.xml')).toContain('Vandens tiekimo pertrauka Uosto gatvėje')
  })

  it('previews a draft with the live build’s types', async () => {
    // A stand-in CMS on loopback: the published notice, and a draft of it.
    const asked: string[] = []
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      asked.push(url.pathname + url.search)
      const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      if (url.pathname === '/api/notices/7') return json({ ...lt, title: 'Pertrauka nukelta', _status: 'draft' })
      if (url.pathname === '/api/notices') return json({ docs: [lt] })
      if (url.pathname === '/api/globals/settings') return json({ cityName: 'Pajūris' })
      if (url.pathname === '/api/consultation-responses/public') return json({})
      return json({ docs: [] })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const previous = process.env.CMS_URL
    process.env.CMS_URL = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    try {
      const live = { locales: snapshot.locales, defaultLocale: snapshot.defaultLocale, siteUrl, timeZone: snapshot.timeZone, types: snapshot.types }
      const doc = (await previewDoc({ authorization: 'JWT staff', collection: 'notices', id: '7', locale: 'lt', live })) as unknown as GenericDoc | null
      expect(doc?.title).toBe('Pertrauka nukelta')
      expect(doc?.url).toBe('/pranesimai/vandens-tiekimo-pertrauka/')
      expect(doc?.bodyHtml).toContain('ZEBRAVANDUO')
      // Other published notices are read only as far as links need (the entry's link fields).
      expect(asked.some((a) => a.startsWith('/api/notices?') && a.includes('select%5Btitle%5D=true'))).toBe(true)
    } finally {
      if (previous === undefined) delete process.env.CMS_URL
      else process.env.CMS_URL = previous
      server.close()
    }
  })
})

describe('the CMS side of an added type', () => {
  it('gets its collection from the registry entry, with the flags’ features', async () => {
    const { collectionFromType } = await import('../../cms/collections/fromRegistry')
    const collection = collectionFromType(notices)
    expect(collection.slug).toBe('notices')
    expect(collection.labels).toEqual({ singular: 'Notice', plural: 'Notices' })
    const fieldNames = (c: { fields: readonly object[] }) => c.fields.map((f) => ('name' in f ? String(f.name) : ''))
    expect(fieldNames(collection)).toEqual(expect.arrayContaining(['title', 'summary', 'body', 'slug', 'publishedAt', 'topics']))
    // previewable: the admin's preview button; drafts and versions come with published content.
    expect(typeof collection.admin?.preview).toBe('function')
    expect(collection.versions).toBeTruthy()
    // The newsletter is a plugin: it gives the editor's "notify subscribers" box to the
    // collections the registry marks notifiable, the way payload.config assembles it.
    expect(fieldNames(collection)).not.toContain('notifySubscribers')
    const withNotices = extendRegistry(registry, [notices])
    expect(withNotices.withFlag('notifiable')).toContain('notices')
    const { newsletterPlugin } = await import('../../cms/plugins/newsletter')
    const notifiable = withNotices.withFlag('notifiable').filter((slug) => !registry.has(slug))
    expect(notifiable).toEqual(['notices'])
    const assembled = await newsletterPlugin({ collections: notifiable })({ collections: [collection] } as Config)
    const notifying = assembled.collections?.find((c) => c.slug === 'notices')
    expect(notifying && fieldNames(notifying)).toContain('notifySubscribers')
    expect(notifying?.hooks?.afterChange?.length).toBeGreaterThan(collection.hooks?.afterChange?.length ?? 0)
  })
})
