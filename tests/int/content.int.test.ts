import { afterAll, beforeAll, describe } from 'vitest'

import { startCms, type TestCms } from './helpers'
import { contentSuite } from './suites/content'

let cms: TestCms

beforeAll(async () => {
  cms = await startCms()
})
afterAll(async () => {
  await cms?.close()
})

describe('content model (SQLite)', () => {
  contentSuite(() => cms.payload)
})
