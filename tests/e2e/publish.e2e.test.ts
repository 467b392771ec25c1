/**
 * Publish → live: the job runner (scripts/jobs.ts, as `npm start` runs it) rebuilds
 * the site after every publish; the site server switches to the new build without a
 * restart. A broken template keeps the previous site serving and records the failure;
 * a runner killed mid-build is recovered by the next one; new templates take a full
 * build.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../../cms/model/env'
import { payloadSource } from '../../cms/plugins/publishing/localSource'
import { requestSiteUpdate } from '../../cms/plugins/publishing/siteUpdates'
import { liveBuildDir, publishSite } from '../../site/publisher/publish'
import { paragraph, startCms, type TestCms } from '../int/helpers'
import { freePort, waitFor } from './server'

let cms: TestCms
let payload: Payload
let siteUrl: string
let editor: Record<string, unknown>
let topicId: number | string
let runner: ChildProcess
const children: ChildProcess[] = []
let log = ''
// Inside the repository: a build resolves its packages from the repository's node_modules.
const work = path.join(rootDir, 'data', `test-publish-${crypto.randomBytes(4).toString('hex')}`)
const templates = path.join(work, 'site')
const siteRoot = path.join(work, 'site-root')
/** The build the site server loaded its on-demand code from (at the first search). */
let handlerBuild: string

function spawnChild(args: string[], env: NodeJS.ProcessEnv, detached = false): ChildProcess {
  // Detached: its own process group, so that killing it takes its build processes too.
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: rootDir, env, stdio: ['ignore', 'pipe', 'pipe'], detached })
  child.stdout?.on('data', (d) => (log += d))
  child.stderr?.on('data', (d) => (log += d))
  children.push(child)
  return child
}
const startRunner = () => spawnChild(['scripts/jobs.ts', '--interval', '200'], process.env, true)

async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 180_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > until) {
      const builds = (await rows()).map((r) => `${r.id} ${r.status} ${r.mode ?? ''} ${r.summary} ${r.error?.slice(0, 800) ?? ''}`)
      throw new Error(`timed out waiting for: ${what}\nsite builds:\n${builds.join('\n')}\n${log.slice(-3000)}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}

const status = async (p: string) => (await fetch(`${siteUrl}${p}`)).status
async function searchUrls(q: string, locale = 'lt'): Promise<string[]> {
  const res = await fetch(`${siteUrl}/api/search.json?locale=${locale}&q=${encodeURIComponent(q)}`)
  const body = await res.text()
  if (res.status !== 200) throw new Error(`search answered ${res.status}: ${body}\n${log.slice(-3000)}`)
  return (JSON.parse(body) as { hits: { url: string }[] }).hits.map((h) => h.url)
}
const text = async (p: string) => (await fetch(`${siteUrl}${p}`)).text()
const rows = async () => (await payload.find({ collection: 'site-builds', sort: 'requestedAt', limit: 500, overrideAccess: true })).docs
const idle = async () => (await rows()).every((r) => r.status !== 'queued' && r.status !== 'running')
const asEditor = () => ({ overrideAccess: false, user: editor as never })

async function publishNews(title: string, en?: string) {
  const doc = await payload.create({
    collection: 'news',
    data: { title, summary: `${title} summary`, body: paragraph(`${title} body`), topics: [topicId], _status: 'published' } as never,
    ...asEditor(),
  })
  if (!en) return doc
  await payload.update({
    collection: 'news',
    id: doc.id,
    locale: 'en',
    data: { title: en, summary: `${en} summary`, body: paragraph(`${en} body`) } as never,
    ...asEditor(),
  })
  return doc
}

function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
}

beforeAll(async () => {
  fs.mkdirSync(work, { recursive: true })
  // A copy of the templates, so this test can change and break them without touching the others.
  fs.cpSync(path.join(rootDir, 'site/templates'), templates, { recursive: true, filter: (src) => !/[/\\](dist|\.astro)$/.test(src) })
  fs.cpSync(path.join(rootDir, 'public'), path.join(templates, 'public'), { recursive: true })
  cms = await startCms({
    env: {
      ATVIRA_SITE_ROOT: siteRoot,
      ATVIRA_TEMPLATES_DIR: templates,
      SITE_BUILD_DEBOUNCE_MS: '300',
      // A runner silent for 5 s is taken for dead (heartbeat every 1.25 s).
      SITE_BUILD_STALE_MS: '5000',
    },
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
  // An article on the topic in both languages, so the topic's pages and feeds exist.
  await payload.create({
    collection: 'news',
    data: { title: 'Senas straipsnis', summary: 'S', body: paragraph('B'), topics: [topicId], _status: 'published' } as never,
    overrideAccess: true,
    context: { atviraSeeding: true },
  }).then((d) => payload.update({ collection: 'news', id: d.id, locale: 'en', data: { title: 'Old story', summary: 'S', body: paragraph('B') } as never, overrideAccess: true, context: { atviraSeeding: true } }))
  await publishSite({ source: payloadSource(payload), log: () => {} })

  const port = await freePort()
  siteUrl = `http://127.0.0.1:${port}`
  spawnChild(['scripts/site-server.ts', '--dir', path.join(siteRoot, 'current'), '--port', String(port)], process.env)
  runner = startRunner()
  await waitFor(`${siteUrl}/`)
  // The first on-demand request loads the server code from the build live now.
  handlerBuild = liveBuildDir()!
  expect(await searchUrls('straipsnis')).toContain('/naujienos/senas-straipsnis/')
}, 300_000)

