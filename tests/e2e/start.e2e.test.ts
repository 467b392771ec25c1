/**
 * `npm start` as a newcomer runs it, on a throwaway installation (database, site root,
 * media and demo logins in a temporary folder; the built admin is reused): the first
 * start migrates, seeds, builds and serves everything (the admin in the browser's
 * language); Ctrl-C stops every process; a
 * second start builds nothing; Ctrl-C during a build leaves its row "stopped"; a build
 * that fails while a good one is live only warns. Within the first start: files are
 * owner-only, a search index lost from the live build answers 503 and is rebuilt, a
 * database another process keeps locked answers 503 and a shorter lock is waited out,
 * and every child killed with SIGKILL comes back while the others keep serving.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'

import { rootDir } from '../../cms/model/env'
import { cmsBuildIsFresh } from '../../scripts/lib/cmsBuild'
import { paragraph } from '../int/helpers'
import { holdWriteLock } from '../support/holdLock'
import { launchBrowser, loopbackContext } from './browser'
import { freePort } from './server'

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-start-'))
const dbFile = path.join(work, 'atvira.db')
const siteRoot = path.join(work, 'site')
const credentials = path.join(work, 'demo-credentials.json')
let cmsUrl: string
let siteUrl: string
type Env = Record<string, string | undefined>
let env: Env
const running: ChildProcess[] = []

type Started = { child: ChildProcess; output: () => string; readyMs: number }

/** `npm start` in its own process group, as a terminal runs it (Ctrl-C reaches the whole group). */
async function start(extra: Env = {}): Promise<Started> {
  const began = Date.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: rootDir,
    env: { ...env, ...extra } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  running.push(child)
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start was not ready within 15 minutes:\n${output.slice(-4000)}`)),
      900_000,
    )
    const check = () => {
      if (output.includes('Atvira is running')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm start exited (${code}) before it was ready:\n${output.slice(-4000)}`))
    })
  })
  return { child, output: () => output, readyMs: Date.now() - began }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

/** Ctrl-C: SIGINT to the whole group. Resolves with the exit code once no process of the group is left. */
async function ctrlC(s: Started): Promise<number | null> {
  const exited = new Promise<number | null>((r) => s.child.once('exit', (code) => r(code)))
  process.kill(-s.child.pid!, 'SIGINT')
  const code = await exited
  expect(s.output(), 'every process stopped by itself').not.toContain('did not stop within')
  const until = Date.now() + 5000
  while (groupAlive(s.child.pid!) && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
  return code
}

async function login(role: 'admin' | 'editor'): Promise<string> {
  const users = JSON.parse(fs.readFileSync(credentials, 'utf8')) as { email: string; role: string; password: string }[]
  const user = users.find((u) => u.role === role)!
  const res = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  })
  expect(res.status).toBe(200)
  return `JWT ${((await res.json()) as { token: string }).token}`
}

/** An admin view (the dashboard unless `view` says) as a signed-in member of staff sees it in a browser set to `locale`. */
type AdminView = { path: string; ready: string; act?: (page: Page) => Promise<void> }
async function adminView(auth: string, locale: string, view: AdminView = { path: '/admin', ready: 'nav' }): Promise<{ lang: string | null; text: string }> {
  const browser = await launchBrowser()
  try {
    const { context, blocked } = await loopbackContext(browser, { locale })
    await context.addCookies([{ name: 'payload-token', value: auth.replace(/^JWT /, ''), url: cmsUrl }])
    const page = await context.newPage()
    const res = await page.goto(`${cmsUrl}${view.path}`, { waitUntil: 'domcontentloaded' })
    expect(res?.status()).toBe(200)
    await page.locator(view.ready).first().waitFor()
    const seen = { lang: await page.locator('html').getAttribute('lang'), text: await page.locator('body').innerText() }
    await view.act?.(page)
    expect(blocked).toEqual([])
    return seen
  } finally {
    await browser.close()
  }
}

