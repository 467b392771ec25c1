/**
 * Abuse of the CMS's API: GraphQL queries too large to run, per-client rate limits on
 * REST and GraphQL, the sign-in throttle per address, the same time and message for
 * every refused sign-in, the password rule over REST, and API keys for admins only.
 * Each test is a client of its own (a loopback source address), so limits reached in
 * one do not leak into another.
 */
import crypto from 'node:crypto'

import { beforeAll, describe, expect, it } from 'vitest'

import { readLimits } from '../../../cms/model/env'
import { burstAllowance } from '../../../cms/security/limits'
import { loopbackClient, rawRequest, type RawResponse } from '../http'
import type { Targets } from './targets'

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
const message = (res: RawResponse) => String((JSON.parse(res.body) as { errors?: { message?: string }[] }).errors?.[0]?.message ?? '')
/** A news article's related articles, `levels` deep (two fields a level). */
const nested = (levels: number): string => (levels === 0 ? 'id' : `id related { value { ... on NewsArticle { ${nested(levels - 1)} } } }`)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Sends `n` requests, `width` at a time. */
async function many(n: number, width: number, send: (i: number) => Promise<RawResponse>): Promise<RawResponse[]> {
  const out: RawResponse[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) out.push(await send(next++))
    }),
  )
  return out
}

