import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../../cms/model/env'
import type { SeedReport } from '../../cms/seed/index'
import { loadContent, SeedValidationError } from '../../cms/seed/load'
import { seedDemo, startCms, type TestCms } from './helpers'

let cms: TestCms
let first: SeedReport
const contentDir = path.join(rootDir, 'content')
const runSeed = (dir = contentDir) => seedDemo(cms, dir)

beforeAll(async () => {
  cms = await startCms()
  first = await runSeed()
})
afterAll(async () => {
  await cms?.close()
})

describe('demo city seed', () => {
  it('loads the whole demo city in both languages', async () => {
    const { payload } = cms
    const count = async (collection: 'news' | 'guides' | 'leaflets' | 'handbook' | 'services' | 'consultations' | 'topics') =>
      (await payload.count({ collection, where: { _status: { equals: 'published' } }, overrideAccess: true })).totalDocs
    expect(await count('news')).toBeGreaterThanOrEqual(30)
    expect(await count('guides')).toBeGreaterThanOrEqual(7)
    expect(await count('leaflets')).toBeGreaterThanOrEqual(6)
    expect(await count('handbook')).toBeGreaterThanOrEqual(40)
    expect(await count('services')).toBeGreaterThanOrEqual(20)
    expect(await count('topics')).toBe(8)
    const consultations = await payload.find({ collection: 'consultations', limit: 100, overrideAccess: true })
    expect(new Set(consultations.docs.map((c) => c.status))).toEqual(new Set(['upcoming', 'open', 'closed', 'outcome']))
    const en = await payload.find({
      collection: 'news',
      locale: 'en',
      fallbackLocale: false,
      where: { _status: { equals: 'published' } },
      limit: 100,
      overrideAccess: true,
    })
    expect(en.docs.length).toBeGreaterThanOrEqual(30)
    expect(en.docs.every((d) => typeof d.title === 'string' && d.title.length > 0)).toBe(true)
    const drafts = await payload.count({ collection: 'news', where: { _status: { equals: 'draft' } }, overrideAccess: true })
    expect(drafts.totalDocs).toBeGreaterThanOrEqual(1)
    const alerts = await payload.find({ collection: 'alerts', where: { _status: { equals: 'published' } }, overrideAccess: true })
    const now = Date.now()
    expect(alerts.docs.filter((a) => Date.parse(a.startsAt) <= now && now < Date.parse(a.endsAt))).toHaveLength(1)
    const settings = await payload.findGlobal({ slug: 'settings', locale: 'en' })
    expect(settings.cityName).toBe('Pajūris')
    // The demo's name in the cases Lithuanian messages need; English declines nothing.
    const lt = await payload.findGlobal({ slug: 'settings', locale: 'lt' })
    expect(lt.cityNameCases).toMatchObject({ genitive: 'Pajūrio', locative: 'Pajūryje' })
    const enOwn = await payload.findGlobal({ slug: 'settings', locale: 'en', fallbackLocale: false })
    expect(enOwn.cityNameCases?.genitive ?? null).toBeNull()
  })

  it('records PDF size, page count and language for leaflets', async () => {
    const leaflets = await cms.payload.find({ collection: 'leaflets', depth: 1, limit: 10, overrideAccess: true })
    expect(leaflets.docs).toHaveLength(6)
    for (const leaflet of leaflets.docs) {
      const pdf = leaflet.pdf as { filesize?: number; pageCount?: number; language?: string; mimeType?: string }
      expect(pdf.mimeType).toBe('application/pdf')
      expect(pdf.filesize).toBeGreaterThan(1000)
      expect(pdf.pageCount).toBeGreaterThanOrEqual(1)
      expect(pdf.language).toBe('lt')
    }
  })

  it('turns links between seed files into internal links', async () => {
    const pages = await cms.payload.find({ collection: 'pages', limit: 50, overrideAccess: true, depth: 0 })
    const bodies = JSON.stringify([...pages.docs.map((p) => p.body)])
    expect(bodies).not.toMatch(/"url":"(news|guides|services|pages|leaflets|handbook|consultations):/)
    const news = await cms.payload.find({ collection: 'news', limit: 100, overrideAccess: true, depth: 0 })
    expect(JSON.stringify(news.docs.map((d) => d.body))).toContain('"linkType":"internal"')
  })

  it('fires no publish side effects: no site update is queued', async () => {
    expect((await cms.payload.count({ collection: 'site-builds', overrideAccess: true })).totalDocs).toBe(0)
    expect((await cms.payload.count({ collection: 'payload-jobs', overrideAccess: true })).totalDocs).toBe(0)
  })

  it('creates one demo staff account per role', async () => {
    const users = await cms.payload.find({ collection: 'users', overrideAccess: true })
    expect(users.docs.map((u) => u.role).sort()).toEqual(['admin', 'author', 'editor'])
    expect(first.users).toHaveLength(3)
    expect(first.users.every((u) => u.created)).toBe(true)
  })

  it('changes nothing on a second run, and says so', async () => {
    expect(first.created.length).toBeGreaterThan(150)
    const before = await cms.payload.find({ collection: 'news', limit: 1, sort: 'id', overrideAccess: true })
    const second = await runSeed()
    expect(second.created).toEqual([])
    expect(second.updated).toEqual([])
    expect(second.unchanged).toBeGreaterThan(150)
    expect(second.users).toHaveLength(3)
    expect(second.users.every((u) => !u.created)).toBe(true)
    const after = await cms.payload.find({ collection: 'news', limit: 1, sort: 'id', overrideAccess: true })
    expect(after.docs[0]!.updatedAt).toBe(before.docs[0]!.updatedAt)
    const versions = await cms.payload.countVersions({ collection: 'news', overrideAccess: true })
    const third = await runSeed()
    expect(third.created.length + third.updated.length).toBe(0)
    expect((await cms.payload.countVersions({ collection: 'news', overrideAccess: true })).totalDocs).toBe(versions.totalDocs)
  })

  it('updates only the file that changed', async () => {
    const dir = path.join(cms.dir, 'content-edit')
    fs.cpSync(contentDir, dir, { recursive: true })
    const file = path.join(dir, 'services', fs.readdirSync(path.join(dir, 'services'))[0]!)
    const data = JSON.parse(fs.readFileSync(file, 'utf8'))
    data.description.en = 'Edited description for the test.'
    fs.writeFileSync(file, JSON.stringify(data, null, 2))
    const report = await runSeed(dir)
    expect(report.created).toEqual([])
    expect(report.updated).toEqual([`services:${path.basename(file, '.json')}`])
  })
})

describe('seed validation', () => {
  function brokenCopy(edit: (dir: string) => void): string {
    const dir = fs.mkdtempSync(path.join(cms.dir, 'broken-'))
    fs.cpSync(contentDir, dir, { recursive: true })
    edit(dir)
    return dir
  }
  const firstFile = (dir: string, folder: string) =>
    path.join(dir, folder, fs.readdirSync(path.join(dir, folder)).sort()[0]!)

  it('reports every problem with its file and field, and writes nothing', async () => {
    const dir = brokenCopy((d) => {
      const service = firstFile(d, 'services')
      const s = JSON.parse(fs.readFileSync(service, 'utf8'))
      s.phones[0].number = 'call us'
      fs.writeFileSync(service, JSON.stringify(s))
      const news = firstFile(d, 'news')
      const n = JSON.parse(fs.readFileSync(news, 'utf8'))
      n.topics = ['no-such-topic']
      fs.writeFileSync(news, JSON.stringify(n))
      const guide = firstFile(d, 'guides')
      const g = JSON.parse(fs.readFileSync(guide, 'utf8'))
      delete g.title.lt
      fs.writeFileSync(guide, JSON.stringify(g))
      fs.writeFileSync(path.join(d, 'pages', 'broken.json'), '{ "title": ')
    })
    const countBefore = (await cms.payload.count({ collection: 'news', overrideAccess: true })).totalDocs
    let error: unknown
    try {
      loadContent(dir, ['lt', 'en'], 'lt')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SeedValidationError)
    const problems = (error as SeedValidationError).problems.join('\n')
    expect(problems).toMatch(/services\/[a-z0-9-]+\.json: field "phones\.0\.number": expected a phone number/)
    expect(problems).toMatch(/guides\/[a-z0-9-]+\.json: field "title\.lt"/)
    expect(problems).toMatch(/pages\/broken\.json: not valid JSON/)
    expect((await cms.payload.count({ collection: 'news', overrideAccess: true })).totalDocs).toBe(countBefore)
  })

  it('reports references to keys that do not exist', () => {
    const dir = brokenCopy((d) => {
      const news = firstFile(d, 'news')
      const n = JSON.parse(fs.readFileSync(news, 'utf8'))
      n.topics = ['no-such-topic']
      n.body.lt += '\n\n[missing](guides:no-such-guide)'
      fs.writeFileSync(news, JSON.stringify(n))
    })
    expect(() => loadContent(dir, ['lt', 'en'], 'lt')).toThrow(/topics\.0": "topics:no-such-topic" does not exist[\s\S]*guides:no-such-guide/)
  })

  it('the CLI exits 1 with the problems and 2 on an unknown flag', () => {
    const dir = brokenCopy((d) => fs.writeFileSync(path.join(d, 'topics.json'), '[{"key": "Bad Key"}]'))
    const tsx = path.join(rootDir, 'node_modules/tsx/dist/cli.mjs')
    const bad = spawnSync(process.execPath, [tsx, 'scripts/seed.ts', '--content', dir], { cwd: rootDir, encoding: 'utf8', env: process.env })
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/topics\.json: field "0\.key"/)
    expect(bad.stderr).toMatch(/Nothing was written/)
    const flag = spawnSync(process.execPath, [tsx, 'scripts/seed.ts', '--bogus'], { cwd: rootDir, encoding: 'utf8', env: process.env })
    expect(flag.status).toBe(2)
    expect(flag.stderr).toMatch(/Usage: npm run seed/)
  })
})
