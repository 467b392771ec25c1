/**
 * The CMS's guards as pure rules: the password rule, the GraphQL limits, what the log
 * keeps of an error, the cookie and limit settings, and the client address stamped on
 * every request (on a real http server on loopback).
 */
import http from 'node:http'

import { buildSchema, parse, validate } from 'graphql'
import { afterEach, describe, expect, it } from 'vitest'

import { ConfigError, readEnv, readLimits } from '../../cms/model/env'
import { CLIENT_HEADER } from '../../cms/security/clientAddress'
import { guardIncomingRequests } from '../../cms/security/incoming'
import { aliasLimit, depthRule, GRAPHQL_MAX_ALIASES, GRAPHQL_MAX_SPREADS, graphqlRequestProblem } from '../../cms/security/graphql'
import { serializeError } from '../../cms/security/logging'
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../cms/security/password'

describe('the password rule', () => {
  it.each([
    // [password, user inputs, refused?, what the English message must say]
    ['abc', [], true, /at least 12 characters \(it has 3\)/],
    ['password', [], true, /at least 12 characters/],
    ['password1234', [], true, /too weak: it is close to a common password/],
    ['Password1234!', [], true, /too weak/],
    ['qwertyuiop12', [], true, /too weak/],
    ['aaaaaaaaaaaa', [], true, /too weak: repeated characters/],
    ['iloveyou1234', [], true, /too weak/],
    // The person's own name or address is among the first guesses.
    ['egle.redaktore', ['egle.redaktore@pajuris.example', 'Eglė Redaktorė'], true, /too weak/],
    // Long and unguessable: accepted, the tests' fixtures and the demo seed's passwords too.
    ['correct-horse-battery', [], false, null],
    ['a-long-admin-password', ['admin@example.test'], false, null],
    ['the-right-password', [], false, null],
    ['test-password-admin', [], false, null],
    ['password-editor-123', [], false, null],
    ['demo-Ab3dE_fGh1jK', [], false, null],
    ['x'.repeat(200) + 'y', [], false, null],
  ] as const)('%s', (password, inputs, refused, says) => {
    const problem = passwordProblem(password, [...inputs])
    expect(problem !== null, password).toBe(refused)
    if (problem && says) {
      expect(problem.en).toMatch(says)
      // Every admin language says what to do instead.
      expect(problem.en).toMatch(/password manager/)
      expect(problem.lt).toMatch(/slaptažodži/)
      expect(problem.uk).toMatch(/^Пароль (закороткий|заслабкий): .+ менеджером паролів\.$/)
    }
  })

  it('is told in the staff language: Lithuanian, Ukrainian, else English', async () => {
    const { pick } = await import('../../cms/security/messages')
    const problem = passwordProblem('short')!
    expect(pick(problem, 'lt')).toMatch(/^Slaptažodis per trumpas: reikia bent 12 simbolių \(dabar 5\)/)
    expect(pick(problem, 'uk')).toMatch(/^Пароль закороткий: потрібно щонайменше 12 символів \(зараз 5\)/)
    expect(pick(problem, 'el')).toBe(problem.en)
  })
})