type Row = {
  id: number
  status: string
  mode?: string
  summary?: string
  durationMs?: number
  changes?: unknown[]
  error?: string
  detail?: string
}
async function siteBuilds(auth: string): Promise<Row[]> {
  const res = await fetch(`${cmsUrl}/api/site-builds?limit=100&sort=-requestedAt&depth=0`, {
    headers: { authorization: auth },
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { docs: Row[] }).docs
}

async function publish(auth: string, title: string): Promise<{ id: number; slug: string }> {
  const res = await fetch(`${cmsUrl}/api/news?locale=lt`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth },
    body: JSON.stringify({ title, summary: `${title}.`, body: paragraph(`${title}.`), _status: 'published' }),
  })
  const body = (await res.json()) as { doc: { id: number; slug: string } }
  expect(res.status, JSON.stringify(body)).toBe(201)
  return body.doc
}

async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  s: Started,
  timeoutMs = 240_000,
): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check().catch(() => undefined)
    if (value) return value
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}\n${s.output().slice(-4000)}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** The processes npm start runs, by name, from their command lines (children of its pid). */
function childrenOf(pid: number): Record<'cms' | 'site' | 'jobs' | 'dispatch', number | undefined> {
  const found: Record<string, number> = {}
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid !== pid) continue
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8')
      const name = cmd.includes('site-server.ts')
        ? 'site'
        : cmd.includes('jobs.ts')
          ? 'jobs'
          : cmd.includes('dispatch.ts')
            ? 'dispatch'
            : cmd.includes('next')
              ? 'cms'
              : null
      if (name) found[name] = Number(entry)
    } catch {
      // gone meanwhile
    }
  }
  return found as never
}

const serves = async (url: string) => (await fetch(url).catch(() => null))?.status === 200

/** Stops a start a failed assertion left running, so the next test has its ports. */
async function stopIfRunning(s: Started | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null || s.child.signalCode !== null) return
  const exited = new Promise((r) => s.child.once('exit', r))
  process.kill(-s.child.pid!, 'SIGKILL')
  await exited
}

const builds = () =>
  fs.existsSync(path.join(siteRoot, 'builds'))
    ? fs
        .readdirSync(path.join(siteRoot, 'builds'))
        .filter((n) => !n.includes('.'))
        .sort()
    : []

beforeAll(async () => {
  const port = await freePort()
  const sitePort = await freePort()
  cmsUrl = `http://127.0.0.1:${port}`
  siteUrl = `http://127.0.0.1:${sitePort}`
  const { NODE_ENV: _mode, ATVIRA_TEMPLATES_DIR: _templates, VITEST: _vitest, ...inherited } = process.env as Env
  env = {
    ...inherited,
    PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
    DATABASE_URL: `file:${dbFile}`,
    ATVIRA_SITE_ROOT: siteRoot,
    MEDIA_DIR: path.join(work, 'media'),
    ATVIRA_DEMO_CREDENTIALS: credentials,
    PORT: String(port),
    SITE_PORT: String(sitePort),
    SITE_HOST: '127.0.0.1',
    PAYLOAD_PUBLIC_SERVER_URL: cmsUrl,
    SITE_URL: siteUrl,
    SITE_BUILD_DEBOUNCE_MS: '300',
    JOBS_INTERVAL_MS: '300',
    SMTP_URL: '',
    CMS_URL: '',
    // Short, so the lock test below is quick; the default is 10 s.
    DATABASE_LOCK_WAIT_MS: '2500',
  }
}, 60_000)

afterAll(async () => {
  for (const c of running) {
    if (c.exitCode === null && c.signalCode === null) {
      try {
        process.kill(-c.pid!, 'SIGKILL')
      } catch {
        // gone
      }
    }
  }
  fs.rmSync(work, { recursive: true, force: true })
})

