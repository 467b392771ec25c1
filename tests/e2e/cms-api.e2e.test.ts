/**
 * The built admin as `npm start` runs it: anonymous REST and GraphQL see published
 * content only, never users, drafts or internal fields; the admin page is served;
 * logins lock after five failures. With the site server built from the same CMS:
 * draft previews, and the hardening suites (tests/e2e/suites/: fuzzing, security
 * headers, rate limits, sign-in throttle, passwords, API keys) against both servers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { spawn } from 'node:child_process'
import fs from 'node:fs'

import { buildCmsIfStale } from '../../scripts/lib/cmsBuild'
import { currentLink, publishSite } from '../../site/publisher/publish'
import { payloadSource } from '../../cms/plugins/publishing/localSource'
import { paragraph, startCms, type TestCms } from '../int/helpers'
import { freePort, startAdminServer, waitFor } from './server'
import { fuzzSuite } from './suites/fuzz'
import { headersSuite } from './suites/headers'
import { limitsSuite } from './suites/limits'

let cms: TestCms
let server: Awaited<ReturnType<typeof startAdminServer>>
const marker = `UNPUBLISHED-${Date.now()}`
const secretNote = `STAFF-ONLY-${Date.now()}`
const ids: Record<string, number | string> = {}
const admin = { email: 'admin@example.test', password: 'a-long-admin-password' }
// The site server, built from this CMS and asking it for previews (started once, below).
const siteRoot = `${process.cwd()}/data/test-preview-${Date.now()}`
let siteUrl: string
let siteLog = ''
let stopSite: (() => Promise<void>) | undefined

beforeAll(async () => {
  // startCms sets the env (secret, database) the admin build needs too.
  cms = await startCms()
  await buildCmsIfStale()
  const { payload } = cms
  await payload.create({
    collection: 'users',
    data: { ...admin, name: 'Admin', role: 'admin' },
    overrideAccess: true,
  })
  await payload.create({
    collection: 'users',
    data: { email: 'locked@example.test', password: 'the-right-password', name: 'Lock', role: 'editor' },
    overrideAccess: true,
  })
  const live = await payload.create({
    collection: 'news',
    data: { title: 'Published story', summary: 'S', body: paragraph('B'), internalNote: secretNote, _status: 'published' } as never,
    overrideAccess: true,
  })
  ids.live = live.id
  ids.draft = (
    await payload.create({
      collection: 'news',
      data: { title: `Draft ${marker}`, summary: 'S', body: paragraph('B'), _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
    })
  ).id
  // A newer unpublished edit of a live document.
  await payload.update({ collection: 'news', id: live.id, data: { title: `Edit ${marker}` }, draft: true, overrideAccess: true })
  for (const collection of ['guides', 'topics', 'alerts', 'pages'] as const) {
    const data: Record<string, unknown> = {
      guides: { title: `Guide ${marker}`, summary: 'S', steps: [{ title: 'x', body: paragraph('y') }] },
      topics: { name: `Topic ${marker}` },
      alerts: { message: `Alert ${marker}`, level: 'info', startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 86_400_000).toISOString() },
      pages: { title: `Page ${marker}`, body: paragraph('B') },
    }[collection]!
    await payload.create({ collection, data: { ...data, _status: 'draft' } as never, draft: true, overrideAccess: true })
  }
  // The default limits, but a per-second burst that this file's own quick sequences from
  // 127.0.0.1 (and the site server's) stay under; the burst rule is checked at this value.
  server = await startAdminServer({ ...process.env, API_BURST_LIMIT: '30' })

  process.env.ATVIRA_SITE_ROOT = siteRoot
  await publishSite({ source: payloadSource(cms.payload), log: () => {} })
  const port = await freePort()
  siteUrl = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/site-server.ts', '--dir', currentLink(), '--port', String(port)], {
    env: { ...process.env, CMS_URL: server.url, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => (siteLog += d))
  child.stderr?.on('data', (d) => (siteLog += d))
  stopSite = () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM'))))
  await waitFor(`${siteUrl}/`)
}, 900_000)

afterAll(async () => {
  await stopSite?.()
  fs.rmSync(siteRoot, { recursive: true, force: true })
  await server?.stop()
  await cms?.close()
})

describe('anonymous REST', () => {
  it('lists published documents only, in every public collection, with and without ?draft=true', async () => {
    for (const collection of ['news', 'guides', 'leaflets', 'handbook', 'services', 'consultations', 'pages', 'topics', 'alerts']) {
      for (const query of ['', '?draft=true', '?draft=true&where[_status][equals]=draft']) {
        const res = await fetch(`${server.url}/api/${collection}${query}`)
        expect(res.status, `${collection}${query}`).toBe(200)
        const text = await res.text()
        expect(text, `${collection}${query}`).not.toContain(marker)
        const body = JSON.parse(text) as { docs: { _status?: string }[] }
        expect(body.docs.every((d) => d._status === 'published')).toBe(true)
      }
    }
    const news = (await (await fetch(`${server.url}/api/news`)).json()) as { docs: { id: unknown; title: string }[] }
    expect(news.docs.map((d) => d.title)).toEqual(['Published story'])
  })

  it('never returns a draft by id, nor internal fields', async () => {
    expect((await fetch(`${server.url}/api/news/${ids.draft}`)).status).toBe(404)
    expect((await fetch(`${server.url}/api/news/${ids.draft}?draft=true`)).status).toBe(404)
    const live = await (await fetch(`${server.url}/api/news/${ids.live}?draft=true`)).text()
    expect(live).toContain('Published story')
    expect(live).not.toContain(secretNote)
    expect(live).not.toContain('internalNote')
  })

  it('refuses users, versions and seed records', async () => {
    expect((await fetch(`${server.url}/api/users`)).status).toBe(403)
    expect((await fetch(`${server.url}/api/news/versions`)).status).toBe(403)
    expect((await fetch(`${server.url}/api/seed-records`)).status).toBe(403)
  })
})

describe('anonymous GraphQL', () => {
  const gql = async (query: string) => {
    const res = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    })
    return { status: res.status, text: await res.text() }
  }

  it('returns published documents only, without internal fields', async () => {
    const res = await gql('{ a: News(draft: true, limit: 100) { docs { id title _status } } b: News { docs { title } } }')
    expect(res.status).toBe(200)
    const body = JSON.parse(res.text) as { data: { a: { docs: { title: string; _status: string }[] } } }
    expect(body.data.a.docs.map((d) => d.title)).toEqual(['Published story'])
    expect(res.text).not.toContain(marker)
    const internal = await gql('{ News { docs { internalNote } } }')
    expect(internal.text).not.toContain(secretNote)
  })

  it('does not give users to the public', async () => {
    const res = await gql('{ Users { docs { email } } }')
    expect(res.text).not.toContain('admin@example.test')
    expect(res.text).toMatch(/not allowed|Forbidden/i)
  })
})

describe('admin and login', () => {
  it('serves the admin login page', async () => {
    const res = await fetch(`${server.url}/admin/login`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<html')
  })

  it('locks an account after 5 failed logins', async () => {
    const login = (password: string) =>
      fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'locked@example.test', password }),
      })
    for (let i = 0; i < 5; i++) expect((await login(`wrong-${i}`)).status).toBe(401)
    const locked = await login('the-right-password')
    expect(locked.status).not.toBe(200)
    expect(await locked.text()).toMatch(/locked/i)
  })
})

describe("the city's identity in Settings, over REST", () => {
  const save = async (token: string, brand: Record<string, string | null>, language: string) =>
    fetch(`${server.url}/api/globals/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, 'accept-language': language },
      // The city's name is required; this CMS was not seeded.
      body: JSON.stringify({ cityName: 'Pajūris', brand }),
    })
  const ok = async (res: Response) => {
    expect(res.status, await res.text()).toBe(200)
  }
  const stored = async () => ((await cms.payload.findGlobal({ slug: 'settings', depth: 0, overrideAccess: true })) as { brand?: { colour?: string | null; colourDark?: string | null } }).brand

  it('refuses a brand colour residents could not read, in the staff language, and keeps the one saved', async () => {
    const login = await fetch(`${server.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) })
    const { token } = (await login.json()) as { token: string }
    await ok(await save(token, { colour: '#005f73', colourDark: '#7ad3e0' }, 'lt'))

    const refused = await save(token, { colour: '#7fa8d0' }, 'lt')
    expect(refused.status).toBe(400)
    const body = (await refused.json()) as { errors: { data?: { errors?: { path: string; message: string }[] } }[] }
    expect(body.errors[0]?.data?.errors).toMatchObject([
      {
        path: 'brand.colour',
        message: 'Spalva #7fa8d0 per šviesi: šviesiame pranešimų fone jos kontrastas tik 2,1:1, o tekstui reikia bent 4,5:1 (WCAG AA). Pasirinkite tamsesnį atspalvį.',
      },
    ])
    const dark = await save(token, { colourDark: '#0b4f8a' }, 'en')
    expect(dark.status).toBe(400)
    expect(JSON.stringify(await dark.json())).toContain('The colour #0b4f8a is too dark: on the dark background of notices its contrast is only 1.5:1')
    expect(await stored()).toMatchObject({ colour: '#005f73', colourDark: '#7ad3e0' })

    await ok(await save(token, { colour: null, colourDark: null }, 'lt'))
    expect(await stored()).toMatchObject({ colour: null, colourDark: null })
  })
})

describe('the site built from a remote CMS (REST content source)', () => {
  it('reads the same published content as the local source, and nothing unpublished', async () => {
    const { restSource } = await import('../../site/publisher/source/rest')
    const { localSource } = await import('../../cms/plugins/publishing/localSource')
    const { buildSnapshot } = await import('../../site/publisher/snapshot')
    const options = { siteUrl: 'https://www.pajuris.example', timeZone: 'Europe/Vilnius', now: new Date() }
    const remote = await buildSnapshot(
      restSource({ url: server.url, cacheDir: `${cms.dir}/rest-cache`, locales: ['lt', 'en'], defaultLocale: 'lt' }),
      options,
    )
    const local = await buildSnapshot(await localSource(cms.payload), options)
    const titles = (s: typeof remote) =>
      Object.fromEntries(Object.entries(s.content).map(([l, c]) => [l, c.docs.map((d) => `${d.collection}:${d.title}`).sort()]))
    expect(titles(remote)).toEqual(titles(local))
    expect(titles(remote).lt).toContain('news:Published story')
    expect(JSON.stringify(remote)).not.toContain(marker)
  })

  it('says clearly when the CMS cannot be reached', async () => {
    const { restSource } = await import('../../site/publisher/source/rest')
    // A closed loopback port.
    const source = restSource({ url: 'http://127.0.0.1:9', cacheDir: `${cms.dir}/x`, locales: ['lt'], defaultLocale: 'lt' })
    await expect(source.published('news', 'lt', false)).rejects.toThrow(/Cannot reach the CMS at http:\/\/127\.0\.0\.1:9.*Check CMS_URL/)
  })
})

describe('draft preview on the site server', () => {
  const related = { title: `Related story ${Date.now()}`, id: '' as number | string, slug: '' }
  const staff = {
    admin,
    editor: { email: 'preview-editor@example.test', password: 'a-long-editor-password' },
    author: { email: 'preview-author@example.test', password: 'a-long-author-password' },
  }
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    for (const role of ['editor', 'author'] as const) {
      await cms.payload.create({ collection: 'users', data: { ...staff[role], name: role, role }, overrideAccess: true })
    }
    // A published article the draft links to: previews resolve links without reading bodies.
    const doc = await cms.payload.create({
      collection: 'news',
      data: { title: related.title, summary: 'Related summary', body: paragraph('Related body'), _status: 'published' } as never,
      overrideAccess: true,
    })
    Object.assign(related, { id: doc.id, slug: String(doc.slug) })
    await cms.payload.update({ collection: 'news', id: ids.draft!, data: { related: [{ relationTo: 'news', value: doc.id }] } as never, draft: true, overrideAccess: true })
    for (const [role, credentials] of Object.entries(staff)) {
      const login = await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credentials),
      })
      tokens[role] = ((await login.json()) as { token: string }).token
    }
  }, 300_000)

  const previewPath = () => `/preview?collection=news&id=${ids.draft}&locale=lt`
  const asStaff = (role: string) => ({ headers: { cookie: `payload-token=${tokens[role]}` } })

  it('refuses anonymous visitors, uncached and unindexed', async () => {
    const res = await fetch(`${siteUrl}${previewPath()}`)
    expect(res.status).toBe(401)
    expect(res.headers.get('cache-control')).toContain('no-store')
    expect(res.headers.get('x-robots-tag')).toContain('noindex')
    const html = await res.text()
    expect(html).not.toContain(marker)
    expect(html).toContain('/admin/login')
    const forged = await fetch(`${siteUrl}${previewPath()}`, { headers: { cookie: 'payload-token=not-a-token' } })
    expect(forged.status).toBe(401)
  })

  for (const role of ['admin', 'editor', 'author'] as const) {
    it(`shows a signed-in ${role} the draft with the site templates, its links resolved`, async () => {
      const res = await fetch(`${siteUrl}${previewPath()}`, asStaff(role))
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toContain('no-store')
      expect(res.headers.get('x-robots-tag')).toContain('noindex')
      const html = await res.text()
      expect(html).toContain(`Draft ${marker}`)
      expect(html).toContain('<meta name="robots" content="noindex">')
      expect(html).toContain('class="preview-banner"')
      expect(html).toContain('href="/atvira.css"')
      // The related article, read without its body, is linked by its title and address.
      expect(html).toContain(related.title)
      expect(html).toContain(`href="/naujienos/${related.slug}/"`)
      expect(html).not.toContain('Related body')
      // The newer draft of a live article; the live page keeps the published text.
      const edit = await fetch(`${siteUrl}/preview?collection=news&id=${ids.live}&locale=lt`, asStaff(role))
      expect(await edit.text()).toContain(`Edit ${marker}`)
    })
  }

  it('is where the CMS preview button and live preview point, for the document and locale edited', async () => {
    const site = new URL(process.env.SITE_URL || 'http://localhost:4321').origin
    // The edit view as the admin renders it for an editor: the preview URLs are in the page.
    const previewUrls = async (locale: string) => {
      // As a browser opens it: the CMS takes a session cookie only from its own pages.
      const page = await (
        await fetch(`${server.url}/admin/collections/news/${ids.draft}?locale=${locale}`, {
          headers: { cookie: `payload-token=${tokens.editor}`, 'sec-fetch-site': 'none' },
        })
      ).text()
      expect(page, 'the edit view, signed in').toContain(staff.editor.email)
      // In the page's data, JSON inside a script: `&` is written \u0026.
      const found = [...page.replace(/\\*u0026|&amp;/g, '&').matchAll(/https?:\/\/[^"\\\s<]*\/preview\?[^"\\\s<]*/g)].map((m) => new URL(m[0]))
      expect(found.length, `a preview URL in the ${locale} edit view`).toBeGreaterThan(0)
      return found
    }
    for (const locale of ['en', 'lt']) {
      for (const url of await previewUrls(locale)) {
        expect([url.origin, url.pathname, Object.fromEntries(url.searchParams)]).toEqual([site, '/preview', { collection: 'news', id: String(ids.draft), locale }])
      }
    }
    // The same functions, for every previewable collection and for live preview.
    const livePreview = cms.payload.config.admin.livePreview!.url as (args: unknown) => string
    for (const collection of ['news', 'guides', 'leaflets', 'handbook', 'services', 'consultations', 'pages', 'topics'] as const) {
      const preview = cms.payload.collections[collection].config.admin.preview as (doc: unknown, options: unknown) => string
      for (const url of [new URL(preview({ id: 42 }, { locale: 'lt' })), new URL(livePreview({ collectionConfig: { slug: collection }, data: { id: 42 }, locale: { code: 'lt' } }))]) {
        expect([url.origin, url.pathname, Object.fromEntries(url.searchParams)]).toEqual([site, '/preview', { collection, id: '42', locale: 'lt' }])
      }
    }
    // Opened on the site by the editor, the URL the CMS gave shows the draft.
    const [fromCms] = await previewUrls('lt')
    const res = await fetch(`${siteUrl}${fromCms!.pathname}${fromCms!.search}`, asStaff('editor'))
    expect(res.status).toBe(200)
    expect(await res.text()).toContain(`Draft ${marker}`)
  })

  it('never writes a draft to the site', async () => {
    const files = fs.readdirSync(siteRoot, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    expect(files.length).toBeGreaterThan(10)
    const leaked = files.filter((e) => fs.readFileSync(`${e.parentPath}/${e.name}`, 'utf8').includes(marker))
    expect(leaked.map((e) => e.name)).toEqual([])
  })
})

// Hardening: one admin server and one site server for all of it (tests/e2e/suites/).
const targets = () => ({ cms, cmsUrl: server.url, siteUrl, cmsLog: server.output, siteLog: () => siteLog, admin })
headersSuite(targets)
limitsSuite(targets)
fuzzSuite(targets)
