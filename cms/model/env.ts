import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'

import { z } from 'zod'

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
  const file = path.join(rootDir, '.env')
  // Not there yet: `npm start` may write it in a moment (scripts/lib/dotenv.ts).
  if (!fs.existsSync(file)) return
  loaded = true
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
        `DATABASE_URL must name a file after "file:", e.g. file:./data/atvira.db; "${url}" has no file path.`,
      )
    }
    const file = path.isAbsolute(rel) ? rel : path.resolve(rootDir, rel)
    return { kind: 'sqlite', url: `file:${file}`, file }
  }
  throw new ConfigError(
    `DATABASE_URL must start with "file:" (SQLite) or "mongodb://" / "mongodb+srv://" (MongoDB); got "${url}".`,
  )
}

export class TrustedProxiesError extends ConfigError {
  constructor(message: string) {
    super(message)
    this.name = 'TrustedProxiesError'
  }
}

const family = (address: string) => (net.isIPv6(address) ? 'ipv6' : 'ipv4')

/**
 * `SITE_TRUSTED_PROXIES` / `CMS_TRUSTED_PROXIES`: the reverse proxies (addresses or CIDR
 * ranges, comma separated) whose X-Forwarded-For is believed. Empty by default: the
 * socket peer is the client. Throws a TrustedProxiesError naming the bad entry.
 */
export function parseTrustedProxies(raw: string | undefined, name = 'SITE_TRUSTED_PROXIES'): net.BlockList {
  const list = new net.BlockList()
  for (const entry of (raw ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address, prefix, extra] = entry.split('/')
    const kind = net.isIP(address ?? '')
    const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN
    if (kind === 0 || extra !== undefined || (bits !== null && !(bits >= 0 && bits <= (kind === 6 ? 128 : 32)))) {
      throw new TrustedProxiesError(
        `${name} must be a comma-separated list of IP addresses or CIDR ranges (e.g. "127.0.0.1,::1" or "10.0.0.0/8"); "${entry}" is not one.`,
      )
    }
    if (bits === null) list.addAddress(address!, family(address!))
    else list.addSubnet(address!, bits, family(address!))
  }
  return list
}

/** Locale codes as ATVIRA_LOCALES lists them (the first is the default); see locales.ts. */
export function parseLocaleCodes(raw: string | undefined): string[] {
  const codes = (raw ?? '').trim() ? raw!.split(',').map((c) => c.trim()) : ['lt', 'en']
  const seen = new Set<string>()
  for (const code of codes) {
    if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(code)) {
      throw new ConfigError(
        `ATVIRA_LOCALES must be a comma-separated list of locale codes, the default first, e.g. lt,en or lt,en,uk; "${code}" is not a locale code (got "${raw}").`,
      )
    }
    seen.add(code)
  }
  if (seen.size === 0) throw new ConfigError('ATVIRA_LOCALES must list at least one locale.')
  return [...seen]
}

/**
 * How each content language writes dates, as `language:BCP 47 tag` pairs: English pages of a
 * European city write "2 December 2026" (en-GB), not the US "December 2, 2026".
 */
export function parseDateLocales(raw: string): Record<string, string> | typeof BAD {
  const out: Record<string, string> = {}
  for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [language, tag, extra] = pair.split(':').map((p) => p.trim())
    if (!language || !tag || extra !== undefined || !/^[a-z]{2,3}(-[A-Z]{2})?$/.test(language)) return BAD
    try {
      out[language] = Intl.getCanonicalLocales(tag)[0]!
    } catch {
      return BAD
    }
  }
  return Object.keys(out).length ? out : BAD
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

// ---------------------------------------------------------------------------------------
// The schema. Every variable is a string in the environment; empty (or only spaces) is
// the same as unset and gives the default. A bad value fails with "<NAME> must be <what
// to write>; got <value>": `must` below is that middle part.
// ---------------------------------------------------------------------------------------

/** Returned by a parser for a value it rejects. */
const BAD = Symbol('bad')

type Parser<T> = (raw: string) => T | typeof BAD

/** The text of each variable's rule, for the messages and the tests. */
const rules = new Map<z.ZodType, string>()

