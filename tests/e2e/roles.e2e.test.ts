/**
 * The role matrix (README "Roles"): every cell of tests/e2e/roles/table.ts against the
 * built admin over HTTP (REST and GraphQL), the admin's server functions through the
 * Local API. One server, one database, fixtures made per cell through the Local API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { buildCmsIfStale } from '../../scripts/lib/cmsBuild'
import { startCms, type TestCms } from '../int/helpers'
import { content, file, type Harness } from './roles/harness'
import { contentRuns, endpointRuns, fileRuns, settingsRuns, sharedFiles, subscriberRuns, systemRun } from './roles/operations'
import { rows, type Row } from './roles/table'
import { startAdminServer } from './server'

let cms: TestCms
let server: Awaited<ReturnType<typeof startAdminServer>>
const h = {} as Harness

beforeAll(async () => {
  cms = await startCms()
  await buildCmsIfStale()
  const { payload } = cms
  const passwords: Record<string, string> = {}
  const users = {} as Harness['users']
  for (const [key, role] of [['author', 'author'], ['author2', 'author'], ['editor', 'editor'], ['admin', 'admin']] as const) {
    passwords[key] = `a-long-${key}-password`
    users[key] = (await payload.create({
      collection: 'users',
      data: { email: `${key}@roles.test`, password: passwords[key], name: key, role },
      overrideAccess: true,
    })) as User
  }
  Object.assign(h, { payload, users, tokens: {} })
  h.topicId = (await payload.create({ collection: 'topics', data: { name: 'Roles topic', _status: 'published' } as never, overrideAccess: true })).id
  h.consultationId = (await content(h, 'consultations', 'live')).id
  await payload.updateGlobal({ slug: 'settings', locale: 'lt', data: { cityName: 'Pajūris', _status: 'published' }, overrideAccess: true })
  for (const c of ['media', 'documents'] as const) sharedFiles[c] = { used: await file(h, c, true), unused: await file(h, c, false) }

  // The matrix is about roles: the request limits, which would refuse its hundreds of
  // anonymous requests from one address, have their own tests (tests/e2e/suites/limits.ts).
  server = await startAdminServer({
    ...process.env,
    API_RATE_LIMIT: '1000000',
    GRAPHQL_RATE_LIMIT: '1000000',
    API_BURST_LIMIT: '1000000',
    API_RATE_LIMIT_STAFF: '1000000',
    API_ANONYMOUS_CONCURRENCY: '1000',
    API_ANONYMOUS_CONCURRENCY_PER_CLIENT: '1000',
  })
  h.url = server.url
  for (const actor of ['author', 'editor', 'admin'] as const) {
    const res = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${actor}@roles.test`, password: passwords[actor] }),
    })
    h.tokens[actor] = ((await res.json()) as { token: string }).token
  }
}, 900_000)

afterAll(async () => {
  await server?.stop()
  await cms?.close()
})

const name = (r: Row) => `${r.target}: ${r.operation} as ${r.actor} → ${r.expected}`

function run(r: Row) {
  switch (r.area) {
    case 'content':
      return contentRuns[r.operation as keyof typeof contentRuns](h, r.actor, r.target as never)
    case 'files':
      return fileRuns[r.operation as keyof typeof fileRuns](h, r.actor, r.target as never)
    case 'settings':
      return settingsRuns[r.operation as keyof typeof settingsRuns](h, r.actor, 'settings')
    case 'system':
      return systemRun(h, r.actor, r.target, r.operation as 'list' | 'create')
    case 'subscribers':
      return subscriberRuns[r.operation as keyof typeof subscriberRuns](h, r.actor, 'subscribers')
    default:
      return endpointRuns[r.operation as keyof typeof endpointRuns](h, r.actor, 'endpoints')
  }
}

// Cells on their own fixtures run side by side; the settings global is one document, so its cells run in order.
describe('role matrix', () => {
  it.concurrent.each(rows.filter((r) => r.area !== 'settings' && r.area !== 'endpoints').map((r) => [name(r), r] as const))('%s', async (_, r) => {
    expect(await run(r)).toBe(r.expected)
  })
  describe('settings and endpoints', () => {
    it.each(rows.filter((r) => r.area === 'settings' || r.area === 'endpoints').map((r) => [name(r), r] as const))('%s', async (_, r) => {
      expect(await run(r)).toBe(r.expected)
    })
  })
})