describe('what the guards answer API clients', () => {
  it('is in the city\'s language, then English: every refusal has its Ukrainian words; a Greek city gets English', async () => {
    const { both, messages } = await import('../../cms/security/messages')
    type Words = Parameters<typeof both>[0]
    const all = Object.entries(messages).map(([name, m]) => [name, (typeof m === 'function' ? (m as (a: never) => Words)(120 as never) : m) as Words] as const)
    for (const [name, m] of all) {
      expect(m.uk, name).toMatch(/\p{Script=Cyrillic}/u)
      expect(both(m, 'lt'), name).toBe(`${m.lt} / ${m.en}`)
      expect(both(m, 'uk'), name).toBe(`${m.uk} / ${m.en}`)
      expect(both(m, 'el'), name).toBe(m.en)
    }
    expect(both(messages.tooManyLogins(120), 'uk')).toMatch(/^Забагато невдалих спроб входу з вашої адреси\. Спробуйте знову через 2 хв/)
    // Where no language is named, the configured one (lt here) leads.
    expect(both(messages.notFound)).toBe('Tokio adreso nėra. / There is nothing at this address.')
  })

  it('counts characters, not bytes: 12 Lithuanian letters are long enough', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12)
    expect(passwordProblem('ąčęėįšųūžąčę')?.en ?? '').not.toMatch(/too short/)
  })

  it('the demo seed makes passwords that pass the rule', async () => {
    const { demoUsers } = await import('../../cms/seed/demoUsers')
    const fs = await import('node:fs')
    const os = await import('node:os')
    const path = await import('node:path')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-demo-'))
    try {
      for (let round = 0; round < 20; round++) {
        const file = path.join(dir, `c${round}.json`)
        for (const u of demoUsers(file)) expect(passwordProblem(u.password, [u.email, u.name]), u.password).toBeNull()
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('GraphQL limits', () => {
  const schema = buildSchema(`
    type Doc { title: String, related: [Doc] }
    type Query { News: [Doc], Pages: [Doc] }
  `)
  const errorsOf = (query: string) => validate(schema, parse(query), [aliasLimit(GRAPHQL_MAX_ALIASES), depthRule(4)]).map((e) => e.message)
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: News { title }`).join(' ')} }`

  it.each([
    ['no alias', '{ News { title } Pages { title } }', []],
    ['as many aliases as allowed', aliases(GRAPHQL_MAX_ALIASES), []],
    ['one alias too many', aliases(GRAPHQL_MAX_ALIASES + 1), [/Too many aliases: at most 10/]],
    ['200 aliases: one error, not 190', aliases(200), [/Too many aliases/]],
    ['aliases inside a fragment count', `{ News { ...F } } fragment F on Doc { ${Array.from({ length: 11 }, (_, i) => `t${i}: title`).join(' ')} }`, [/Too many aliases/]],
    ['depth at the limit', '{ News { related { related { title } } } }', []],
    ['too deep', '{ News { related { related { related { related { title } } } } } }', [/exceeds maximum operation depth of 4/]],
    ['too deep through a fragment', '{ News { ...F } } fragment F on Doc { related { related { related { related { title } } } } }', [/exceeds maximum operation depth/]],
    // graphql-depth-limit would crash on it; the rule leaves it to GraphQL (no error from these two rules).
    ['an undefined fragment', '{ News { ...Missing } }', []],
    // …and on one that spreads itself (it would recurse for ever).
    ['a fragment cycle', '{ News { ...A } } fragment A on Doc { ...B } fragment B on Doc { ...A }', []],
  ] as const)('%s', (_label, query, expected) => {
    const errors = errorsOf(query)
    expect(errors).toHaveLength(expected.length)
    expected.forEach((pattern, i) => expect(errors[i]).toMatch(pattern))
  })
})

describe('GraphQL requests refused before validation', () => {
  const body = (query: unknown) => new Request('http://127.0.0.1/api/graphql', { method: 'POST', body: JSON.stringify({ query }) })
  const bomb = (spreads: number) =>
    `{ News { ...F0 } } ${Array.from({ length: 6 }, (_, i) => `fragment F${i} on Doc { related { ${`...F${i + 1} `.repeat(i === 5 ? 0 : Math.ceil(spreads / 5))} title } }`).join(' ')} fragment F6 on Doc { title }`

  it.each([
    ['an ordinary query', '{ News { title } }', false],
    ['a syntax error (GraphQL says where)', '{ News { title ', false],
    ['not a string (GraphQL says so)', 42, false],
    ['a fragment bomb', bomb(30), true],
    ['a query past the size limit', `{ News { ${'title '.repeat(5000)} } }`, true],
    ['a query past the token limit', `{ News { ${'t '.repeat(3000)} } }`, true],
  ])('%s', async (_label, query, refused) => {
    const problem = await graphqlRequestProblem(body(query))
    expect(problem !== null).toBe(refused)
    if (problem) expect(problem.en).toMatch(new RegExp(`${GRAPHQL_MAX_SPREADS} fragment spreads`))
  })

  it('reads a body that is not JSON as nothing to refuse', async () => {
    expect(await graphqlRequestProblem(new Request('http://127.0.0.1/', { method: 'POST', body: '{' }))).toBeNull()
  })
})

describe('what the log keeps of an error', () => {
  it.each([
    ['a client error: one line, no stack', Object.assign(new Error('Invalid JSON'), { status: 400, name: 'APIError' }), false],
    ['a refused sign-in', Object.assign(new Error('Too many'), { status: 429, name: 'TooManyRequests' }), false],
    ['a server error keeps its stack', Object.assign(new Error('boom'), { status: 500 }), true],
    ['an error without a status keeps its stack', new Error('unexpected'), true],
  ])('%s', (_label, error, stack) => {
    const logged = serializeError(error) as { message: string; stack?: string }
    expect(logged.message).toBe(error.message)
    expect(Boolean(logged.stack)).toBe(stack)
  })
})

describe('settings', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })
  const env = (vars: Record<string, string | undefined>) => {
    process.env.PAYLOAD_SECRET = 'x'.repeat(32)
    for (const [k, v] of Object.entries(vars)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }

  it.each([
    ['http public address', { PAYLOAD_PUBLIC_SERVER_URL: 'http://localhost:3000', PAYLOAD_COOKIE_SECURE: undefined }, false],
    ['https public address', { PAYLOAD_PUBLIC_SERVER_URL: 'https://cms.pajuris.lt', PAYLOAD_COOKIE_SECURE: undefined }, true],
    ['https, explicitly off (a TLS proxy on another host?)', { PAYLOAD_PUBLIC_SERVER_URL: 'https://cms.pajuris.lt', PAYLOAD_COOKIE_SECURE: 'false' }, false],
    ['http, explicitly on', { PAYLOAD_PUBLIC_SERVER_URL: 'http://localhost:3000', PAYLOAD_COOKIE_SECURE: 'true' }, true],
  ])('Secure cookie: %s', (_label, vars, secure) => {
    env(vars)
    expect(readEnv().cookieSecure).toBe(secure)
  })

  it('refuses a Secure setting that is not true or false, and limits that are not positive whole numbers', () => {
    env({ PAYLOAD_COOKIE_SECURE: 'yes please' })
    expect(() => readEnv()).toThrow(/PAYLOAD_COOKIE_SECURE must be true or false/)
    for (const name of ['API_RATE_LIMIT', 'API_RATE_LIMIT_STAFF', 'GRAPHQL_RATE_LIMIT', 'LOGIN_RATE_LIMIT']) {
      env({ PAYLOAD_COOKIE_SECURE: undefined, [name]: '0' })
      expect(() => readLimits(), name).toThrow(ConfigError)
      env({ [name]: '12' })
      expect(Object.values(readLimits())).toContain(12)
      delete process.env[name]
    }
  })
})

describe('requests as they reach the CMS, before Next', () => {
  it('carry the socket peer as their client address, whatever X-Forwarded-For or the header itself claims; TRACE and broken %-escapes are answered at once', async () => {
    // Counters are made on first use, from the environment: a small anonymous limit here.
    process.env.API_RATE_LIMIT = '12'
    process.env.API_BURST_LIMIT = '100'
    guardIncomingRequests()
    const server = http.createServer((req, res) => res.end(String(req.headers[CLIENT_HEADER])))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    const port = (server.address() as { port: number }).port
    const ask = (from: string, headers: Record<string, string>, method = 'GET', path = '/api/news') =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        http
          .request({ host: '127.0.0.1', port, localAddress: from, headers, method, path }, (res) => {
            let body = ''
            res.on('data', (d) => (body += d))
            res.on('end', () => resolve({ status: res.statusCode!, body }))
          })
          .on('error', reject)
          .end()
      })
    try {
      expect(await ask('127.0.0.1', {})).toEqual({ status: 200, body: '127.0.0.1' })
      expect((await ask('127.0.0.9', { 'x-forwarded-for': '198.51.100.7' })).body).toBe('127.0.0.9')
      expect((await ask('127.0.0.9', { [CLIENT_HEADER]: '198.51.100.7' })).body).toBe('127.0.0.9')
      const trace = await ask('127.0.0.1', {}, 'TRACE')
      expect(trace.status).toBe(405)
      expect(trace.body).toContain('does not accept that method')
      const broken = await ask('127.0.0.1', {}, 'GET', '/api/%E0%A4%A')
      expect(broken.status).toBe(400)
      expect(broken.body).toContain('wrongly encoded characters')
      // A %-escape in the query string is the route's to read.
      expect((await ask('127.0.0.1', {}, 'GET', '/api/news?q=%E0%A4%A')).status).toBe(200)
      // An anonymous API client past its limit is refused on arrival; the server never sees it.
      const answers = []
      for (let i = 0; i < 13; i++) answers.push(await ask('127.0.0.20', {}))
      expect(answers.slice(0, 12).map((a) => a.status)).toEqual(Array(12).fill(200))
      expect(answers[12]!.status).toBe(429)
      expect(answers[12]!.body).toMatch(/Too many requests from your address/)
      // Credentials are the guard's to check (it counts those that fail as anonymous).
      expect((await ask('127.0.0.20', { cookie: 'payload-token=x' })).status).toBe(200)
      // Pages of the admin are not the API's limits.
      expect((await ask('127.0.0.20', {}, 'GET', '/admin/login')).status).toBe(200)
    } finally {
      await new Promise((r) => server.close(r))
    }
  })
})