describe('npm start', { timeout: 900_000 }, () => {
  it('on an empty database: migrates, seeds, builds, serves the CMS and the site, runs the job runner, prints URLs and logins', async () => {
    const s = await start()
    try {
      const out = s.output()
      for (const line of [
        'Applying database migrations',
        'The database is empty: loading the demo city',
        'Full build (no live build)',
        'Site built',
      ]) {
        expect(out, line).toContain(line)
      }
      expect(out).toContain(`Public site: ${siteUrl}/`)
      expect(out).toContain(`CMS admin:   ${cmsUrl}/admin`)
      for (const u of JSON.parse(fs.readFileSync(credentials, 'utf8')) as { email: string; password: string }[]) {
        expect(out).toMatch(new RegExp(`${u.email.replace('.', '\\.')}\\s+${u.password}`))
      }
      expect((await fetch(`${cmsUrl}/admin`)).status).toBe(200)
      const home = await fetch(`${siteUrl}/`)
      expect(home.status).toBe(200)
      expect(await home.text()).toContain('Pajūris')
      // On-demand code of a build outside the installation folder finds its packages.
      expect((await fetch(`${siteUrl}/api/search.json?locale=lt&q=pajuris`)).status).toBe(200)

      // Staff read the build status over REST; the public does not.
      const editor = await login('editor')

      // The admin speaks the editor's browser's language: Payload's own words and ours.
      const lt = await adminView(editor, 'lt-LT')
      expect(lt.lang).toBe('lt')
      expect(lt.text).toContain('Prietaisų skydelis')
      for (const name of ['Naujienos', 'Paslaugos', 'Konsultacijos', 'Turinys']) expect(lt.text, name).toContain(name)
      expect(lt.text).not.toMatch(/\bDashboard\b/)
      const en = await adminView(editor, 'en-GB')
      expect(en.lang).toBe('en')
      expect(en.text).toContain('Dashboard')
      for (const name of ['News', 'Services', 'Consultations', 'Content']) expect(en.text, name).toContain(name)
      // Account → the interface settings in Lithuanian, the content language named in it, and nothing says "Payload".
      const account = await adminView(editor, 'lt-LT', { path: '/admin/account', ready: 'form' })
      expect(account.text).toContain('Sąsajos nustatymai')
      expect(account.text).toMatch(/Turinio kalba:\s*lietuvių/)
      expect(account.text).not.toContain('Payload')
      const rows = await siteBuilds(editor)
      expect(rows.map((r) => [r.status, r.mode, r.summary])).toEqual([
        ['succeeded', 'full', 'npm start: no live build'],
      ])
      expect(rows[0]!.durationMs).toBeGreaterThan(0)
      expect((await fetch(`${cmsUrl}/api/site-builds`)).status).toBe(403)
      // Jobs run in the job runner only, never through REST, not even for an admin.
      expect(
        (await fetch(`${cmsUrl}/api/payload-jobs/run?queue=site`, { headers: { authorization: await login('admin') } }))
          .status,
      ).toBe(401)

      // The job runner puts what is published live.
      const doc = await publish(editor, 'Paleidimo bandymas')
      // Its edit view: the rich text has a fixed toolbar of labelled buttons.
      // Its sidebar says when the site will show it, then links the live page, without a reload.
      let box = ''
      const edit = await adminView(editor, 'lt-LT', {
        path: `/admin/collections/news/${doc.id}`,
        ready: '.atvira-site-box',
        act: async (page) => {
          await page.locator('.fixed-toolbar').first().waitFor()
          await page.locator(`.atvira-site-box a[href="${siteUrl}/naujienos/${doc.slug}/"]`).waitFor({ timeout: 180_000 })
          box = await page.locator('.atvira-site-box').innerText()
        },
      })
      expect(edit.lang).toBe('lt')
      expect(edit.text).toContain('Paleidimo bandymas')
      // Its fields are named in Lithuanian; a localized one is marked with its language's code.
      for (const label of ['Pavadinimas', 'Santrauka', 'Adreso dalis', 'Temos']) expect(edit.text, label).toContain(label)
      expect(edit.text).not.toMatch(/\b(Title|Summary|Slug)\b/)
      expect(edit.text).toMatch(/— lt\b/i)
      expect(edit.text).not.toContain('— Lietuvių')
      expect(edit.text).toContain('Svetainėje')
      expect(edit.text).toMatch(/Svetainė pakeitimą parodys maždaug po \d+ s\.|\/naujienos\//)
      expect(box).toContain(`${siteUrl}/naujienos/${doc.slug}/ (LT)`)
      expect(box).not.toContain('maždaug po')
      await eventually(
        'the article live',
        async () => (await fetch(`${siteUrl}/naujienos/${doc.slug}/`)).status === 200,
        s,
      )

      // Owner-only, whatever the umask: the database and the uploads the seed made.
      expect(fs.statSync(dbFile).mode & 0o777).toBe(0o600)
      expect(fs.statSync(path.join(work, 'media')).mode & 0o777).toBe(0o700)
      const uploads = fs.readdirSync(path.join(work, 'media/images'))
      expect(uploads.length).toBeGreaterThan(0)
      for (const f of uploads) expect(fs.statSync(path.join(work, 'media/images', f)).mode & 0o777, f).toBe(0o600)

      // A search index lost from the live build: the API says 503 like the page (400 only
      // for a locale that is not configured), and the next update builds it all again.
      const liveDir = fs.realpathSync(path.join(siteRoot, 'current'))
      fs.rmSync(path.join(liveDir, 'search/en.json'))
      const lost = await fetch(`${siteUrl}/api/search.json?locale=en&q=port`)
      expect(lost.status).toBe(503)
      expect(((await lost.json()) as { error: string }).error).toBe('Search is not available right now. Please try again later.')
      expect((await fetch(`${siteUrl}/en/search?q=port`)).status).toBe(503)
      expect((await fetch(`${siteUrl}/api/search.json?locale=xx&q=port`)).status).toBe(400)
      await publish(editor, 'Paieškos atstatymas')
      await eventually('the en search back', async () => (await fetch(`${siteUrl}/api/search.json?locale=en&q=port`)).status === 200, s)
      const rebuilt = (await siteBuilds(editor)).find((r) => r.status === 'succeeded' && r.mode === 'full' && r.detail?.includes('the live build is incomplete'))
      expect(rebuilt?.detail, JSON.stringify(await siteBuilds(editor))).toContain('the search index for "en" is missing')

      // Another process holds the write lock for longer than DATABASE_LOCK_WAIT_MS (2.5 s):
      // the save answers 503 with what to do; a shorter lock is waited out.
      const rename = (title: string) =>
        fetch(`${cmsUrl}/api/news/${doc.id}?locale=lt`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', authorization: editor },
          body: JSON.stringify({ title }),
        })
      const long = await holdWriteLock(dbFile, 8000)
      let began = Date.now()
      const refused = await rename('Užrakinta')
      const refusedMs = Date.now() - began
      const refusal = (await refused.json()) as { errors: { message: string }[] }
      long.release()
      await long.released
      expect(refused.status, JSON.stringify(refusal)).toBe(503)
      expect(refusedMs).toBeGreaterThanOrEqual(2400)
      expect(refusal.errors[0]!.message).toMatch(/^Duomenų bazė užrakinta: kitas procesas .* \/ The database is locked: another process .* Nothing was saved: wait a few seconds and try again/)
      const short = await holdWriteLock(dbFile, 1200)
      began = Date.now()
      const saved = await rename('Palaukta')
      const savedMs = Date.now() - began
      await short.released
      expect(saved.status, await saved.clone().text()).toBe(200)
      expect(savedMs).toBeGreaterThan(700)
      console.log(`Locked database: refused after ${refusedMs} ms (limit 2500); a 1.2 s lock waited out, saved in ${savedMs} ms.`)
      // Nothing crashed meanwhile, and the lock is not kept by the CMS afterwards.
      expect(s.output()).not.toMatch(/was killed|exited \(code/)
      expect((await rename('Paleidimo bandymas')).status).toBe(200)

      // An article with a newer draft, unpublished over REST: the site stops showing it
      // (the draft must not hide that it was live).
      const drafted = await publish(editor, 'Juodraštis virš gyvo')
      await eventually('the drafted article live', async () => (await fetch(`${siteUrl}/naujienos/${drafted.slug}/`)).status === 200, s)
      const patch = (query: string, data: object) =>
        fetch(`${cmsUrl}/api/news/${drafted.id}?locale=lt${query}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: editor }, body: JSON.stringify(data) })
      // Its address changes first: the old one leads to the new one, campaign query kept.
      const renamed = `${drafted.slug}-nauja`
      expect((await patch('', { slug: renamed, _status: 'published' })).status).toBe(200)
      const moved = await eventually(
        'the old address redirecting',
        async () => {
          const res = await fetch(`${siteUrl}/naujienos/${drafted.slug}/?utm_source=qr`, { redirect: 'manual' })
          return res.status === 301 && res
        },
        s,
      )
      expect(moved.headers.get('location')).toBe(`/naujienos/${renamed}/?utm_source=qr`)
      expect((await patch('&draft=true', { title: 'Juodraštis virš gyvo (taisoma)' })).status).toBe(200)
      expect((await patch('', { _status: 'draft' })).status).toBe(200)
      // Withdrawn (the default): both addresses say so, in Lithuanian, and link the news.
      for (const address of [renamed, drafted.slug]) {
        const gone = await eventually(`${address} answering 410`, async () => {
          const res = await fetch(`${siteUrl}/naujienos/${address}/`, { redirect: 'manual' })
          return res.status === 410 && res
        }, s)
        const html = await gone.text()
        expect(html).toContain('<html lang="lt"')
        expect(html).toContain('Šis puslapis pašalintas')
        expect(html).toContain('href="/naujienos/"')
      }

      // Unpublished in the Lithuanian admin: the confirmation says what its address will do,
      // and the address then says so.
      const retired = await publish(editor, 'Nebeskelbiama administravime')
      await eventually('the article to retire live', async () => (await fetch(`${siteUrl}/naujienos/${retired.slug}/`)).status === 200, s)
      let confirmation = ''
      await adminView(editor, 'lt-LT', {
        path: `/admin/collections/news/${retired.id}`,
        ready: '.doc-controls__dots',
        act: async (page) => {
          await page.locator('.doc-controls__dots').click()
          await page.locator('#action-unpublish').click()
          const modal = page.locator('.confirmation-modal')
          await modal.waitFor()
          confirmation = await modal.innerText()
          await page.locator('#confirm-action').click()
          await page.getByText('Sėkmingai nepaskelbta.').first().waitFor({ timeout: 20_000 })
        },
      })
      expect(confirmation).toContain('pašalintas (410)')
      await eventually('the retired article answering 410', async () => (await fetch(`${siteUrl}/naujienos/${retired.slug}/`)).status === 410, s)

      // kill -9 of each child in turn: the others keep serving, the killed one comes back.
      const pids = childrenOf(s.child.pid!)
      expect(Object.keys(pids).sort()).toEqual(['cms', 'dispatch', 'jobs', 'site'])
      const names = { cms: 'The CMS', site: 'The site server', jobs: 'The job runner', dispatch: 'The newsletter dispatcher' } as const
      for (const which of ['site', 'cms', 'jobs', 'dispatch'] as const) {
        // The job runner is killed between builds (one killed mid-build is recovered, slowly: SITE_BUILD_STALE_MS).
        if (which === 'jobs') await eventually('no build running', async () => !(await siteBuilds(editor)).some((r) => r.status === 'running' || r.status === 'queued'), s)
        const pid = childrenOf(s.child.pid!)[which]!
        const killedAt = Date.now()
        process.kill(pid, 'SIGKILL')
        await eventually(`${names[which]} reported`, async () => s.output().includes(`${names[which]} was killed (SIGKILL)`), s, 10_000)
        // The others serve while it is down (and the restart is still pending).
        if (which !== 'site') expect(await serves(`${siteUrl}/`), `the site while ${which} is down`).toBe(true)
        if (which !== 'cms') expect(await serves(`${cmsUrl}/api/globals/settings`), `the CMS while ${which} is down`).toBe(true)
        await eventually(`${names[which]} restarted`, async () => s.output().includes(`${names[which]} started again (restart 1`), s, 20_000)
        const again = childrenOf(s.child.pid!)[which]
        expect(again).toBeDefined()
        expect(again).not.toBe(pid)
        if (which === 'site') await eventually('the site back', () => serves(`${siteUrl}/`), s, 60_000)
        if (which === 'cms') await eventually('the CMS back', () => serves(`${cmsUrl}/api/globals/settings`), s, 120_000)
        console.log(`kill -9 ${names[which]}: back in ${((Date.now() - killedAt) / 1000).toFixed(1)} s`)
      }
      expect(s.output()).toMatch(/The site server was killed \(SIGKILL\) after [\d.]+ s; the others go on\. Restarting it in 1 s \(at \d\d:\d\d:\d\d\)\./)
      // The restarted job runner builds what is published; the restarted dispatcher runs.
      const afterKills = await publish(await login('editor'), 'Po perkrovimo')
      await eventually('published after the restarts', async () => (await fetch(`${siteUrl}/naujienos/${afterKills.slug}/`)).status === 200, s)
      await new Promise((r) => setTimeout(r, 2000))
      expect(childrenOf(s.child.pid!).dispatch).toBeDefined()
      expect(s.output().split('No SMTP_URL: emails are written').length - 1).toBe(2)

      expect(await ctrlC(s)).toBe(0)
      expect(s.output()).toContain('Stopped.')
      expect(groupAlive(s.child.pid!), 'a process of npm start is left').toBe(false)
    } finally {
      await stopIfRunning(s)
    }
  })

  it('a second start builds nothing and is quick; Ctrl-C during a build stops it cleanly and says so', async () => {
    const before = builds()
    // Sources edited since the first start (in a working tree shared with others) rightly rebuild the admin.
    const adminFresh = cmsBuildIsFresh()
    const s = await start()
    let row: Row
    try {
      console.log(
        `Second npm start ready in ${(s.readyMs / 1000).toFixed(1)} s (nothing to build${adminFresh ? '' : ' but the admin, whose sources changed meanwhile'}).`,
      )
      const out = s.output()
      if (adminFresh) {
        expect(out).toContain('The CMS admin is up to date: nothing to build.')
        expect(out).not.toContain('Building the CMS admin')
      } else expect(out).toContain('Building the CMS admin')
      expect(out).toContain('The public site is up to date: nothing to build.')
      expect(out).not.toContain('loading the demo city')
      expect(out).not.toMatch(/Full build|Fast update/)
      expect(builds()).toEqual(before)
      expect((await fetch(`${siteUrl}/`)).status).toBe(200)

      const editor = await login('editor')
      await publish(editor, 'Nutraukta statyba')
      row = await eventually(
        'a running build',
        async () => (await siteBuilds(editor)).find((r) => r.status === 'running'),
        s,
      )
      expect(await ctrlC(s)).toBe(0)
      expect(groupAlive(s.child.pid!), 'a process of npm start is left (a build process?)').toBe(false)
    } finally {
      await stopIfRunning(s)
    }

    const db = createClient({ url: `file:${dbFile}` })
    try {
      const stopped = (await db.execute({ sql: 'select status, error from site_builds where id = ?', args: [row.id] }))
        .rows[0]!
      expect(stopped.status).toBe('stopped')
      expect(String(stopped.error)).toMatch(/^Stopped: the job runner was stopped during the build/)
      expect((await db.execute("select count(*) as n from site_builds where status = 'running'")).rows[0]!.n).toBe(0)
      // Queued again, for the next runner.
      expect((await db.execute("select count(*) as n from site_builds where status = 'queued'")).rows[0]!.n).toBe(1)
    } finally {
      db.close()
    }
  })

  it('when the site cannot be built but a good build is live, warns and goes on serving it', async () => {
    // A city's own templates, broken: outside the site root, with the packages beside them.
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-templates-'))
    try {
      fs.symlinkSync(path.join(rootDir, 'node_modules'), path.join(own, 'node_modules'), 'dir')
      fs.cpSync(path.join(rootDir, 'site/templates'), path.join(own, 'site'), {
        recursive: true,
        filter: (src) => !/[/\\](dist|\.astro)$/.test(src),
      })
      fs.cpSync(path.join(rootDir, 'public'), path.join(own, 'site/public'), { recursive: true })
      const footer = path.join(own, 'site/src/components/Footer.astro')
      fs.writeFileSync(
        footer,
        fs.readFileSync(footer, 'utf8').replace('---\n', "---\nthrow new Error('START-BROKEN-ON-PURPOSE')\n"),
      )
      const live = fs.realpathSync(path.join(siteRoot, 'current'))

      const s = await start({ ATVIRA_TEMPLATES_DIR: path.join(own, 'site') })
      try {
        expect(s.output()).toContain('WARNING: the public site could not be built; the last good build stays live.')
        expect(s.output()).toContain('START-BROKEN-ON-PURPOSE')
        expect(fs.realpathSync(path.join(siteRoot, 'current'))).toBe(live)
        expect((await fetch(`${siteUrl}/`)).status).toBe(200)
        const failed = (await siteBuilds(await login('editor'))).find((r) => r.summary?.startsWith('npm start'))!
        expect(failed.status).toBe('failed')
        expect(failed.summary).toBe('npm start: templates changed')
        expect(failed.error).toContain('START-BROKEN-ON-PURPOSE')
        expect(failed.durationMs).toBeGreaterThan(0)
        expect(failed.changes).toHaveLength(1)
        expect(await ctrlC(s)).toBe(0)
        expect(groupAlive(s.child.pid!)).toBe(false)
      } finally {
        await stopIfRunning(s)
      }
    } finally {
      fs.rmSync(own, { recursive: true, force: true })
    }
  })
})