function setting<T, D>(must: string, fallback: D, parse: Parser<T>, options: { secret?: boolean } = {}) {
  const schema = z
    .string()
    .optional()
    .transform((value, ctx): T | D => {
      const raw = value?.trim() ?? ''
      if (raw === '') return fallback
      let parsed: T | typeof BAD
      let reason = ''
      try {
        parsed = parse(options.secret ? value! : raw)
      } catch (error) {
        // The parsers shared with the rest of the model throw their own full message.
        if (!(error instanceof ConfigError)) throw error
        parsed = BAD
        reason = error.message
      }
      if (parsed !== BAD) return parsed
      // A secret is never echoed into a log: only its length.
      const got = options.secret ? `${value!.length} characters` : JSON.stringify(raw)
      ctx.addIssue({ code: 'custom', message: reason || `must be ${must}; got ${got}.` })
      return z.NEVER
    })
  rules.set(schema, must)
  return schema
}

const wholeNumber = (what: string, min: number, fallback: number, example: number = fallback) =>
  setting(`a whole number${what ? ` of ${what}` : ''} ≥ ${min}, e.g. ${example}`, fallback, (raw) =>
    /^\d+$/.test(raw) && Number(raw) >= min && Number.isSafeInteger(Number(raw)) ? Number(raw) : BAD,
  )

const milliseconds = (min: number, fallback: number, example: number = fallback) => wholeNumber('milliseconds', min, fallback, example)
const perMinute = (fallback: number) => wholeNumber('requests per minute', 1, fallback)

const port = (fallback: number) =>
  setting(`a TCP port number (1–65535), e.g. ${fallback}`, fallback, (raw) =>
    /^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 65535 ? Number(raw) : BAD,
  )

const bool = <D extends boolean | undefined>(fallback: D) =>
  setting('true or false', fallback, (raw) => {
    const v = raw.toLowerCase()
    return v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : BAD
  })

/** An http(s) address, without its trailing slash. */
const httpUrl = <D extends string | undefined>(fallback: D, example: string) =>
  setting(`an http(s) address, e.g. ${example}`, fallback, (raw) => {
    try {
      const u = new URL(raw)
      return u.protocol === 'http:' || u.protocol === 'https:' ? raw.replace(/\/$/, '') : BAD
    } catch {
      return BAD
    }
  })

/** A file or folder, relative to the installation folder (never the working directory) or absolute. */
const location = (fallback: string) =>
  setting(`a path, relative to the installation folder or absolute, e.g. ${fallback}`, path.resolve(rootDir, fallback), (raw) =>
    /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || raw.includes('\0') ? BAD : path.resolve(rootDir, raw),
  )

const host = (fallback: string) =>
  setting(`a host name or IP address to listen on, e.g. ${fallback} (loopback) or 0.0.0.0`, fallback, (raw) =>
    net.isIP(raw) || /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(raw) ? raw : BAD,
  )

const timeZone = <D extends string | undefined>(fallback: D) =>
  setting('an IANA time zone, e.g. Europe/Vilnius', fallback, (raw) => (isTimeZone(raw) ? raw : BAD))

const proxies = (name: string) =>
  setting('a comma-separated list of IP addresses or CIDR ranges, e.g. 127.0.0.1,::1', new net.BlockList(), (raw) =>
    parseTrustedProxies(raw, name),
  )

const jobQueues = ['default', 'newsletter', 'site'] as const

