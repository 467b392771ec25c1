/**
 * The environment (cms/model/env.ts): every variable of the schema has a row here, with
 * its default, values it takes and values it refuses. A variable added to the schema
 * without a row fails the first test; one missing from .env.example or the README's
 * table fails the last ones.
 */
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { ConfigError, envNames, handoff, handoffNames, parseSettings, rootDir, ruleOf, settings, type EnvName } from '../../cms/model/env'

type Row = {
  default: unknown
  /** [value written, value parsed] */
  good: [string, unknown][]
  /** [value written, what the message must also say] */
  bad: [string, RegExp][]
}

const root = (p: string) => path.join(rootDir, p)
const ms = (fallback: number, min: number): Row => ({
  default: fallback,
  good: [[String(min), min], [' 2500 ', 2500]],
  bad: [
    ['abc', new RegExp(`whole number of milliseconds ≥ ${min}`)],
    ['-5', /≥/],
    ['1.5', /whole number/],
    ...(min > 0 ? ([[String(min - 1), /≥/]] as [string, RegExp][]) : []),
  ],
})
const count = (fallback: number, min: number, what: string): Row => ({
  default: fallback,
  good: [[String(Math.max(min, 1)), Math.max(min, 1)], ['12', 12]],
  bad: [
    ['abc', new RegExp(`whole number of ${what} ≥ ${min}, e.g. ${fallback}`)],
    ['1e3', /whole number/],
    ['-1', /≥/],
    ...(min > 0 ? ([['0', new RegExp(`≥ ${min}`)]] as [string, RegExp][]) : []),
  ],
})
const url = (fallback: string | undefined): Row => ({
  default: fallback,
  good: [['https://cms.pajuris.lt/', 'https://cms.pajuris.lt'], ['http://127.0.0.1:3000', 'http://127.0.0.1:3000']],
  bad: [['cms.pajuris.lt', /an http\(s\) address, e\.g\. https:\/\//], ['ftp://x.example', /http\(s\)/]],
})
const location = (fallback: string): Row => ({
  default: root(fallback),
  good: [['elsewhere/x', root('elsewhere/x')], ['/srv/atvira/x', '/srv/atvira/x']],
  bad: [['s3://bucket/x', new RegExp(`a path, relative to the installation folder or absolute, e\\.g\\. ${fallback}`)]],
})
const bool = (fallback: boolean | undefined): Row => ({
  default: fallback,
  good: [['true', true], ['FALSE', false], ['1', true], ['0', false]],
  bad: [['yes please', /true or false/]],
})
const port = (fallback: number): Row => ({
  default: fallback,
  good: [['8080', 8080]],
  bad: [['0', /TCP port number \(1–65535\)/], ['70000', /1–65535/], ['http', /TCP port/]],
})
const host: Row = {
  default: '127.0.0.1',
  good: [['0.0.0.0', '0.0.0.0'], ['::', '::'], ['cms.internal', 'cms.internal']],
  bad: [['http://127.0.0.1', /host name or IP address/], ['two words', /host name/]],
}
const proxies: Row = {
  default: expect.any(net.BlockList),
  good: [['127.0.0.1,::1', expect.any(net.BlockList)], ['10.0.0.0/8', expect.any(net.BlockList)]],
  bad: [['nginx', /comma-separated list of IP addresses or CIDR ranges .*"nginx" is not one/], ['10.0.0.0/33', /CIDR/]],
}
const zone = (fallback: string | undefined): Row => ({
  default: fallback,
  good: [['Europe/Kyiv', 'Europe/Kyiv']],
  bad: [['Vilnius', /IANA time zone, e\.g\. Europe\/Vilnius/]],
})

const table: Record<EnvName, Row> = {
  PAYLOAD_SECRET: {
    default: undefined,
    good: [['x'.repeat(32), 'x'.repeat(32)]],
    // The secret is never echoed: only its length.
    bad: [['short-secret', /at least 32 characters .*; got 12 characters\.$/]],
  },
  DATABASE_URL: {
    default: { kind: 'sqlite', url: `file:${root('data/atvira.db')}`, file: root('data/atvira.db') },
    good: [
      ['file:./x.db', { kind: 'sqlite', url: `file:${root('x.db')}`, file: root('x.db') }],
      ['mongodb://127.0.0.1:27017/atvira?replicaSet=rs0', { kind: 'mongodb', url: 'mongodb://127.0.0.1:27017/atvira?replicaSet=rs0' }],
    ],
    bad: [['postgres://127.0.0.1/atvira', /must start with "file:" \(SQLite\) or "mongodb:\/\/"/], ['file:', /must name a file after "file:", e\.g\. file:\.\/data\/atvira\.db; "file:" has no file path/]],
  },
  MONGODB_SERVER_SELECTION_TIMEOUT_MS: ms(5000, 1),
  DATABASE_LOCK_WAIT_MS: ms(10_000, 1),
  DB_PUSH: bool(false),
  PAYLOAD_PUBLIC_SERVER_URL: url('http://localhost:3000'),
  SITE_URL: url('http://localhost:4321'),
  PORT: port(3000),
  CMS_HOST: host,
  CMS_TRUSTED_PROXIES: proxies,
  SITE_HOST: host,
  SITE_PORT: port(4321),
  SITE_TRUSTED_PROXIES: proxies,
  PAYLOAD_COOKIE_SECURE: bool(undefined),
  PAYLOAD_COOKIE_DOMAIN: { default: undefined, good: [['.pajuris.lt', '.pajuris.lt']], bad: [['https://pajuris.lt', /a domain name, e\.g\./]] },
  API_RATE_LIMIT: count(300, 1, 'requests per minute'),
  API_BURST_LIMIT: count(10, 1, 'requests per second'),
  GRAPHQL_RATE_LIMIT: count(30, 1, 'requests per minute'),
  API_RATE_LIMIT_STAFF: count(3000, 1, 'requests per minute'),
  API_ANONYMOUS_CONCURRENCY: count(6, 1, 'requests at once'),
  API_ANONYMOUS_CONCURRENCY_PER_CLIENT: count(2, 1, 'requests at once'),
  LOGIN_RATE_LIMIT: count(10, 1, 'failed sign-ins per 15 minutes'),
  SEARCH_RATE_LIMIT: count(60, 1, 'requests per minute'),
  NEWSLETTER_RATE_LIMIT: count(10, 1, 'sign-ups per 10 minutes'),
  CONSULTATION_RATE_LIMIT: count(20, 1, 'responses per 10 minutes'),
  ATVIRA_LOCALES: {
    default: ['lt', 'en'],
    good: [['lt, en, uk', ['lt', 'en', 'uk']], ['en,lt,en', ['en', 'lt']]],
    bad: [['lt,english', /comma-separated list of locale codes.*"english" is not a locale code/], ['lt,,en', /is not a locale code/]],
  },
  ATVIRA_TIMEZONE: zone('Europe/Vilnius'),
  ATVIRA_DATE_LOCALES: {
    default: { en: 'en-GB' },
    good: [['en:en-IE', { en: 'en-IE' }], ['en:en-gb, uk:uk-UA', { en: 'en-GB', uk: 'uk-UA' }]],
    bad: [['en-GB', /language:format pairs, e\.g\. en:en-GB/], ['en:not a tag', /language:format/], ['English:en-GB', /language:format/]],
  },
  MEDIA_DIR: location('data/media'),
  ATVIRA_SITE_ROOT: location('data/site'),
  ATVIRA_TEMPLATES_DIR: location('site/templates'),
  ATVIRA_DEMO_CREDENTIALS: location('data/demo-credentials.json'),
  SITE_CACHE_DIR: location('data/site-cache'),
  ATVIRA_SEARCH_BODY_WORDS: count(200, 1, 'words'),
  SMTP_URL: {
    default: undefined,
    good: [['smtp://user:pw@smtp.pajuris.lt:587', 'smtp://user:pw@smtp.pajuris.lt:587'], ['smtps://smtp.pajuris.lt', 'smtps://smtp.pajuris.lt']],
    // It holds the relay's password: never echoed.
    bad: [['user:pw@smtp.pajuris.lt', /an smtp:\/\/ or smtps:\/\/ address.*; got 23 characters\.$/]],
  },
  EMAIL_FROM: {
    default: 'Pajūris <info@pajuris.example>',
    good: [['Pajūrio savivaldybė <info@pajuris.lt>', 'Pajūrio savivaldybė <info@pajuris.lt>'], ['info@pajuris.lt', 'info@pajuris.lt']],
    bad: [['Pajūrio savivaldybė', /an email address, optionally with a name, e\.g\./], ['<info@>', /email address/]],
  },
  SITE_BUILD_DEBOUNCE_MS: ms(1500, 0),
  SITE_BUILD_MIN_INTERVAL_MS: ms(0, 0),
  SITE_BUILD_STALE_MS: ms(60_000, 1000),
  JOBS_QUEUES: {
    default: ['default', 'newsletter', 'site'],
    good: [['site', ['site']], ['default, newsletter', ['default', 'newsletter']]],
    bad: [['emails', /comma-separated list of default, newsletter, site/], [',', /default, newsletter, site/]],
  },
  JOBS_INTERVAL_MS: ms(1000, 1),
  CMS_URL: url(undefined),
  CMS_API_KEY: { default: undefined, good: [['abc123', 'abc123']], bad: [['two words', /API key of a CMS user.*; got 9 characters\.$/]] },
  NEWSLETTER_DAILY_AT: {
    default: { hour: 8, minute: 0 },
    good: [['7:30', { hour: 7, minute: 30 }], ['23:59', { hour: 23, minute: 59 }]],
    bad: [['8am', /a time of day like 08:00/], ['24:00', /time of day/]],
  },
  NEWSLETTER_WEEKLY_DAY: { default: 1, good: [['7', 7]], bad: [['0', /1 \(Monday\) to 7 \(Sunday\)/], ['8', /1 \(Monday\)/], ['Monday', /to 7 \(Sunday\)/]] },
  NEWSLETTER_TIME_ZONE: zone(undefined),
  NEWSLETTER_MAX_BOUNCES: count(3, 1, 'refusals'),
  NEWSLETTER_MAX_ATTEMPTS: count(8, 1, 'attempts'),
  NEWSLETTER_RETRY_BASE_MS: ms(60_000, 1),
  NEWSLETTER_RETRY_MAX_MS: ms(21_600_000, 1),
  NEWSLETTER_CLAIM_LEASE_MS: ms(120_000, 1000),
  NEWSLETTER_CONFIRM_TTL_HOURS: count(48, 1, 'hours'),
  NEWSLETTER_LINK_TTL_DAYS: count(90, 1, 'days'),
  NEWSLETTER_RETENTION_DAYS: count(30, 0, 'days'),
  NEWSLETTER_STORE_IP: bool(false),
  NEWSLETTER_SMTP_CONNECTIONS: count(5, 1, 'connections'),
  NEWSLETTER_IN_FLIGHT: count(20, 1, 'messages'),
  BENCH_PUBLISH_DOCUMENTS: count(10_000, 1, 'documents'),
  BENCH_SUBSCRIBERS: count(100_000, 1, 'subscribers'),
  BENCH_RAW_MESSAGES: count(20_000, 0, 'messages'),
  BENCH_NODE_FLAGS: { default: [], good: [['--cpu-prof  --max-old-space-size=160', ['--cpu-prof', '--max-old-space-size=160']]], bad: [['cpu-prof', /Node options separated by spaces/]] },
}

function refusal(vars: Record<string, string>): string {
  try {
    parseSettings(vars)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error(`accepted ${JSON.stringify(vars)}`)
}

describe('the environment schema', () => {
  it('has a row here for every variable, and no row for a variable it does not have', () => {
    expect(Object.keys(table).sort()).toEqual([...envNames].sort())
  })

  const defaults = parseSettings({})
  describe.each(envNames)('%s', (name) => {
    const row = table[name]

    it('has its default when unset, empty or blank', () => {
      expect(defaults[name]).toEqual(row.default)
      expect(parseSettings({ [name]: '' })[name]).toEqual(row.default)
      expect(parseSettings({ [name]: '   ' })[name]).toEqual(row.default)
    })

    it.each(row.good)('takes %j', (value, parsed) => {
      expect(parseSettings({ [name]: value })[name]).toEqual(parsed)
    })

    it.each(row.bad)('refuses %j, naming the variable and saying what to write', (value, says) => {
      const message = refusal({ [name]: value })
      expect(message.startsWith(`${name} `) || message.startsWith(`${name}:`), message).toBe(true)
      expect(message).toMatch(/must/)
      expect(message).toMatch(says)
      // The rule the message states is the one the schema keeps for the variable.
      if (!/DATABASE_URL|TRUSTED_PROXIES|ATVIRA_LOCALES/.test(name)) expect(message).toContain(ruleOf(name))
    })
  })

  it('lists every bad variable at once, each on its own line', () => {
    const message = refusal({ SEARCH_RATE_LIMIT: 'abc', SITE_BUILD_DEBOUNCE_MS: '-1', SITE_HOST: 'a b' })
    expect(message.split('\n')).toEqual([
      'Fix these settings (in .env or the environment):',
      '  SITE_HOST must be a host name or IP address to listen on, e.g. 127.0.0.1 (loopback) or 0.0.0.0; got "a b".',
      '  SEARCH_RATE_LIMIT must be a whole number of requests per minute ≥ 1, e.g. 60; got "abc".',
      '  SITE_BUILD_DEBOUNCE_MS must be a whole number of milliseconds ≥ 0, e.g. 1500; got "-1".',
    ])
  })

  it('fixes what each variable used to do wrong', () => {
    // An empty SEARCH_RATE_LIMIT allowed 0 searches; "abc" gave NaN.
    expect(parseSettings({ SEARCH_RATE_LIMIT: '' }).SEARCH_RATE_LIMIT).toBe(60)
    expect(refusal({ SEARCH_RATE_LIMIT: 'abc' })).toBe('SEARCH_RATE_LIMIT must be a whole number of requests per minute ≥ 1, e.g. 60; got "abc".')
    // A NaN word count cut each body's last character.
    expect(refusal({ ATVIRA_SEARCH_BODY_WORDS: 'abc' })).toMatch(/^ATVIRA_SEARCH_BODY_WORDS must be a whole number of words ≥ 1/)
    // The build timings fell back silently.
    for (const name of ['SITE_BUILD_DEBOUNCE_MS', 'SITE_BUILD_MIN_INTERVAL_MS', 'SITE_BUILD_STALE_MS']) {
      expect(refusal({ [name]: 'soon' })).toMatch(new RegExp(`^${name} must be`))
    }
    // One default for where the site server listens.
    expect(defaults.SITE_HOST).toBe('127.0.0.1')
    // Paths from the installation folder, whatever the working directory.
    expect(parseSettings({ MEDIA_DIR: 'media' }).MEDIA_DIR).toBe(path.join(rootDir, 'media'))
    expect(parseSettings({ SITE_CACHE_DIR: 'cache' }).SITE_CACHE_DIR).toBe(path.join(rootDir, 'cache'))
  })
})

describe('settings()', () => {
  const saved = { ...process.env }
  afterEach(() => {
    for (const name of envNames) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  })

  it('checks every variable at the first call, then reads each as it is, by the same rule', () => {
    process.env.SEARCH_RATE_LIMIT = 'abc'
    process.env.SITE_HOST = 'a b'
    expect(() => settings()).toThrow(/SITE_HOST must be .*\n.*SEARCH_RATE_LIMIT must be/)
    delete process.env.SITE_HOST
    process.env.SEARCH_RATE_LIMIT = '7'
    const first = settings()
    expect(settings()).toBe(first)
    expect(first.SEARCH_RATE_LIMIT).toBe(7)
    process.env.SEARCH_RATE_LIMIT = ''
    expect(first.SEARCH_RATE_LIMIT).toBe(60)
    process.env.SEARCH_RATE_LIMIT = 'seven'
    expect(() => first.SEARCH_RATE_LIMIT).toThrow('SEARCH_RATE_LIMIT must be a whole number of requests per minute ≥ 1, e.g. 60; got "seven".')
  })

  it('reads another environment (a build for other settings) without touching its own', () => {
    expect(settings({ SITE_URL: 'https://www.pajuris.lt/' }).SITE_URL).toBe('https://www.pajuris.lt')
  })

  it('hands the templates what the publisher passed, read on every call', () => {
    expect(handoff({ ATVIRA_SNAPSHOT: '/tmp/a.json', ATVIRA_ONLY_PATHS: ' ' })).toEqual({ ATVIRA_SNAPSHOT: '/tmp/a.json' })
  })
})

describe('the documentation', () => {
  const listed = (text: string, pattern: RegExp) => new Set([...text.matchAll(pattern)].map((m) => m[1]!))

  it('.env.example has every variable of the schema, and nothing else', () => {
    const example = fs.readFileSync(path.join(rootDir, '.env.example'), 'utf8')
    expect([...listed(example, /^#?\s*([A-Z][A-Z0-9_]*)=/gm)].sort()).toEqual([...envNames].sort())
  })

  it("the README's environment table has every variable of the schema, and nothing else", () => {
    const readme = fs.readFileSync(path.join(rootDir, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## Environment'), readme.indexOf('\n## ', readme.indexOf('## Environment') + 1))
    const rows = section.split('\n').filter((line) => line.startsWith('| `'))
    const names = new Set(rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!)))
    expect([...names].sort()).toEqual([...envNames].sort())
  })

  it('keeps what the publisher passes its builds out of both: nobody writes those', () => {
    const example = fs.readFileSync(path.join(rootDir, '.env.example'), 'utf8')
    for (const name of handoffNames) expect(example).not.toContain(name)
  })
})
