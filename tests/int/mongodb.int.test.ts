/**
 * The same access and content suites on MongoDB, the production engine. No MongoDB can
 * run on the development machines, so this file needs MONGODB_URL (a replica set,
 * e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0); without it the suites are skipped
 * and say so. The fail-fast check below always runs.
 */
import crypto from 'node:crypto'
import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../../cms/model/env'
import { type NewsletterStore, openStore, storeFor } from '../../cms/plugins/newsletter/store'
import { mongoSkipReason, mongoUrl, startCms, type TestCms } from './helpers'
import { accessSuite } from './suites/access'
import { contentSuite } from './suites/content'
import { newsletterStoreSuite } from './suites/newsletterStore'

if (!mongoUrl) console.warn(`[atvira] ${mongoSkipReason}`)

// Skipped when MONGODB_URL is not set: see mongoSkipReason.
describe.skipIf(!mongoUrl)('MongoDB (MONGODB_URL)', () => {
  let cms: TestCms
  let own: NewsletterStore
  beforeAll(async () => {
    cms = await startCms({ engine: 'mongodb' })
    own = await openStore(process.env.DATABASE_URL)
  })
  afterAll(async () => {
    await own?.close()
    await cms?.close()
  })
  describe('access matrix', () => accessSuite(() => cms.payload))
  describe('content model', () => contentSuite(() => cms.payload))
  describe("newsletter store (Payload's connection)", () => newsletterStoreSuite(() => cms.payload, () => storeFor(cms.payload)))
  describe("newsletter store (the dispatcher's connection)", () => newsletterStoreSuite(() => cms.payload, () => own))
})

describe('MongoDB adapter selection', () => {
  it('is chosen by a mongodb:// DATABASE_URL and fails fast with a clear error when unreachable', () => {
    // Port 1 on loopback is closed: the driver gives up after the selection timeout.
    const script = `
      const { getPayload } = await import('payload')
      const config = (await import('./cms/payload.config.ts')).default
      const started = Date.now()
      try { await getPayload({ config }); console.log('CONNECTED') }
      catch (e) { console.log('FAILED after', Date.now() - started, 'ms:', e.message) }
      process.exit(0)`
    const res = spawnSync(process.execPath, [path.join(rootDir, 'node_modules/tsx/dist/cli.mjs'), '--input-type=module', '-e', script], {
      cwd: rootDir,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        DATABASE_URL: 'mongodb://127.0.0.1:1/atvira?replicaSet=rs0',
        MONGODB_SERVER_SELECTION_TIMEOUT_MS: '1500',
        PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
      },
    })
    const out = `${res.stdout}\n${res.stderr}`
    expect(out).not.toContain('CONNECTED')
    expect(out).toMatch(/cannot connect to MongoDB/i)
    const ms = Number(/FAILED after (\d+) ms/.exec(out)?.[1])
    expect(ms).toBeLessThan(15_000)
  })
})
