import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../../cms/model/env'
import { nextBin, run, treeHash } from '../../site/publisher/processes'

const stampFile = path.join(rootDir, 'cms/.next/atvira-source-hash')

const ignored = (rel: string) => rel.startsWith('cms/.next') || rel === 'cms/next-env.d.ts' || rel.startsWith('cms/migrations')
const hashSources = () => treeHash(['cms', 'package-lock.json'], ignored)

/** What the admin is built from: the CMS's sources and the lock file, then tsconfig.json. */
export function cmsSourceHash(sources: string = hashSources()): string {
  return `${sources}:${treeHash(['tsconfig.json'])}`
}

export function cmsBuildIsFresh(): boolean {
  if (!fs.existsSync(path.join(rootDir, 'cms/.next/BUILD_ID'))) return false
  return fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === cmsSourceHash()
}

const lockDir = path.join(rootDir, 'cms/.next-build.lock')
// A build takes 1–3 minutes; a lock older than this was left by a process that died.
const STALE_LOCK_MS = 20 * 60_000

/** One `next build cms` at a time: two at once (two `npm start`s, parallel test files) corrupt cms/.next. */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  let waited = false
  for (;;) {
    try {
      fs.mkdirSync(lockDir)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > STALE_LOCK_MS) {
        fs.rmSync(lockDir, { recursive: true, force: true })
        continue
      }
      if (!waited) console.log('Another process is building the CMS admin; waiting for it…')
      waited = true
      await new Promise((r) => setTimeout(r, 1000))
    }
  }
  try {
    return await fn()
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true })
  }
}

/** `next build cms` when the admin is missing or its sources changed. */
export async function buildCmsIfStale({ force = false } = {}): Promise<boolean> {
  if (!force && cmsBuildIsFresh()) return false
  return withBuildLock(async () => {
    // The build this process waited for may have been of the same sources.
    if (!force && cmsBuildIsFresh()) return false
    return buildCms()
  })
}

async function buildCms(): Promise<boolean> {
  console.log('Building the CMS admin (Next.js); this takes a few minutes the first time…')
  const started = Date.now()
  // The sources as the build reads them: one edited during the build makes the next start build again.
  const sources = hashSources()
  await run(process.execPath, [nextBin(), 'build', 'cms'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  })
  // tsconfig.json after the build: Next may rewrite it on its first build.
  fs.writeFileSync(stampFile, cmsSourceHash(sources))
  console.log(`Admin built in ${Math.round((Date.now() - started) / 1000)} s.`)
  return true
}
