import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export default defineConfig({
  root,
  test: {
    include: ['tests/**/*.test.ts'],
    // Each file boots its own Payload on its own throwaway database.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 600_000,
    reporters: ['default'],
  },
})
