/**
 * The fast path re-renders only what a change affects, yet must produce exactly what
 * a full build produces for the same content: both are built here and compared file
 * by file.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../../cms/model/env'
import { payloadSource } from '../../cms/plugins/publishing/localSource'
import { liveBuildDir, publishSite } from '../../site/publisher/publish'
import { buildSite } from '../../site/publisher/siteBuild'
import { exportSnapshot } from '../../site/publisher/export'
import { readRouteScheme, templatesDir } from '../../site/publisher/templates'
import type { Snapshot } from '../../cms/model/snapshot'
import { paragraph, seedDemo, startCms, type TestCms } from '../int/helpers'

let cms: TestCms
let payload: Payload
const work = path.join(rootDir, 'data', `test-fast-${crypto.randomBytes(4).toString('hex')}`)

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue
    const file = path.join(e.parentPath, e.name)
    out.set(path.relative(dir, file), crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'))
  }
  return out
}

/** The same content through the full path gives the same files. */
async function expectSameAsFullBuild(fastDir: string, name: string) {
  const snapshot = JSON.parse(fs.readFileSync(path.join(fastDir, 'snapshot.json'), 'utf8')) as Snapshot
  const fullDir = path.join(work, name)
  await buildSite({ outDir: fullDir, snapshotFile: path.join(work, `${name}.snapshot.json`), snapshot, log: () => {} })
  for (const part of ['client', 'search']) {
    const a = tree(path.join(fastDir, part))
    const b = tree(path.join(fullDir, part))
    const onlyFast = [...a.keys()].filter((k) => !b.has(k))
    const onlyFull = [...b.keys()].filter((k) => !a.has(k))
    const different = [...a.keys()].filter((k) => b.has(k) && a.get(k) !== b.get(k))
    expect({ part, onlyFast, onlyFull, different }).toEqual({ part, onlyFast: [], onlyFull: [], different: [] })
  }
}

beforeAll(async () => {
  cms = await startCms({ env: { ATVIRA_SITE_ROOT: path.join(work, 'root') } })
  payload = cms.payload
  await seedDemo(cms)
  const first = await publishSite({ source: payloadSource(payload), log: () => {} })
  expect(first.mode).toBe('full')
}, 600_000)

afterAll(async () => {
  await cms?.close()
  fs.rmSync(work, { recursive: true, force: true })
})