export const envSchema = z.object({
  // The CMS's secret. Required by whatever signs (the CMS, the job runner, the dispatcher,
  // the site server's newsletter pages): readEnv() says so; here only its form is checked.
  PAYLOAD_SECRET: setting(
    'a random string of at least 32 characters (`npm start` writes one into .env on first run)',
    undefined,
    (raw) => (raw.length >= 32 ? raw : BAD),
    { secret: true },
  ),
  DATABASE_URL: setting(
    'file:<path> (SQLite) or mongodb:// / mongodb+srv:// (MongoDB), e.g. file:./data/atvira.db',
    parseDatabaseUrl(undefined),
    parseDatabaseUrl,
  ),
  MONGODB_SERVER_SELECTION_TIMEOUT_MS: milliseconds(1, 5000),
  DATABASE_LOCK_WAIT_MS: milliseconds(1, 10_000),
  DB_PUSH: bool(false),

  PAYLOAD_PUBLIC_SERVER_URL: httpUrl('http://localhost:3000', 'https://cms.pajuris.example'),
  SITE_URL: httpUrl('http://localhost:4321', 'https://www.pajuris.example'),
  PORT: port(3000),
  CMS_HOST: host('127.0.0.1'),
  CMS_TRUSTED_PROXIES: proxies('CMS_TRUSTED_PROXIES'),
  SITE_HOST: host('127.0.0.1'),
  SITE_PORT: port(4321),
  SITE_TRUSTED_PROXIES: proxies('SITE_TRUSTED_PROXIES'),
  PAYLOAD_COOKIE_SECURE: bool(undefined),
  PAYLOAD_COOKIE_DOMAIN: setting('a domain name, e.g. pajuris.example', undefined, (raw) =>
    /^\.?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(raw) ? raw : BAD,
  ),

  API_RATE_LIMIT: perMinute(300),
  API_BURST_LIMIT: wholeNumber('requests per second', 1, 10),
  GRAPHQL_RATE_LIMIT: perMinute(30),
  API_RATE_LIMIT_STAFF: perMinute(3000),
  API_ANONYMOUS_CONCURRENCY: wholeNumber('requests at once', 1, 6),
  API_ANONYMOUS_CONCURRENCY_PER_CLIENT: wholeNumber('requests at once', 1, 2),
  LOGIN_RATE_LIMIT: wholeNumber('failed sign-ins per 15 minutes', 1, 10),
  SEARCH_RATE_LIMIT: perMinute(60),
  NEWSLETTER_RATE_LIMIT: wholeNumber('sign-ups per 10 minutes', 1, 10),
  CONSULTATION_RATE_LIMIT: wholeNumber('responses per 10 minutes', 1, 20),

  ATVIRA_LOCALES: setting('a comma-separated list of locale codes, the default first, e.g. lt,en', ['lt', 'en'], parseLocaleCodes),
  ATVIRA_TIMEZONE: timeZone('Europe/Vilnius'),
  ATVIRA_DATE_LOCALES: setting('comma-separated language:format pairs, e.g. en:en-GB,uk:uk-UA', { en: 'en-GB' } as Record<string, string>, parseDateLocales),
  MEDIA_DIR: location('data/media'),
  ATVIRA_SITE_ROOT: location('data/site'),
  ATVIRA_TEMPLATES_DIR: location('site/templates'),
  ATVIRA_DEMO_CREDENTIALS: location('data/demo-credentials.json'),
  SITE_CACHE_DIR: location('data/site-cache'),
  ATVIRA_SEARCH_BODY_WORDS: wholeNumber('words', 1, 200),

  SMTP_URL: setting('an smtp:// or smtps:// address, e.g. smtp://user:password@smtp.pajuris.example:587', undefined, (raw) => (/^smtps?:\/\/[^\s]+$/i.test(raw) ? raw : BAD), {
    // The address holds the relay's password.
    secret: true,
  }),
  EMAIL_FROM: setting('an email address, optionally with a name, e.g. Pajūrio savivaldybė <info@pajuris.example>', 'Pajūris <info@pajuris.example>', (raw) =>
    /^[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+$/.test(raw) || /^[^<>]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>$/.test(raw) ? raw : BAD,
  ),

  SITE_BUILD_DEBOUNCE_MS: milliseconds(0, 1500),
  SITE_BUILD_MIN_INTERVAL_MS: milliseconds(0, 0, 10_000),
  SITE_BUILD_STALE_MS: milliseconds(1000, 60_000),
  JOBS_QUEUES: setting(
    `a comma-separated list of ${jobQueues.join(', ')}, e.g. default,newsletter`,
    [...jobQueues] as string[],
    (raw) => {
      const list = raw.split(',').map((q) => q.trim()).filter(Boolean)
      return list.length && list.every((q) => (jobQueues as readonly string[]).includes(q)) ? [...new Set(list)] : BAD
    },
  ),
  JOBS_INTERVAL_MS: milliseconds(1, 1000),
  CMS_URL: httpUrl(undefined, 'https://cms.pajuris.example'),
  CMS_API_KEY: setting('the API key of a CMS user (no spaces)', undefined, (raw) => (/^\S+$/.test(raw) ? raw : BAD), { secret: true }),

  NEWSLETTER_DAILY_AT: setting('a time of day like 08:00', { hour: 8, minute: 0 }, (raw) => {
    const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(raw)
    return m ? { hour: Number(m[1]), minute: Number(m[2]) } : BAD
  }),
  NEWSLETTER_WEEKLY_DAY: setting('1 (Monday) to 7 (Sunday), e.g. 1', 1, (raw) => (/^[1-7]$/.test(raw) ? Number(raw) : BAD)),
  // Unset: ATVIRA_TIMEZONE.
  NEWSLETTER_TIME_ZONE: timeZone(undefined),
  NEWSLETTER_MAX_BOUNCES: wholeNumber('refusals', 1, 3),
  NEWSLETTER_MAX_ATTEMPTS: wholeNumber('attempts', 1, 8),
  NEWSLETTER_RETRY_BASE_MS: milliseconds(1, 60_000),
  NEWSLETTER_RETRY_MAX_MS: milliseconds(1, 6 * 3600_000),
  NEWSLETTER_CLAIM_LEASE_MS: milliseconds(1000, 120_000),
  NEWSLETTER_CONFIRM_TTL_HOURS: wholeNumber('hours', 1, 48),
  NEWSLETTER_LINK_TTL_DAYS: wholeNumber('days', 1, 90),
  NEWSLETTER_RETENTION_DAYS: wholeNumber('days', 0, 30),
  NEWSLETTER_STORE_IP: bool(false),
  NEWSLETTER_SMTP_CONNECTIONS: wholeNumber('connections', 1, 5),
  NEWSLETTER_IN_FLIGHT: wholeNumber('messages', 1, 20),

  // `npm run bench` only.
  BENCH_PUBLISH_DOCUMENTS: wholeNumber('documents', 1, 10_000),
  BENCH_SUBSCRIBERS: wholeNumber('subscribers', 1, 100_000),
  BENCH_RAW_MESSAGES: wholeNumber('messages', 0, 20_000),
  BENCH_NODE_FLAGS: setting('Node options separated by spaces, e.g. --max-old-space-size=160', [] as string[], (raw) => {
    const list = raw.split(/\s+/).filter(Boolean)
    return list.every((f) => f.startsWith('-')) ? list : BAD
  }),
})

export type EnvName = keyof typeof envSchema.shape
export type Settings = z.output<typeof envSchema> & { NODE_ENV: string | undefined }

/** What each variable must be ("a whole number of … ≥ 1, e.g. 60"), as its message says. */
export function ruleOf(name: EnvName): string {
  return rules.get(envSchema.shape[name])!
}

export const envNames = Object.keys(envSchema.shape) as EnvName[]

export type Source = Record<string, string | undefined>

/** "<NAME> must be …; got …", whether the rule or a shared parser wrote the rest. */
function messageOf(issue: z.core.$ZodIssue): string {
  const name = String(issue.path[0])
  return issue.message.startsWith(name) ? issue.message : `${name} ${issue.message}`
}

/** Validates every variable of `source` at once; a ConfigError lists every bad one. */
export function parseSettings(source: Source): Settings {
  const picked: Record<string, string | undefined> = {}
  for (const name of envNames) picked[name] = source[name]
  const result = envSchema.safeParse(picked)
  if (!result.success) {
    const lines = result.error.issues.map(messageOf)
    throw new ConfigError(
      lines.length === 1 ? lines[0]! : `Fix these settings (in .env or the environment):\n${lines.map((l) => `  ${l}`).join('\n')}`,
    )
  }
  return { ...result.data, NODE_ENV: source.NODE_ENV }
}

/** One variable's value, parsed once per value written (pages read the locales thousands of times a build). */
const values = new Map<string, unknown>()

function valueOf(name: EnvName, raw: string | undefined): unknown {
  const key = `${name}=${raw ?? ''}`
  if (values.has(key)) return values.get(key)
  const result = envSchema.shape[name].safeParse(raw)
  if (!result.success) throw new ConfigError(messageOf({ ...result.error.issues[0]!, path: [name] }))
  if (values.size > 1000) values.clear()
  values.set(key, result.data)
  return result.data
}

const views = new WeakMap<Source, Settings>()

/**
 * The settings of this process (the root .env loaded first). The first call checks every
 * variable at once, so a process fails at start-up listing everything to fix; each read
 * afterwards takes the variable as it is then, checked by the same rule (tests and the
 * benchmarks set variables after start-up, and a getter costs no more than reading
 * process.env did).
 */
export function settings(source: Source = process.env): Settings {
  let view = views.get(source)
  if (view) return view
  if (source === process.env) loadRootEnv()
  parseSettings(source)
  view = {} as Settings
  for (const name of envNames) Object.defineProperty(view, name, { enumerable: true, get: () => valueOf(name, source[name]) })
  Object.defineProperty(view, 'NODE_ENV', { enumerable: true, get: () => source.NODE_ENV })
  views.set(source, view)
  return view
}

/** Whether the variable is set (not empty): where a default depends on something else, e.g. a --port flag. */
export function isSet(name: EnvName, source: Source = process.env): boolean {
  return (source[name] ?? '').trim() !== ''
}

/**
 * What the publisher and the site server hand their Astro build and routes (set by them,
 * never in .env): the snapshot to render, the live build, the output folders.
 */
const handoffSchema = z.object({
  ATVIRA_SNAPSHOT: z.string().optional(),
  ATVIRA_SITE_DIR: z.string().optional(),
  ATVIRA_SEARCH_DIR: z.string().optional(),
  ATVIRA_ONLY_PATHS: z.string().optional(),
  ATVIRA_PUBLIC_DIR: z.string().optional(),
  ATVIRA_SITE_OUT_DIR: z.string().optional(),
})

export const handoffNames = Object.keys(handoffSchema.shape) as (keyof typeof handoffSchema.shape)[]

/** Read on every call: a fast build points ATVIRA_SNAPSHOT at each snapshot in turn. */
export function handoff(source: Source = process.env): z.output<typeof handoffSchema> {
  const picked: Record<string, string | undefined> = {}
  for (const name of handoffNames) picked[name] = source[name]?.trim() || undefined
  return handoffSchema.parse(picked)
}

/**
 * Per-client limits of the CMS's API (cms/security/limits.ts), in requests per minute
 * except logins (failed attempts per 15 minutes). In memory, per CMS process.
 */
export function readLimits() {
  const s = settings()
  return {
    anonymousPerMinute: s.API_RATE_LIMIT,
    // …and at most this many in any second: a client's minute is not spent in one burst.
    anonymousPerSecond: s.API_BURST_LIMIT,
    anonymousGraphqlPerMinute: s.GRAPHQL_RATE_LIMIT,
    staffPerMinute: s.API_RATE_LIMIT_STAFF,
    loginFailuresPer15Minutes: s.LOGIN_RATE_LIMIT,
    // Anonymous requests answered at once (per process, and per client): past them the
    // API answers 429 at once instead of queueing work until everyone times out.
    anonymousConcurrent: s.API_ANONYMOUS_CONCURRENCY,
    anonymousConcurrentPerClient: s.API_ANONYMOUS_CONCURRENCY_PER_CLIENT,
  }
}

export type Env = ReturnType<typeof readEnv>

/** Reads and validates every setting the CMS uses. Fails early with a clear message. */
export function readEnv() {
  const s = settings()
  const secret = s.PAYLOAD_SECRET
  if (!secret) {
    throw new ConfigError(
      'PAYLOAD_SECRET must be set to a random string of at least 32 characters ' +
        '(`npm start` writes one into .env on first run; see .env.example).',
    )
  }
  return {
    production: s.NODE_ENV === 'production',
    secret,
    /** The keys derived from the secret: the only ones anything of ours signs with. */
    keys: keysFor(secret),
    database: s.DATABASE_URL,
    mongoServerSelectionTimeoutMS: s.MONGODB_SERVER_SELECTION_TIMEOUT_MS,
    serverUrl: s.PAYLOAD_PUBLIC_SERVER_URL,
    siteUrl: s.SITE_URL,
    dbPush: s.DB_PUSH,
    // How long a request waits for a database another process has locked, then answers 503.
    lockWaitMs: s.DATABASE_LOCK_WAIT_MS,
    mediaDir: s.MEDIA_DIR,
    // The city's time zone: schedules, the admin's schedule drawer.
    timeZone: s.ATVIRA_TIMEZONE,
    smtpUrl: s.SMTP_URL,
    emailFrom: s.EMAIL_FROM,
    // Session cookies are Secure whenever the public address is https (a browser would
    // otherwise send them over plain http too); PAYLOAD_COOKIE_SECURE says so explicitly.
    cookieSecure: s.PAYLOAD_COOKIE_SECURE ?? /^https:/i.test(s.PAYLOAD_PUBLIC_SERVER_URL),
    cookieDomain: s.PAYLOAD_COOKIE_DOMAIN,
    limits: readLimits(),
  }
}
