/**
 * Publish → live: the job runner (scripts/jobs.ts, as `npm start` runs it) rebuilds
 * the site after every publish; the site server switches to the new build without a
 * restart. A broken template keeps the previous site serving and records the failure.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../../cms/lib/env'
import { publishSite } from '../../scripts/lib/publish'
import { paragraph, startCms, type TestCms } from '../int/helpers'
import { freePort, waitFor } from './server'

let cms: TestCms
let payload: Payload
let siteUrl: string
let editor: Record<string, unknown>
let topicId: number | string
const children: ChildProcess[] = []
let log = ''
// Inside the repository: a build resolves its packages from the repository's node_modules.
const work = path.join(rootDir, 'data', `test-publish-${crypto.randomBytes(4).toString('hex')}`)
const templates = path.join(work, 'site')

function spawnChild(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: rootDir, env, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout?.on('data', (d) => (log += d))
  child.stderr?.on('data', (d) => (log += d))
  children.push(child)
  return child
}

async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 180_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}\n${log.slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 300))
  }
}

const status = async (p: string) => (await fetch(`${siteUrl}${p}`)).status
async function searchUrls(q: string): Promise<string[]> {
  const res = await fetch(`${siteUrl}/api/search.json?locale=lt&q=${encodeURIComponent(q)}`)
  const body = await res.text()
  if (res.status !== 200) throw new Error(`search answered ${res.status}: ${body}\n${log.slice(-3000)}`)
  return (JSON.parse(body) as { hits: { url: string }[] }).hits.map((h) => h.url)
}
const text = async (p: string) => (await fetch(`${siteUrl}${p}`)).text()

async function publishNews(title: string) {
  return payload.create({
    collection: 'news',
    data: { title, summary: `${title} summary`, body: paragraph(`${title} body`), topics: [topicId], _status: 'published' } as never,
    overrideAccess: false,
    user: editor as never,
  })
}

beforeAll(async () => {
  fs.mkdirSync(work, { recursive: true })
  // A copy of the templates, so this test can break one without touching the others.
  fs.cpSync(path.join(rootDir, 'site'), templates, { recursive: true, filter: (src) => !/[/\\](dist|\.astro)$/.test(src) })
  fs.cpSync(path.join(rootDir, 'public'), path.join(work, 'public'), { recursive: true })
  cms = await startCms({
    env: { ATVIRA_SITE_ROOT: path.join(work, 'site-root'), ATVIRA_TEMPLATES_DIR: templates, SITE_BUILD_DEBOUNCE_MS: '300' },
  })
  payload = cms.payload
  editor = (await payload.create({
    collection: 'users',
    data: { email: 'editor@example.test', password: 'editor-password-1', name: 'Editor', role: 'editor' },
    overrideAccess: true,
  })) as never
  await payload.updateGlobal({ slug: 'settings', data: { cityName: 'Pajūris', _status: 'published' }, overrideAccess: true, context: { atviraSeeding: true } })
  topicId = (
    await payload.create({
      collection: 'topics',
      data: { name: 'Transportas', slug: 'transportas', _status: 'published' } as never,
      overrideAccess: true,
      context: { atviraSeeding: true },
    })
  ).id
  await payload.update({ collection: 'topics', id: topicId, locale: 'en', data: { name: 'Transport', slug: 'transport' } as never, overrideAccess: true, context: { atviraSeeding: true } })
  await publishSite({ payload, log: () => {} })

  const port = await freePort()
  siteUrl = `http://127.0.0.1:${port}`
  spawnChild(['scripts/site-server.ts', '--dir', path.join(work, 'site-root', 'current'), '--port', String(port)], process.env)
  spawnChild(['scripts/jobs.ts', '--interval', '200'], process.env)
  await waitFor(`${siteUrl}/`)
}, 300_000)

afterAll(async () => {
  for (const c of children) c.kill('SIGTERM')
  await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))))
  await cms?.close()
  fs.rmSync(work, { recursive: true, force: true })
})

// Each test waits for real builds by the job runner: slow when the machine is busy.
describe('publish → live', { timeout: 240_000 }, () => {
  let slug: string
  let id: number | string

  it('serves a document published through the API, with no manual step', async () => {
    const doc = await publishNews('Naujas autobusų maršrutas į uostą')
    slug = String(doc.slug)
    id = doc.id
    await eventually('the article page', async () => (await status(`/naujienos/${slug}/`)) === 200)
    expect(await text('/naujienos/')).toContain('Naujas autobusų maršrutas į uostą')
    expect(await text('/rss.xml')).toContain(`/naujienos/${slug}/`)
    expect(await text('/sitemap-0.xml')).toContain(`/naujienos/${slug}/`)
    expect(await searchUrls('autobusu marsrutas')).toContain(`/naujienos/${slug}/`)
    const builds = await payload.find({ collection: 'site-builds', where: { status: { equals: 'succeeded' } }, overrideAccess: true })
    expect(builds.docs.length).toBeGreaterThan(0)
    expect(builds.docs[0]!.durationMs).toBeGreaterThan(0)
  })

  it('removes it everywhere when unpublished', async () => {
    await payload.update({ collection: 'news', id, data: { _status: 'draft' }, overrideAccess: false, user: editor as never })
    await eventually('the article gone', async () => (await status(`/naujienos/${slug}/`)) === 404)
    expect(await text('/naujienos/')).not.toContain('Naujas autobusų maršrutas į uostą')
    expect(await text('/rss.xml')).not.toContain(slug)
    expect(await text('/sitemap-0.xml')).not.toContain(slug)
    expect(await searchUrls('autobusu marsrutas')).not.toContain(`/naujienos/${slug}/`)
  })

  it('does not rebuild for drafts and autosaves', async () => {
    const before = (await payload.count({ collection: 'site-builds', overrideAccess: true })).totalDocs
    await payload.create({
      collection: 'news',
      data: { title: 'Juodraštis', summary: 's', body: paragraph('b'), _status: 'draft' } as never,
      draft: true,
      overrideAccess: false,
      user: editor as never,
    })
    await new Promise((r) => setTimeout(r, 1000))
    expect((await payload.count({ collection: 'site-builds', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('coalesces a burst of saves into one or two builds', async () => {
    const before = (await payload.count({ collection: 'site-builds', overrideAccess: true })).totalDocs
    const doc = await publishNews('Skubus pranešimas 0')
    for (let i = 1; i < 20; i++) {
      await payload.update({ collection: 'news', id: doc.id, data: { summary: `Versija ${i}` }, overrideAccess: false, user: editor as never })
    }
    await eventually('the last save live', async () => (await text(`/naujienos/${doc.slug}/`)).includes('Versija 19'))
    const rows = await payload.find({ collection: 'site-builds', sort: '-requestedAt', limit: 100, overrideAccess: true })
    const ofDoc = (r: { changes?: unknown }) => ((r.changes as { id?: unknown }[]) ?? []).filter((c) => String(c.id) === String(doc.id))
    const builds = rows.docs.filter((r) => ofDoc(r).length > 0)
    expect(rows.docs.length - before).toBeLessThanOrEqual(2)
    expect(builds.length).toBeGreaterThanOrEqual(1)
    expect(builds.length).toBeLessThanOrEqual(2)
    expect(builds.flatMap(ofDoc)).toHaveLength(20)
  })

  it('keeps the previous site serving when a build fails, shows the error, and recovers', async () => {
    const footer = path.join(templates, 'src/components/Footer.astro')
    const original = fs.readFileSync(footer, 'utf8')
    fs.writeFileSync(footer, original.replace('---\n', "---\nthrow new Error('TEMPLATE-BROKEN-ON-PURPOSE')\n"))
    try {
      const doc = await publishNews('Straipsnis per sugedusį šabloną')
      const failed = await eventually('a failed build', async () => {
        const r = await payload.find({ collection: 'site-builds', where: { status: { equals: 'failed' } }, overrideAccess: true })
        return r.docs[0]
      })
      expect(failed.error).toContain('TEMPLATE-BROKEN-ON-PURPOSE')
      expect(await status('/')).toBe(200)
      expect(await status(`/naujienos/${doc.slug}/`)).toBe(404)
      fs.writeFileSync(footer, original)
      await payload.update({ collection: 'news', id: doc.id, data: { summary: 'Pataisyta' }, overrideAccess: false, user: editor as never })
      await eventually('recovery', async () => (await status(`/naujienos/${doc.slug}/`)) === 200)
    } finally {
      fs.writeFileSync(footer, original)
    }
  })
})
