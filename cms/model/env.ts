import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'

import { keysFor } from './secrets'

/** Repository root: every relative path in the environment is resolved from here. */
export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

let loaded = false

/**
 * Loads the root `.env` once, without overriding variables already set, so that Next
 * (which only reads `cms/.env`), tsx scripts and tests all see the same settings.
 */
export function loadRootEnv(): void {
  if (loaded) return
  loaded = true
  const file = path.join(rootDir, '.env')
  if (!fs.existsSync(file)) return
  // Variables already set win: tests and CI set their own.
  const parsed = parseEnv(fs.readFileSync(file, 'utf8')) as Record<string, string>
  for (const [key, value] of Object.entries(parsed)) {
    if (process.env[key] === undefined) process.env[key] = value
  }
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

export type DatabaseSetting =
  | { kind: 'sqlite'; url: string; file: string }
  | { kind: 'mongodb'; url: string }

/** Parses DATABASE_URL; the embedded SQLite file is the default. */
export function parseDatabaseUrl(raw: string | undefined): DatabaseSetting {
  const url = (raw ?? '').trim() || 'file:./data/atvira.db'
  if (url.startsWith('mongodb://') || url.startsWith('mongodb+srv://')) {
    return { kind: 'mongodb', url }
  }
  if (url.startsWith('file:')) {
    const rel = url.slice('file:'.length)
    if (!rel || rel === ':memory:') {
      throw new ConfigError(
        `DATABASE_URL "${url}" has no file path. Use e.g. file:./data/atvira.db`,
      )
    }
    const file = path.isAbsolute(rel) ? rel : path.resolve(rootDir, rel)
    return { kind: 'sqlite', url: `file:${file}`, file }
  }
  throw new ConfigError(
    `DATABASE_URL must start with "file:" (SQLite) or "mongodb://" / "mongodb+srv://" (MongoDB); got "${url}".`,
  )
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n <= 0) {
    throw new ConfigError(`${name} must be a positive whole number; got "${raw}".`)
  }
  return n
}

function urlSetting(name: string, fallback: string): string {
  const raw = (process.env[name] ?? '').trim() || fallback
  try {
    const u = new URL(raw)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol')
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL; got "${raw}".`)
  }
  return raw.replace(/\/$/, '')
}

function booleanSetting(name: string): boolean | undefined {
  const raw = (process.env[name] ?? '').trim().toLowerCase()
  if (raw === '') return undefined
  if (raw === 'true' || raw === '1') return true
  if (raw === 'false' || raw === '0') return false
  throw new ConfigError(`${name} must be true or false; got "${process.env[name]}".`)
}

/**
 * Per-client limits of the CMS's API (cms/security/limits.ts), in requests per minute
 * except logins (failed attempts per 15 minutes). In memory, per CMS process.
 */
export function readLimits() {
  return {
    anonymousPerMinute: positiveInt('API_RATE_LIMIT', 300),
    // …and at most this many in any second: a client's minute is not spent in one burst.
    anonymousPerSecond: positiveInt('API_BURST_LIMIT', 10),
    anonymousGraphqlPerMinute: positiveInt('GRAPHQL_RATE_LIMIT', 30),
    staffPerMinute: positiveInt('API_RATE_LIMIT_STAFF', 3000),
    loginFailuresPer15Minutes: positiveInt('LOGIN_RATE_LIMIT', 10),
    // Anonymous requests answered at once (per process, and per client): past them the
    // API answers 429 at once instead of queueing work until everyone times out.
    anonymousConcurrent: positiveInt('API_ANONYMOUS_CONCURRENCY', 6),
    anonymousConcurrentPerClient: positiveInt('API_ANONYMOUS_CONCURRENCY_PER_CLIENT', 2),
  }
}

export type Env = ReturnType<typeof readEnv>

/** Reads and validates every setting the CMS uses. Fails early with a clear message. */
export function readEnv() {
  loadRootEnv()
  const production = process.env.NODE_ENV === 'production'
  const secret = process.env.PAYLOAD_SECRET ?? ''
  if (secret.length < 32) {
    throw new ConfigError(
      'PAYLOAD_SECRET must be set to a random string of at least 32 characters ' +
        '(`npm start` writes one into .env on first run; see .env.example).',
    )
  }
  return {
    production,
    secret,
    /** The keys derived from the secret: the only ones anything of ours signs with. */
    keys: keysFor(secret),
    database: parseDatabaseUrl(process.env.DATABASE_URL),
    mongoServerSelectionTimeoutMS: positiveInt('MONGODB_SERVER_SELECTION_TIMEOUT_MS', 5000),
    serverUrl: urlSetting('PAYLOAD_PUBLIC_SERVER_URL', 'http://localhost:3000'),
    siteUrl: urlSetting('SITE_URL', 'http://localhost:4321'),
    dbPush: process.env.DB_PUSH === 'true',
    // How long a request waits for a database another process has locked, then answers 503.
    lockWaitMs: positiveInt('DATABASE_LOCK_WAIT_MS', 10_000),
    mediaDir: path.resolve(rootDir, process.env.MEDIA_DIR || 'data/media'),
    smtpUrl: (process.env.SMTP_URL ?? '').trim() || undefined,
    emailFrom: (process.env.EMAIL_FROM ?? '').trim() || 'Pajūris <info@pajuris.example>',
    // Session cookies are Secure whenever the public address is https (a browser would
    // otherwise send them over plain http too); PAYLOAD_COOKIE_SECURE says so explicitly.
    cookieSecure: booleanSetting('PAYLOAD_COOKIE_SECURE') ?? /^https:/i.test(urlSetting('PAYLOAD_PUBLIC_SERVER_URL', 'http://localhost:3000')),
    cookieDomain: (process.env.PAYLOAD_COOKIE_DOMAIN ?? '').trim() || undefined,
    limits: readLimits(),
  }
}
