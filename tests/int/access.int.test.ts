import type { Payload } from 'payload'
import { afterAll, beforeAll, describe } from 'vitest'

import { startCms, type TestCms } from './helpers'
import { accessSuite } from './suites/access'

let cms: TestCms

beforeAll(async () => {
  cms = await startCms()
})
afterAll(async () => {
  await cms?.close()
})

describe('access matrix (SQLite)', () => {
  accessSuite((): Payload => cms.payload)
})