describe('fast path', () => {
  it('renders only the affected pages and gives the same files as a full build', async () => {
    const liveBefore = liveBuildDir()!
    // Not an article an alert links: the alert names it on every page, so changing it is a full build.
    const alertLinks = (await payload.find({ collection: 'alerts', locale: 'all', limit: 0, pagination: false, overrideAccess: true })).docs.flatMap((a) => Object.values((a.link ?? {}) as Record<string, string | null>).filter((link): link is string => typeof link === 'string'))
    const news = { docs: (await payload.find({ collection: 'news', where: { _status: { equals: 'published' } }, locale: 'all', limit: 20, overrideAccess: true })).docs.filter((d) => !alertLinks.some((link) => Object.values((d.slug ?? {}) as Record<string, string | null>).some((slug) => Boolean(slug) && link.includes(`/${slug}/`)))) }
    await payload.update({ collection: 'news', id: news.docs[0]!.id, data: { title: 'Pakeista antraštė' }, overrideAccess: true })
    await payload.delete({ collection: 'news', id: news.docs[1]!.id, overrideAccess: true })
    await payload.create({
      collection: 'news',
      data: { title: 'Visiškai nauja naujiena', summary: 'Nauja', body: paragraph('Tekstas'), _status: 'published' } as never,
      overrideAccess: true,
    })
    const guide = await payload.find({ collection: 'guides', where: { _status: { equals: 'published' } }, limit: 1, overrideAccess: true })
    await payload.update({ collection: 'guides', id: guide.docs[0]!.id, data: { _status: 'draft' }, overrideAccess: true })
    const service = await payload.find({ collection: 'services', limit: 1, overrideAccess: true })
    await payload.update({ collection: 'services', id: service.docs[0]!.id, data: { email: 'naujas@pajuris.example' }, overrideAccess: true })

    const fast = await publishSite({ source: payloadSource(payload), log: () => {} })
    expect(fast.mode, fast.reason).toBe('fast')
    expect(fast.renderedPages).toBeGreaterThan(0)
    expect(fast.renderedPages!).toBeLessThan(fast.pages / 2)
    const fastDir = fast.buildDir
    expect(fastDir).not.toBe(liveBefore)

    // Only changed documents were read again: the snapshot is the one a full read gives.
    const snapshot = JSON.parse(fs.readFileSync(path.join(fastDir, 'snapshot.json'), 'utf8')) as Snapshot
    const fresh = await exportSnapshot(path.join(work, 'fresh.snapshot.json'), { local: payloadSource(payload), routes: readRouteScheme(templatesDir()) })
    expect({ ...snapshot, generatedAt: '' }).toEqual(JSON.parse(JSON.stringify({ ...fresh, generatedAt: '' })))
    const docs = snapshot.content.lt!.docs
    expect(docs.find((d) => d.id === String(news.docs[0]!.id))?.title).toBe('Pakeista antraštė')
    expect(docs.some((d) => d.title === 'Visiškai nauja naujiena')).toBe(true)
    expect(docs.some((d) => d.collection === 'news' && d.id === String(news.docs[1]!.id))).toBe(false)
    expect(docs.some((d) => d.collection === 'guides' && d.id === String(guide.docs[0]!.id))).toBe(false)

    await expectSameAsFullBuild(fastDir, 'full')
    // The live build before the update was not changed through the shared links.
    expect(fs.readFileSync(path.join(liveBefore, 'client/naujienos/index.html'), 'utf8')).not.toContain('Visiškai nauja naujiena')
  })

  it('keeps the search index of a locale with no change, and still matches a full build', async () => {
    const liveBefore = liveBuildDir()!
    const news = await payload.find({ collection: 'news', where: { _status: { equals: 'published' } }, limit: 1, overrideAccess: true })
    await payload.update({ collection: 'news', id: news.docs[0]!.id, locale: 'lt', data: { title: 'Tik lietuviškai pakeista' }, overrideAccess: true })
    const fast = await publishSite({ source: payloadSource(payload), log: () => {} })
    expect(fast.mode, fast.reason).toBe('fast')
    const inode = (dir: string, file: string) => fs.statSync(path.join(dir, 'search', file)).ino
    expect(inode(fast.buildDir, 'en.json')).toBe(inode(liveBefore, 'en.json'))
    expect(inode(fast.buildDir, 'lt.json')).not.toBe(inode(liveBefore, 'lt.json'))
    await expectSameAsFullBuild(fast.buildDir, 'full-2')
  })

  it('reads a document the live build has no search row for from the snapshot, and still matches a full build', async () => {
    // The list a fast update hands the search process carries only documents new to the
    // live build; a row missing from the live build's terms anyway must not cost the index.
    const termsFile = path.join(liveBuildDir()!, 'search', 'lt.terms.json')
    const rows = JSON.parse(fs.readFileSync(termsFile, 'utf8')) as unknown[][]
    const kept = rows.filter((row) => (row[1] as { type: string }).type !== 'services')
    expect(kept.length).toBeLessThan(rows.length)
    fs.rmSync(termsFile) // not written through: older builds share the file
    fs.writeFileSync(termsFile, JSON.stringify(kept))
    const news = await payload.find({ collection: 'news', where: { _status: { equals: 'published' } }, limit: 1, overrideAccess: true })
    await payload.update({ collection: 'news', id: news.docs[0]!.id, locale: 'lt', data: { title: 'Dar kartą pakeista' }, overrideAccess: true })
    const fast = await publishSite({ source: payloadSource(payload), log: () => {} })
    expect(fast.mode, fast.reason).toBe('fast')
    await expectSameAsFullBuild(fast.buildDir, 'full-3')
  })

  it('re-renders only the section pages and the newest archive pages of the news lists a new article joins', async () => {
    // A topic with exactly ten news: the eleventh starts its archive (a new page appears).
    const topic = await payload.create({ collection: 'topics', locale: 'lt', data: { name: 'Archyvo tema', slug: 'archyvo-tema', _status: 'published' } as never, overrideAccess: true })
    for (let i = 0; i < 10; i++) {
      await payload.create({
        collection: 'news',
        locale: 'lt',
        data: { title: `Temos naujiena ${i}`, summary: 'Santrauka', body: paragraph('Tekstas'), topics: [topic.id], _status: 'published', publishedAt: new Date(Date.UTC(2020, 0, 1 + i)).toISOString() } as never,
        overrideAccess: true,
      })
    }
    expect((await publishSite({ source: payloadSource(payload), log: () => {} })).mode).toBe('full')
    const liveBefore = liveBuildDir()!
    await payload.create({
      collection: 'news',
      locale: 'lt',
      data: { title: 'Naujausia žinia archyvui', summary: 'Santrauka', body: paragraph('Tekstas'), topics: [topic.id], _status: 'published' } as never,
      overrideAccess: true,
    })
    const fast = await publishSite({ source: payloadSource(payload), log: () => {} })
    expect(fast.mode, fast.reason).toBe('fast')
    // Pages written again have new files; the others are hard links to the live build's.
    const lists = (dir: string) =>
      fs
        .readdirSync(path.join(dir, 'client/naujienos'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name === 'index.html')
        .map((e) => path.relative(path.join(dir, 'client'), path.join(e.parentPath, e.name)))
        .filter((f) => /archyvas|^naujienos\/index\.html$|tema\/[^/]+\/index\.html$/.test(f))
    const before = new Map(lists(liveBefore).map((f) => [f, fs.statSync(path.join(liveBefore, 'client', f)).ino]))
    const rewritten = lists(fast.buildDir).filter((f) => before.get(f) !== fs.statSync(path.join(fast.buildDir, 'client', f)).ino)
    const archivePages = lists(fast.buildDir).filter((f) => /^naujienos\/archyvas\//.test(f))
    expect(archivePages.length, 'the demo news fill several archive pages').toBeGreaterThanOrEqual(2)
    const newest = Math.max(...archivePages.map((f) => Number(/archyvas\/(\d+)\//.exec(f)![1])))
    // The section page and its newest archive pages, the topic's page and its new first archive page: nothing else.
    const allowed = new Set(['naujienos/index.html', ...[newest - 1, newest].map((n) => `naujienos/archyvas/${n}/index.html`)])
    expect(rewritten.filter((f) => !f.includes('/tema/') && !allowed.has(f))).toEqual([])
    expect(rewritten).toContain('naujienos/index.html')
    expect(rewritten).not.toContain('naujienos/archyvas/1/index.html')
    expect(rewritten.filter((f) => f.includes('/tema/')).sort()).toEqual(['naujienos/tema/archyvo-tema/archyvas/1/index.html', 'naujienos/tema/archyvo-tema/index.html'])
    await expectSameAsFullBuild(fast.buildDir, 'full-3')
  })

  it('fails before rendering, saying why, when a file the content uses is not in MEDIA_DIR (media on object storage)', async () => {
    const live = liveBuildDir()!
    const snapshot = JSON.parse(fs.readFileSync(path.join(live, 'snapshot.json'), 'utf8')) as Snapshot
    const [publicPath, source] = Object.entries(snapshot.files).find(([p]) => p.startsWith('/media/'))!
    const news = await payload.find({ collection: 'news', where: { _status: { equals: 'published' } }, limit: 1, overrideAccess: true })
    await payload.update({ collection: 'news', id: news.docs[0]!.id, data: { summary: 'Santrauka be failo' }, overrideAccess: true })
    fs.renameSync(source, `${source}.away`)
    try {
      const started = Date.now()
      await expect(publishSite({ source: payloadSource(payload), log: () => {} })).rejects.toThrow(/file\(s\) used by published content are missing.*set CMS_URL/)
      expect(Date.now() - started).toBeLessThan(20_000)
      expect(liveBuildDir()).toBe(live)
      expect(fs.existsSync(path.join(live, 'client', publicPath))).toBe(true)
    } finally {
      fs.renameSync(`${source}.away`, source)
    }
  })

  it('takes the full path when something on every page changes', async () => {
    await payload.updateGlobal({ slug: 'settings', data: { tagline: 'Nauja paantraštė', _status: 'published' }, overrideAccess: true })
    const r = await publishSite({ source: payloadSource(payload), log: () => {} })
    expect(r.mode).toBe('full')
    expect(r.reason).toMatch(/settings/)
  })
})
