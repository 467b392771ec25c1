/** The newsletter store's contract on SQLite (tests/int/mongodb.int.test.ts runs it on MongoDB). */
import { afterAll, beforeAll, describe } from 'vitest'

import { type NewsletterStore, openStore, storeFor } from '../../cms/plugins/newsletter/store'
import { startCms, type TestCms } from './helpers'
import { newsletterStoreSuite } from './suites/newsletterStore'

let cms: TestCms
let own: NewsletterStore
beforeAll(async () => {
  cms = await startCms()
  own = await openStore(process.env.DATABASE_URL)
})
afterAll(async () => {
  await own?.close()
  await cms?.close()
})

describe("newsletter store (SQLite, Payload's connection)", () => newsletterStoreSuite(() => cms.payload, () => storeFor(cms.payload)))
// The dispatcher's own connection, with its prepared statements.
describe("newsletter store (SQLite, the dispatcher's connection)", () => newsletterStoreSuite(() => cms.payload, () => own))
