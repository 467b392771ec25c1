/**
 * The product as a resident's city runs it: `npm start` in its own process group, on a
 * throwaway installation (database, site root, media, demo logins in a temporary
 * folder), with the environment a city writes into `.env`. Tests drive it only from
 * outside: HTTP, a real browser, real e-mail, the database file.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient, type Client } from '@libsql/client'
import type { Browser } from 'playwright-core'

import { rootDir } from '../../cms/model/env'
import { startSink, type Sink } from '../int/smtpSink'
import { launchBrowser } from './browser'
import { freePort } from './server'

type Env = Record<string, string | undefined>

export type Installation = {
  work: string
  dbFile: string
  siteRoot: string
  credentialsFile: string
  cmsUrl: string
  siteUrl: string
  /** What the city's `.env` says; each start adds its own on top. */
  env: Env
}

/** A fresh installation on free loopback ports; nothing of the developer's own `data/` is touched. */
export async function newInstallation(extra: Env = {}): Promise<Installation> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-system-'))
  const port = await freePort()
  const sitePort = await freePort()
  const cmsUrl = `http://127.0.0.1:${port}`
  const siteUrl = `http://127.0.0.1:${sitePort}`
  // The test runner's own settings are not the city's.
  const { NODE_ENV: _mode, ATVIRA_TEMPLATES_DIR: _templates, VITEST: _vitest, VITEST_POOL_ID: _pool, VITEST_WORKER_ID: _worker, ...inherited } = process.env as Env
  const installation: Installation = {
    work,
    dbFile: path.join(work, 'atvira.db'),
    siteRoot: path.join(work, 'site'),
    credentialsFile: path.join(work, 'demo-credentials.json'),
    cmsUrl,
    siteUrl,
    env: {},
  }
  installation.env = {
    ...inherited,
    PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
    DATABASE_URL: `file:${installation.dbFile}`,
    ATVIRA_SITE_ROOT: installation.siteRoot,
    MEDIA_DIR: path.join(work, 'media'),
    ATVIRA_DEMO_CREDENTIALS: installation.credentialsFile,
    PORT: String(port),
    SITE_PORT: String(sitePort),
    SITE_HOST: '127.0.0.1',
    PAYLOAD_PUBLIC_SERVER_URL: cmsUrl,
    SITE_URL: siteUrl,
    SMTP_URL: '',
    CMS_URL: '',
    ...extra,
  }
  return installation
}

export type Started = {
  child: ChildProcess
  output: () => string
  readyMs: number
}

/** `npm start [-- args]`, as a person types it, in its own process group (Ctrl-C reaches the whole group). */
export async function npmStart(installation: Installation, extra: Env = {}, timeoutMs = 900_000, args: string[] = []): Promise<Started> {
  const began = Date.now()
  const child = spawn('npm', ['start', ...(args.length ? ['--', ...args] : [])], {
    cwd: rootDir,
    env: { ...installation.env, ...extra } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not ready within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`)), timeoutMs)
    const check = () => {
      if (!output.includes('Atvira is running')) return
      clearTimeout(timer)
      child.stdout!.off('data', check)
      resolve()
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm start exited (${code}) before it was ready:\n${output.slice(-4000)}`))
    })
  })
  return { child, output: () => output, readyMs: Date.now() - began }
}

export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Ctrl-C: SIGINT to the whole group; resolves once no process of the group is left.
 * npm re-raises the signal it got, so its own exit says little: read what `npm start`
 * printed (`Stopped.`) to know how the product stopped.
 */
export async function ctrlC(s: Started): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return
  const exited = new Promise<void>((r) => s.child.once('exit', () => r()))
  process.kill(-s.child.pid!, 'SIGINT')
  await exited
  const until = Date.now() + 15_000
  while (groupAlive(s.child.pid!) && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
}

/** After a failed assertion: whatever of the group is left goes, so the next start has its ports. */
export async function killGroup(s: Started | undefined): Promise<void> {
  if (!s) return
  try {
    process.kill(-s.child.pid!, 'SIGKILL')
  } catch {
    return
  }
  const until = Date.now() + 10_000
  while (groupAlive(s.child.pid!) && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
}

type Credential = { email: string; role: string; password: string }

export function demoLogin(installation: Installation, role: 'admin' | 'editor' | 'author'): Credential {
  const users = JSON.parse(fs.readFileSync(installation.credentialsFile, 'utf8')) as Credential[]
  const user = users.find((u) => u.role === role)
  if (!user) throw new Error(`No demo ${role} in ${installation.credentialsFile}`)
  return user
}

/** `Authorization` header of a staff member logged in over REST, as the admin does. */
export async function loginAs(installation: Installation, role: 'admin' | 'editor' | 'author'): Promise<string> {
  const user = demoLogin(installation, role)
  const res = await fetch(`${installation.cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  })
  if (res.status !== 200) throw new Error(`Login as ${role} answered ${res.status}: ${await res.text()}`)
  return `JWT ${((await res.json()) as { token: string }).token}`
}

/** Polls until `check` gives a value, or fails naming what it waited for, with npm start's last output. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | null | false>, s: Started, timeoutMs = 240_000, everyMs = 500): Promise<T> {
  const until = Date.now() + timeoutMs
  let lastError = ''
  for (;;) {
    try {
      const value = await check()
      if (value) return value
    } catch (error) {
      lastError = (error as Error).message
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for: ${what}${lastError ? ` (last error: ${lastError})` : ''}\n${s.output().slice(-4000)}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

/** The installation's database file, read as an operator would (read-only use). */
export function database(installation: Installation): Client {
  return createClient({ url: `file:${installation.dbFile}` })
}

export function removeInstallation(installation: Installation): void {
  fs.rmSync(installation.work, { recursive: true, force: true })
}

/** A started product with mail to a loopback SMTP server, and Chromium to drive it. */
export type MailedSystem = { sink: Sink; inst: Installation; s: Started; browser: Browser }

/**
 * `npm start [-- args]` on a fresh installation whose mail goes to a new SMTP server, with
 * Chromium launched beside it. Both settle before either failure is thrown, and a failure
 * stops what did start (a browser that failed to launch once left the system running).
 */
export async function startMailedSystem(env: (sink: Sink) => Env, args: string[] = []): Promise<MailedSystem> {
  const sink = await startSink()
  const inst = await newInstallation(env(sink))
  const [started, launched] = await Promise.allSettled([npmStart(inst, {}, 900_000, args), launchBrowser()])
  const system = { sink, inst, s: started.status === 'fulfilled' ? started.value : undefined, browser: launched.status === 'fulfilled' ? launched.value : undefined }
  for (const r of [started, launched]) {
    if (r.status === 'rejected') {
      await stopMailedSystem(system)
      throw r.reason
    }
  }
  return system as MailedSystem
}

/** Ctrl-C, then whatever is left of the process group, the browser, the SMTP server and the files. */
export async function stopMailedSystem(system: Partial<MailedSystem>): Promise<void> {
  if (system.s) await ctrlC(system.s).catch(() => {})
  await killGroup(system.s)
  await system.browser?.close()
  await system.sink?.close()
  if (system.inst) removeInstallation(system.inst)
}
