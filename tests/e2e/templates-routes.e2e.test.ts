/**
 * A city's templates copy that changes its URL scheme (the news section's segment in
 * both languages, the list page size, in its src/routes.json) is planned, rendered and
 * indexed by its own rules: a fast update gives exactly the files a full build gives.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../../cms/model/env'
import type { Snapshot } from '../../cms/model/snapshot'
import { payloadSource } from '../../cms/plugins/publishing/localSource'
import { liveBuildDir, publishSite } from '../../site/publisher/publish'
import { buildSite } from '../../site/publisher/siteBuild'
import { paragraph, startCms, type TestCms } from '../int/helpers'

let cms: TestCms
let payload: Payload
// Inside the repository: a build resolves its packages from the repository's node_modules.
const work = path.join(rootDir, 'data', `test-routes-${crypto.randomBytes(4).toString('hex')}`)
const templates = path.join(work, 'site')
const seeding = { atviraSeeding: true }

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue
    const file = path.join(e.parentPath, e.name)
    out.set(path.relative(dir, file), crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'))
  }
  return out
}

async function news(title: string, day: number, topic: number | string, context?: Record<string, unknown>) {
  const doc = await payload.create({
    collection: 'news',
    data: { title, summary: `${title} santrauka`, body: paragraph(`${title} tekstas`), topics: [topic], _status: 'published', publishedAt: new Date(Date.UTC(2024, 0, day)).toISOString() } as never,
    overrideAccess: true,
    context,
  })
  await payload.update({ collection: 'news', id: doc.id, locale: 'en', data: { title: `${title} EN`, summary: 'S', body: paragraph('B') } as never, overrideAccess: true, context })
  return doc
}

beforeAll(async () => {
  fs.mkdirSync(work, { recursive: true })
  fs.cpSync(path.join(rootDir, 'site/templates'), templates, { recursive: true, filter: (src) => !/[/\\](dist|\.astro)$/.test(src) })
  fs.writeFileSync(path.join(templates, 'src/routes.json'), JSON.stringify({ pageSize: 3, segments: { lt: { news: 'aktualijos' }, en: { news: 'updates' } } }))
  cms = await startCms({ env: { ATVIRA_SITE_ROOT: path.join(work, 'root'), ATVIRA_TEMPLATES_DIR: templates } })
  payload = cms.payload
  await payload.updateGlobal({ slug: 'settings', data: { cityName: 'Pajūris', _status: 'published' }, overrideAccess: true, context: seeding })
  const topic = await payload.create({ collection: 'topics', data: { name: 'Transportas', slug: 'transportas', _status: 'published' } as never, overrideAccess: true, context: seeding })
  await payload.update({ collection: 'topics', id: topic.id, locale: 'en', data: { name: 'Transport', slug: 'transport' } as never, overrideAccess: true, context: seeding })
  for (let i = 1; i <= 7; i++) await news(`Naujiena ${i}`, i, topic.id, seeding)
  const first = await publishSite({ source: payloadSource(payload), log: () => {} })
  expect(first.mode).toBe('full')
}, 600_000)

afterAll(async () => {
  await cms?.close()
  fs.rmSync(work, { recursive: true, force: true })
})

describe('a templates copy with its own URL scheme', { timeout: 600_000 }, () => {
  it('gets fast updates equal to a full build, under its segments and page size', async () => {
    const client = (p: string) => path.join(liveBuildDir()!, 'client', p)
    // Seven news, three a page: the section page and two archive pages, under the copy's segments.
    expect(fs.existsSync(client('aktualijos/index.html'))).toBe(true)
    expect(fs.existsSync(client('aktualijos/archyvas/2/index.html'))).toBe(true)
    expect(fs.existsSync(client('aktualijos/archyvas/3/index.html'))).toBe(false)
    expect(fs.existsSync(client('en/updates/index.html'))).toBe(true)
    expect(fs.existsSync(client('naujienos'))).toBe(false)

    const topic = (await payload.find({ collection: 'topics', limit: 1, overrideAccess: true })).docs[0]!
    const added = await news('Naujausia naujiena', 20, topic.id)
    const fast = await publishSite({ source: payloadSource(payload), log: () => {} })
    expect(fast.mode).toBe('fast')
    expect(fs.readFileSync(path.join(fast.buildDir, 'client/aktualijos/naujausia-naujiena/index.html'), 'utf8')).toContain('Naujausia naujiena')
    // The section page shows the three newest.
    const front = fs.readFileSync(path.join(fast.buildDir, 'client/aktualijos/index.html'), 'utf8')
    expect(['Naujausia naujiena', 'Naujiena 7', 'Naujiena 6'].every((t) => front.includes(t))).toBe(true)
    expect(front).not.toContain('Naujiena 5<')
    const snapshot = JSON.parse(fs.readFileSync(path.join(fast.buildDir, 'snapshot.json'), 'utf8')) as Snapshot
    expect(snapshot.content.lt!.docs.find((d) => d.id === String(added.id))?.url).toBe('/aktualijos/naujausia-naujiena/')
    // Search finds it at its URL under the copy's segment.
    expect(fs.readFileSync(path.join(fast.buildDir, 'search/lt.json'), 'utf8')).toContain('/aktualijos/naujausia-naujiena/')

    const fullDir = path.join(work, 'full')
    await buildSite({ outDir: fullDir, snapshotFile: path.join(work, 'full.snapshot.json'), snapshot, log: () => {} })
    for (const part of ['client', 'search']) {
      const a = tree(path.join(fast.buildDir, part))
      const b = tree(path.join(fullDir, part))
      const onlyFast = [...a.keys()].filter((k) => !b.has(k))
      const onlyFull = [...b.keys()].filter((k) => !a.has(k))
      const different = [...a.keys()].filter((k) => b.has(k) && a.get(k) !== b.get(k))
      expect({ part, onlyFast, onlyFull, different }).toEqual({ part, onlyFast: [], onlyFull: [], different: [] })
    }
  })
})