afterAll(async () => {
  for (const c of children) {
    if (c.exitCode !== null || c.signalCode !== null) continue
    try {
      process.kill(c.spawnargs.includes('scripts/jobs.ts') ? -c.pid! : c.pid!, 'SIGTERM')
    } catch {
      // gone already
    }
  }
  await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)))))
  await cms?.close()
  fs.rmSync(work, { recursive: true, force: true })
})

// Each test waits for real builds by the job runner: slow when the machine is busy.
describe('publish → live', { timeout: 240_000 }, () => {
  let doc: { id: number | string; slug?: unknown }
  let enSlug: string

  it('serves a document published through the API, in both languages, with no manual step', async () => {
    doc = await publishNews('Naujas autobusų maršrutas į uostą', 'New bus route to the port')
    const en = await payload.findByID({ collection: 'news', id: doc.id, locale: 'en', overrideAccess: true })
    enSlug = String(en.slug)
    const slug = String(doc.slug)
    await eventually('the article page', async () => (await status(`/naujienos/${slug}/`)) === 200 && (await status(`/en/news/${enSlug}/`)) === 200)
    for (const [page, expected] of [
      ['/naujienos/', 'Naujas autobusų maršrutas į uostą'],
      ['/naujienos/tema/transportas/', 'Naujas autobusų maršrutas į uostą'],
      ['/rss.xml', `/naujienos/${slug}/`],
      ['/temos/transportas/rss.xml', `/naujienos/${slug}/`],
      ['/sitemap-0.xml', `/naujienos/${slug}/`],
      ['/en/news/', 'New bus route to the port'],
      ['/en/news/topic/transport/', 'New bus route to the port'],
      ['/en/rss.xml', `/en/news/${enSlug}/`],
      ['/en/topics/transport/rss.xml', `/en/news/${enSlug}/`],
      ['/sitemap-0.xml', `/en/news/${enSlug}/`],
    ]) {
      expect(await text(page!), page).toContain(expected)
    }
    expect(await searchUrls('autobusu marsrutas')).toContain(`/naujienos/${slug}/`)
    expect(await searchUrls('bus route', 'en')).toContain(`/en/news/${enSlug}/`)
    const built = (await rows()).find((r) => (r.changes as { id?: unknown }[]).some((c) => String(c.id) === String(doc.id)))!
    expect(built.status).toBe('succeeded')
    expect(built.durationMs).toBeGreaterThan(0)
    expect(built.mode).toBe('fast')
    expect(built.detail).toMatch(/^\d+ of \d+ pages rendered again/)
  })

  it('removes it everywhere when unpublished: pages, lists, topic pages, feeds, sitemap and search, in every language', async () => {
    const slug = String(doc.slug)
    await payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' }, ...asEditor() })
    // Withdrawn, not missing: its addresses say so (410) in both languages.
    await eventually('the article gone', async () => (await status(`/naujienos/${slug}/`)) === 410 && (await status(`/en/news/${enSlug}/`)) === 410)
    for (const page of ['/naujienos/', '/naujienos/tema/transportas/', '/temos/transportas/', '/rss.xml', '/temos/transportas/rss.xml']) {
      const html = await text(page)
      expect(html, page).toContain('Senas straipsnis') // the page is there, without the article
      expect(html, page).not.toContain('Naujas autobusų maršrutas')
      expect(html, page).not.toContain(slug)
    }
    for (const page of ['/en/news/', '/en/news/topic/transport/', '/en/topics/transport/', '/en/rss.xml', '/en/topics/transport/rss.xml']) {
      const html = await text(page)
      expect(html, page).toContain('Old story')
      expect(html, page).not.toContain('New bus route')
      expect(html, page).not.toContain(enSlug)
    }
    for (const page of ['/', '/en/', '/sitemap-0.xml']) {
      const html = await text(page)
      expect(html, page).not.toContain(slug)
      expect(html, page).not.toContain(enSlug)
    }
    expect(await searchUrls('autobusu marsrutas')).not.toContain(`/naujienos/${slug}/`)
    expect(await searchUrls('bus route', 'en')).not.toContain(`/en/news/${enSlug}/`)
  })

  it('does not rebuild or unpublish for a draft save or an autosave of a published article', async () => {
    const live = await publishNews('Paskelbta versija')
    await eventually('the article live', async () => (await status(`/naujienos/${live.slug}/`)) === 200)
    await eventually('no update pending', idle)
    const before = (await rows()).length
    await payload.update({ collection: 'news', id: live.id, data: { title: 'Juodraščio versija' }, draft: true, ...asEditor() })
    await payload.update({ collection: 'news', id: live.id, data: { title: 'Automatinė versija' }, draft: true, autosave: true, ...asEditor() })
    await new Promise((r) => setTimeout(r, 1500))
    expect((await rows()).length).toBe(before)
    const page = await text(`/naujienos/${live.slug}/`)
    expect(page).toContain('Paskelbta versija')
    expect(page).not.toContain('Juodraščio versija')
    expect(page).not.toContain('Automatinė versija')
    expect((await payload.findByID({ collection: 'news', id: live.id, overrideAccess: true }))._status).toBe('published')
  })

  it('coalesces a burst of saves into one or two builds', async () => {
    const before = (await rows()).length
    const burst = await publishNews('Skubus pranešimas 0')
    for (let i = 1; i < 20; i++) {
      await payload.update({ collection: 'news', id: burst.id, data: { summary: `Versija ${i}` }, ...asEditor() })
    }
    await eventually('the last save live', async () => (await text(`/naujienos/${burst.slug}/`)).includes('Versija 19'))
    const all = await rows()
    const ofDoc = (r: { changes?: unknown }) => ((r.changes as { id?: unknown }[]) ?? []).filter((c) => String(c.id) === String(burst.id))
    const builds = all.filter((r) => ofDoc(r).length > 0)
    expect(all.length - before).toBeLessThanOrEqual(2)
    expect(builds.length).toBeGreaterThanOrEqual(1)
    expect(builds.length).toBeLessThanOrEqual(2)
    expect(builds.flatMap(ofDoc)).toHaveLength(20)
  })

  it('gathers every save made while a build runs into one follow-up build', async () => {
    await eventually('no update pending', idle)
    const target = await publishNews('Ilgai redaguojama naujiena')
    const first = await eventually('a running build', async () => (await rows()).find((r) => r.status === 'running'))
    let during = 0
    for (let i = 1; i <= 12; i++) {
      const now = await payload.findByID({ collection: 'site-builds', id: first.id, overrideAccess: true })
      if (now.status !== 'running') break
      await payload.update({ collection: 'news', id: target.id, data: { summary: `Pataisa ${i}` }, ...asEditor() })
      during = i
      await new Promise((r) => setTimeout(r, 250))
    }
    expect(during, 'saves made while the first build ran').toBeGreaterThanOrEqual(2)
    await eventually('the last save live', async () => (await text(`/naujienos/${target.slug}/`)).includes(`Pataisa ${during}`))
    await eventually('no update pending', idle)
    const after = (await rows()).filter((r) => Number(r.id) > Number(first.id))
    expect(after.map((r) => r.status)).toEqual(['succeeded'])
    const summaries = ((after[0]!.changes as { id?: unknown }[]) ?? []).filter((c) => String(c.id) === String(target.id))
    expect(summaries).toHaveLength(during)
  })

  it('records an update that had nothing to render as such, not as a build', async () => {
    await eventually('no update pending', idle)
    const live = liveBuildDir()
    await requestSiteUpdate(payload, { collection: 'settings', operation: 'update', title: 'nothing changed', at: new Date().toISOString() })
    const row = await eventually('the update done', async () => (await rows()).find((r) => r.summary?.includes('nothing changed') && r.status === 'succeeded'))
    expect([row.mode, row.detail]).toEqual(['none', 'Nothing to render: the live site already shows this content.'])
    expect(liveBuildDir()).toBe(live)
  })

  it('keeps the previous site serving when a build fails, records the error for staff, and recovers', async () => {
    const footer = path.join(templates, 'src/components/Footer.astro')
    const original = fs.readFileSync(footer, 'utf8')
    fs.writeFileSync(footer, original.replace('---\n', "---\nthrow new Error('TEMPLATE-BROKEN-ON-PURPOSE')\n"))
    try {
      const broken = await publishNews('Straipsnis per sugedusį šabloną')
      const failed = await eventually('a failed build', async () => (await rows()).find((r) => r.status === 'failed'))
      expect(failed.error).toContain('TEMPLATE-BROKEN-ON-PURPOSE')
      expect(failed.durationMs).toBeGreaterThan(0)
      expect(failed.finishedAt).toBeTruthy()
      expect((failed.changes as { id?: unknown; operation: string }[]).map((c) => [String(c.id), c.operation])).toContainEqual([String(broken.id), 'publish'])
      expect(await status('/')).toBe(200)
      expect(await status(`/naujienos/${broken.slug}/`)).toBe(404)
      fs.writeFileSync(footer, original)
      await payload.update({ collection: 'news', id: broken.id, data: { summary: 'Pataisyta' }, ...asEditor() })
      await eventually('recovery', async () => (await status(`/naujienos/${broken.slug}/`)) === 200)
    } finally {
      fs.writeFileSync(footer, original)
    }
  })

  it('recovers when the job runner is killed in the middle of a build', async () => {
    await eventually('no update pending', idle)
    const doc = await publishNews('Straipsnis, kurio statyba nutrūko')
    const running = await eventually('a running build', async () => (await rows()).find((r) => r.status === 'running'))
    // Killed with its build processes, without a chance to say anything.
    process.kill(-runner.pid!, 'SIGKILL')
    await new Promise((r) => runner.once('exit', r))
    expect((await payload.findByID({ collection: 'site-builds', id: running.id, overrideAccess: true })).status).toBe('running')
    // A save now: it must not be stuck behind the dead update.
    await payload.update({ collection: 'news', id: doc.id, data: { summary: 'Po nutrūkimo' }, ...asEditor() })
    runner = startRunner()
    await eventually('the article live', async () => (await text(`/naujienos/${doc.slug}/`)).includes('Po nutrūkimo'))
    const dead = await payload.findByID({ collection: 'site-builds', id: running.id, overrideAccess: true })
    expect(dead.status).toBe('failed')
    expect(dead.error).toMatch(/job runner stopped during this update.*live site was not changed/)
    await eventually('no update pending', idle)
  })

  it('keeps the build the site server loaded its on-demand code from, however many builds followed', async () => {
    const builds = path.join(siteRoot, 'builds')
    const made = (await rows()).filter((r) => r.status === 'succeeded' && r.mode !== 'none').length
    expect(made, 'builds since the server loaded its code').toBeGreaterThanOrEqual(5)
    // Old builds are removed in the background after each switch.
    await eventually('old builds pruned', async () => fs.readdirSync(builds).filter((n) => !n.includes('.')).length <= 5)
    // Routes whose code was never loaded yet: their chunks are read from that build now.
    const preview = await fetch(`${siteUrl}/preview?collection=news&id=1&locale=lt`)
    expect(preview.status).toBe(401)
    expect(await preview.text()).toContain('/admin/login')
    expect(await status('/naujienlaiskis')).toBe(200)
    expect(fs.existsSync(path.join(handlerBuild, 'server/entry.mjs'))).toBe(true)
  })

  it('takes a full build when the templates change, and the change is on every page', async () => {
    await eventually('no update pending', idle)
    // The skip link's text: on every page, the 404 page too.
    const marker = `TEMPLATE-CHANGED-${crypto.randomBytes(3).toString('hex')}`
    for (const file of ['src/layouts/Base.astro', 'src/pages/404.astro']) {
      const source = path.join(templates, file)
      fs.writeFileSync(source, fs.readFileSync(source, 'utf8').replace(/(<a class="skip" href="#main">\{t\([^)]*\)\})/, `$1 ${marker}`))
    }
    const changed = await publishNews('Straipsnis su nauju šablonu')
    const row = await eventually('the update done', async () =>
      (await rows()).find((r) => (r.changes as { id?: unknown }[]).some((c) => String(c.id) === String(changed.id)) && r.status !== 'queued' && r.status !== 'running'),
    )
    expect([row.status, row.mode, row.detail]).toEqual(['succeeded', 'full', expect.stringMatching(/^Full build: templates changed/)])
    const pages = htmlFiles(path.join(liveBuildDir()!, 'client'))
    expect(pages.length).toBeGreaterThan(20)
    const without = pages.filter((f) => !fs.readFileSync(f, 'utf8').includes(marker))
    expect(without.map((f) => path.relative(liveBuildDir()!, f))).toEqual([])
    expect(await text(`/naujienos/${changed.slug}/`)).toContain(marker)
  })
})