export function limitsSuite(targets: () => Targets): void {
  describe('abuse of the API', () => {
    // The limits in force, as the server read them (cms-api.e2e.test.ts sets the burst).
    const limits = { ...readLimits(), anonymousPerSecond: 30 }
    let adminToken = ''
    const login = (email: string, password: string, from: string) =>
      rawRequest(targets().cmsUrl, { method: 'POST', path: '/api/users/login', from, ...json({ email, password }) })

    beforeAll(async () => {
      const { admin } = targets()
      const res = await login(admin.email, admin.password, loopbackClient(40_000))
      adminToken = (JSON.parse(res.body) as { token: string }).token
      expect(adminToken).toBeTruthy()
    })
    const asAdmin = () => ({ authorization: `JWT ${adminToken}` })

    describe('GraphQL', () => {
      const gql = (query: string, from: string) => rawRequest(targets().cmsUrl, { method: 'POST', path: '/api/graphql', from, ...json({ query }) })

      /** Refused before anything ran: errors and no data (GraphQL over HTTP may say so with 200 or 400). */
      const refusedFast = (res: RawResponse, says: RegExp) => {
        expect([200, 400], res.body.slice(0, 300)).toContain(res.status)
        const body = JSON.parse(res.body) as { data?: unknown; errors?: { message: string }[] }
        expect(body.data ?? null).toBeNull()
        expect(body.errors?.map((e) => e.message).join(' | ')).toMatch(says)
        // It took 32 s when it ran; refused, it is a few ms of validation (generous bound for a loaded machine).
        expect(res.ms).toBeLessThan(3_000)
      }

      it('refuses a query with 200 aliases at once, before running any of it', async () => {
        const query = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: News(limit: 100) { docs { id title topics { name } } }`).join(' ')} }`
        refusedFast(await gql(query, loopbackClient(40_100)), /too large|Too many aliases/)
      })

      it.each([
        ['11 aliases', `{ ${Array.from({ length: 11 }, (_, i) => `a${i}: News(limit: 1) { docs { id } }`).join(' ')} }`, /Too many aliases: at most 10/],
        ['too deep', `{ News { docs { ${nested(5)} } } }`, /exceeds maximum operation depth of 10/],
        ['too complex', `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: News { docs { topics { name } related { value { ... on NewsArticle { topics { name } related { relationTo } } } } } }`).join(' ')} }`, /complexity/i],
        ['a fragment bomb', `{ News { docs { ...F0 } } } ${Array.from({ length: 5 }, (_, i) => `fragment F${i} on NewsArticle { id ${`...F${i + 1} `.repeat(5)} }`).join(' ')} fragment F5 on NewsArticle { id }`, /fragment spreads/],
      ])('refuses a query with %s', async (_label, query, says) => {
        refusedFast(await gql(query, loopbackClient(40_101)), says)
      })

      it(`limits anonymous clients to ${limits.anonymousGraphqlPerMinute} queries a minute, then 429 with Retry-After`, async () => {
        const from = loopbackClient(40_102)
        const answers = await many(limits.anonymousGraphqlPerMinute, 4, () => gql('{ News(limit: 1) { docs { id } } }', from))
        expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([])
        const refused = await gql('{ News(limit: 1) { docs { id } } }', from)
        expect(refused.status).toBe(429)
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
        expect(message(refused)).toMatch(/Per daug užklausų.*Too many requests from your address\. Try again in \d+ s\./)
        // Another client is not affected.
        expect((await gql('{ News(limit: 1) { docs { id } } }', loopbackClient(40_103))).status).toBe(200)
      })
    })

    describe('REST', () => {
      it(`limits an anonymous client to ${limits.anonymousPerMinute} requests a minute; staff are counted by account, generously`, { timeout: 120_000 }, async () => {
        const { cmsUrl } = targets()
        const from = loopbackClient(40_200)
        const get = (headers: Record<string, string> = {}) => rawRequest(cmsUrl, { path: '/api/globals/settings?depth=0', from, headers })
        // One at a time and under the per-second burst: only the minute is measured here.
        const answers: RawResponse[] = []
        for (let second = 0; answers.length < limits.anonymousPerMinute; second++) {
          const started = Date.now()
          answers.push(...(await many(Math.min(limits.anonymousPerSecond - 1, limits.anonymousPerMinute - answers.length), 1, () => get())))
          await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - started))))
        }
        expect(answers.filter((a) => a.status !== 200).map((a) => a.status)).toEqual([])
        const refused = await get()
        expect(refused.status).toBe(429)
        const wait = Number(refused.headers['retry-after'])
        expect(wait).toBeGreaterThan(0)
        expect(wait).toBeLessThanOrEqual(60)
        expect(refused.headers['content-type']).toMatch(/^application\/json/)
        expect(message(refused)).toContain(`Try again in ${wait} s`)
        // The same address signed in is an account, with its own, larger budget.
        expect((await get(asAdmin())).status).toBe(200)
        // Another client is not affected.
        expect((await rawRequest(cmsUrl, { path: '/api/globals/settings?depth=0', from: loopbackClient(40_201) })).status).toBe(200)
      })

      it('limits a burst: past the per-second limit and its short allowance, 429 with Retry-After: 1', async () => {
        const { cmsUrl } = targets()
        const from = loopbackClient(40_205)
        const allowed = limits.anonymousPerSecond + burstAllowance(limits.anonymousPerSecond)
        // Quick answers (404), one after the other, until the first refusal.
        let admitted = 0
        let refused: RawResponse | undefined
        const started = Date.now()
        while (!refused && admitted < allowed + limits.anonymousPerSecond * 10) {
          const res = await rawRequest(cmsUrl, { path: '/api/no-such-thing', from })
          if (res.status === 429) refused = res
          else admitted++
        }
        const seconds = Math.ceil((Date.now() - started) / 1000)
        expect(refused?.headers['retry-after'], `no refusal after ${admitted} requests in ${seconds} s`).toBe('1')
        // All the first second and the allowance, and no more than one second's worth per second since.
        expect(admitted).toBeGreaterThanOrEqual(allowed)
        expect(admitted).toBeLessThanOrEqual(allowed + limits.anonymousPerSecond * seconds)
      })

      it('answers a flood from one client with 429 at once past its share, and keeps serving other clients and staff meanwhile', { timeout: 120_000 }, async () => {
        const { cmsUrl } = targets()
        const flooder = loopbackClient(40_210)
        // Sign-in attempts are slow on purpose (the password hash): 12 at once overlap for sure.
        const flood = many(12, 12, (i) => login(`flood-${i}@example.test`, 'a-wrong-password-123', flooder))
        const other = await rawRequest(cmsUrl, { path: '/api/news?limit=10', from: loopbackClient(40_211) })
        const staff = await rawRequest(cmsUrl, { path: '/api/news?limit=10', from: loopbackClient(40_212), headers: asAdmin() })
        const answers = await flood
        const busy = answers.filter((a) => a.status === 429)
        expect(answers.filter((a) => a.status === 401).length).toBeGreaterThan(0)
        expect(busy.length).toBeGreaterThan(0)
        expect(answers.length - busy.length).toBeLessThanOrEqual(limits.anonymousConcurrentPerClient * 2)
        expect(message(busy[0]!)).toMatch(/The server is busy answering other requests\. Try again in 1 s\./)
        expect(busy[0]!.headers['retry-after']).toBe('1')
        expect(other.status).toBe(200)
        expect(staff.status).toBe(200)
      })
    })

    describe('sign-in', () => {
      it(`stops a client after ${limits.loginFailuresPer15Minutes} failed sign-ins, whichever accounts they named; other clients sign in`, { timeout: 180_000 }, async () => {
        const { admin } = targets()
        const from = loopbackClient(40_300)
        const failures = await many(limits.loginFailuresPer15Minutes, 1, (i) => login(`nobody-${i}-${crypto.randomUUID()}@example.test`, 'a-wrong-password-123', from))
        expect(failures.map((f) => f.status)).toEqual(failures.map(() => 401))
        const stopped = await login(admin.email, admin.password, from)
        expect(stopped.status, stopped.body).toBe(429)
        expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(60)
        expect(message(stopped)).toMatch(/Too many failed sign-ins from your address\. Try again in \d+ min/)
        expect(stopped.body).not.toContain('"token"')
        expect((await login(admin.email, admin.password, loopbackClient(40_301))).status).toBe(200)
      })

      it('does not count sign-ins that succeed (an office behind one address)', { timeout: 180_000 }, async () => {
        const { admin } = targets()
        const from = loopbackClient(40_310)
        const answers = await many(limits.loginFailuresPer15Minutes + 3, 1, () => login(admin.email, admin.password, from))
        expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200))
      })

      it('takes as long and says the same for an unknown address, a wrong password and a locked account', { timeout: 240_000 }, async () => {
        const { cms } = targets()
        const known = ['timing-a@example.test', 'timing-b@example.test', 'timing-locked@example.test']
        for (const email of known) {
          await cms.payload.create({ collection: 'users', data: { email, password: 'a-long-timing-password', name: 'T', role: 'author' } as never, overrideAccess: true })
        }
        let client = 40_400
        const attempt = (email: string) => login(email, 'not-the-password-123', loopbackClient(client++))
        // Five failures lock the third account.
        for (let i = 0; i < 5; i++) await attempt(known[2]!)
        const times: Record<'unknown' | 'wrong' | 'locked', number[]> = { unknown: [], wrong: [], locked: [] }
        const bodies = new Set<string>()
        // Interleaved, so that the machine's load drifts over all three alike; four per account stays under its lock.
        for (let round = 0; round < 4; round++) {
          for (const [kind, email] of [
            ['unknown', `nobody-${round}@example.test`],
            ['wrong', known[round % 2]!],
            ['locked', known[2]!],
          ] as const) {
            const res = await attempt(email)
            expect(res.status, `${kind}: ${res.body}`).toBe(401)
            bodies.add(message(res))
            times[kind].push(res.ms)
          }
        }
        expect([...bodies]).toEqual([expect.stringMatching(/incorrect, or the account is locked/)])
        const wrong = median(times.wrong)
        console.log(`sign-in refusals, median ms: wrong password ${Math.round(wrong)}, unknown address ${Math.round(median(times.unknown))}, locked ${Math.round(median(times.locked))}`)
        // Before: an unknown address was answered in a few ms, a wrong password after ~300 ms of hashing.
        // Loose bounds: a busy machine stretches single requests; the leak was a factor of 50.
        for (const kind of ['unknown', 'locked'] as const) {
          expect(median(times[kind]) / wrong, kind).toBeGreaterThan(1 / 3)
          expect(median(times[kind]) / wrong, kind).toBeLessThan(3)
        }
      })

      it('sends the session cookie HttpOnly and SameSite=Lax, and not Secure on a plain-http address', async () => {
        const { admin } = targets()
        const res = await login(admin.email, admin.password, loopbackClient(40_500))
        const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('payload-token='))!
        expect(cookie).toMatch(/HttpOnly/i)
        expect(cookie).toMatch(/SameSite=Lax/i)
        expect(cookie).not.toMatch(/;\s*Secure/i)
      })
    })

    describe('passwords', () => {
      const create = (password: string, email = `pw-${crypto.randomUUID()}@example.test`) =>
        rawRequest(targets().cmsUrl, { method: 'POST', path: '/api/users', from: loopbackClient(40_600), headers: { 'content-type': 'application/json', ...asAdmin() }, body: JSON.stringify({ email, password, name: 'Rūta Testuotoja', role: 'author' }) })
      const fieldError = (res: RawResponse) =>
        (JSON.parse(res.body) as { errors: { data?: { errors?: { path: string; message: string }[] } }[] }).errors[0]?.data?.errors?.[0]

      it.each([
        ['abc', /at least 12 characters \(it has 3\)/],
        ['password', /at least 12 characters/],
        ['password1234', /too weak: it is close to a common password/],
        ['rutatestuotoja', /too weak/],
      ])('refuses %s with a field error that says why and what to do', async (password, says) => {
        const res = await create(password)
        expect(res.status).toBe(400)
        const error = fieldError(res)!
        expect(error.path).toBe('password')
        expect(error.message).toMatch(says)
        expect(error.message).toMatch(/password manager/)
      })

      it('accepts a long, unguessable one', async () => {
        expect((await create('lighthouse-harbour-amber-tide')).status).toBe(201)
      })

      it('checks a password set with a reset link too, before the link itself', async () => {
        const reset = (password: string) =>
          rawRequest(targets().cmsUrl, { method: 'POST', path: '/api/users/reset-password', from: loopbackClient(40_601), ...json({ token: 'not-a-real-token', password }) })
        const weak = await reset('password')
        expect(weak.status).toBe(400)
        expect(fieldError(weak)?.message).toMatch(/at least 12 characters/)
        expect((await reset('lighthouse-harbour-amber-tide')).status).toBe(403)
      })
    })

    describe('files gone from the disk', () => {
      it('an upload whose file was deleted answers 404 with a message, its sizes too', async () => {
        const { cms, cmsUrl } = targets()
        const sharp = (await import('sharp')).default
        const fs = await import('node:fs')
        const path = await import('node:path')
        const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#48a' } }).png().toBuffer()
        const doc = (await cms.payload.create({
          collection: 'media',
          data: { alt: 'Soon gone' } as never,
          file: { data: png, mimetype: 'image/png', name: `gone-${Date.now()}.png`, size: png.length },
          overrideAccess: true,
        })) as unknown as { filename: string; sizes: Record<string, { filename?: string }> }
        const dir = cms.payload.collections.media.config.upload.staticDir!
        const files = [doc.filename, ...Object.values(doc.sizes).flatMap((s) => (s.filename ? [s.filename] : []))]
        // Staff: the public reads only files that live content uses (tests/e2e/roles).
        const staffHeaders = asAdmin()
        expect((await rawRequest(cmsUrl, { path: `/api/media/file/${doc.filename}`, from: loopbackClient(40_800), headers: staffHeaders })).status).toBe(200)
        for (const f of files) fs.rmSync(path.join(dir, f))
        for (const f of files) {
          const res = await rawRequest(cmsUrl, { path: `/api/media/file/${encodeURIComponent(f)}`, from: loopbackClient(40_801), headers: staffHeaders })
          expect(res.status, f).toBe(404)
          expect(message(res)).toContain('There is no such file')
        }
      })
    })

    describe('API keys', () => {
      it('only an admin enables one; the users list shows which accounts have one', { timeout: 120_000 }, async () => {
        const { cms, cmsUrl } = targets()
        const email = `keys-${crypto.randomUUID()}@example.test`
        const password = 'keys-editor-long-password'
        const editor = await cms.payload.create({ collection: 'users', data: { email, password, name: 'K', role: 'editor' } as never, overrideAccess: true })
        const editorToken = (JSON.parse((await login(email, password, loopbackClient(40_700))).body) as { token: string }).token
        const me = async (key: string) =>
          (JSON.parse((await rawRequest(cmsUrl, { path: '/api/users/me', from: loopbackClient(40_701), headers: { authorization: `users API-Key ${key}` } })).body) as { user: { email: string } | null }).user
        const patch = (token: string, data: unknown) =>
          rawRequest(cmsUrl, { method: 'PATCH', path: `/api/users/${editor.id}`, from: loopbackClient(40_702), headers: { 'content-type': 'application/json', authorization: `JWT ${token}` }, body: JSON.stringify(data) })

        // The editor tries to give themselves a key: the fields are not theirs to write.
        const ownKey = crypto.randomUUID()
        expect((await patch(editorToken, { enableAPIKey: true, apiKey: ownKey })).status).toBeLessThan(500)
        expect(await me(ownKey)).toBeNull()
        // An admin gives the editor a key: it works.
        const adminKey = crypto.randomUUID()
        expect((await patch(adminToken, { enableAPIKey: true, apiKey: adminKey })).status).toBe(200)
        expect((await me(adminKey))?.email).toBe(email)

        const list = JSON.parse((await rawRequest(cmsUrl, { path: '/api/users?limit=100&depth=0', from: loopbackClient(40_703), headers: asAdmin() })).body) as { docs: { email: string; hasAPIKey?: boolean }[] }
        expect(list.docs.find((d) => d.email === email)?.hasAPIKey).toBe(true)
        expect(list.docs.find((d) => d.email === targets().admin.email)?.hasAPIKey).toBe(false)
        expect(cms.payload.collections.users.config.admin.defaultColumns).toContain('hasAPIKey')
        // The editor does not see the flag, nor the key.
        const own = await rawRequest(cmsUrl, { path: `/api/users/${editor.id}`, from: loopbackClient(40_704), headers: { authorization: `JWT ${editorToken}` } })
        expect(own.body).not.toContain('hasAPIKey')
        expect(own.body).not.toContain(adminKey)
      })
    })
  })
}
