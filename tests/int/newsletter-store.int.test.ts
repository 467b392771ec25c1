/** The newsletter store's contract on SQLite (tests/int/mongodb.int.test.ts runs it on MongoDB). */
import { afterAll, beforeAll, describe } from 'vitest'

import { startCms, type TestCms } from './helpers'
import { newsletterStoreSuite } from './suites/newsletterStore'

let cms: TestCms
beforeAll(async () => {
  cms = await startCms()
})
afterAll(async () => {
  await cms?.close()
})

describe('newsletter store (SQLite)', () => newsletterStoreSuite(() => cms.payload))
