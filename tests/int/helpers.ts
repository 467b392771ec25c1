import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { rootDir } from '../../cms/model/env'
import { seed, type SeedReport } from '../../cms/seed/index'
import { loadContent } from '../../cms/seed/load'
import { makeAssets } from '../../scripts/lib/assets'

export type Engine = 'sqlite' | 'mongodb'

export type TestCms = {
  payload: Payload
  dir: string
  engine: Engine
  close: () => Promise<void>
}

/**
 * A real CMS on a throwaway database: a fresh SQLite file (default) or a fresh MongoDB
 * database when the engine is mongodb. Env is set before the config is imported.
 */
export async function startCms({
  engine = 'sqlite',
  env = {},
}: { engine?: Engine; env?: Record<string, string> } = {}): Promise<TestCms> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-int-'))
  const dbName = `atvira_test_${crypto.randomBytes(5).toString('hex')}`
  if (engine === 'mongodb') {
    const base = process.env.MONGODB_URL
    if (!base) throw new Error('MONGODB_URL is not set')
    const url = new URL(base)
    url.pathname = `/${dbName}`
    process.env.DATABASE_URL = url.toString()
  } else {
    process.env.DATABASE_URL = `file:${path.join(dir, 'test.db')}`
  }
  process.env.PAYLOAD_SECRET = crypto.randomBytes(24).toString('hex')
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.PAYLOAD_PUBLIC_SERVER_URL = 'http://127.0.0.1:3999'
  delete process.env.SMTP_URL
  Object.assign(process.env, env)

  const { getPayload } = await import('payload')
  const config = (await import('../../cms/payload.config')).default
  const payload = await getPayload({ config })
  await payload.db.migrate()
  return {
    payload,
    dir,
    engine,
    close: async () => {
      if (engine === 'mongodb') {
        const conn = (payload.db as unknown as { connection?: { dropDatabase: () => Promise<unknown> } }).connection
        await conn?.dropDatabase()
      }
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Rich text with one paragraph: enough for required rich-text fields. */
export function paragraph(text: string) {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: [
        {
          type: 'paragraph',
          format: '',
          indent: 0,
          version: 1,
          direction: 'ltr',
          textFormat: 0,
          children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
        },
      ],
    },
  }
}

export const mongoUrl = process.env.MONGODB_URL
export const mongoSkipReason =
  'MONGODB_URL is not set: the MongoDB integration suite was skipped (set it to a replica-set URL to run it).'

/** Payload's ValidationError carries the per-field messages editors see in `data.errors`. */
export async function expectFieldError(promise: Promise<unknown>, field: string, message: RegExp): Promise<void> {
  let error: unknown
  try {
    await promise
  } catch (e) {
    error = e
  }
  if (!error) throw new Error(`expected a validation error on "${field}", but the write succeeded`)
  const errors = (error as { data?: { errors?: { path: string; message: string }[] } }).data?.errors ?? []
  const match = errors.find((e) => e.path === field || e.path.endsWith(`.${field}`))
  if (!match) throw new Error(`expected an error on "${field}", got ${JSON.stringify(errors) || String(error)}`)
  if (!message.test(match.message)) throw new Error(`error on "${field}" was "${match.message}", expected ${message}`)
}

/** Demo staff with known passwords, for tests that sign in. */
export const testDemoUsers = [
  { email: 'admin@pajuris.example', name: 'A', role: 'admin' as const, password: 'test-password-admin' },
  { email: 'editor@pajuris.example', name: 'E', role: 'editor' as const, password: 'test-password-editor' },
  { email: 'author@pajuris.example', name: 'W', role: 'author' as const, password: 'test-password-author' },
]

/** Seeds the demo city (or another content folder, in its languages) into a test CMS, assets in its temp dir. */
export async function seedDemo(cms: TestCms, contentDir = path.join(rootDir, 'content'), locales = ['lt', 'en']): Promise<SeedReport> {
  return seed(cms.payload, {
    content: loadContent(contentDir, locales, locales[0]!),
    assets: await makeAssets({ contentDir, outDir: path.join(cms.dir, 'assets') }),
    demoUsers: testDemoUsers,
  })
}
