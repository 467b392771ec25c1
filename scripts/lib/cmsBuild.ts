import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../../cms/lib/env'
import { nextBin, run, treeHash } from './processes'

const stampFile = path.join(rootDir, 'cms/.next/atvira-source-hash')

export function cmsSourceHash(): string {
  return treeHash(['cms', 'package-lock.json', 'tsconfig.json'], (rel) =>
    rel.startsWith('cms/.next') || rel === 'cms/next-env.d.ts' || rel.startsWith('cms/migrations'),
  )
}

export function cmsBuildIsFresh(): boolean {
  if (!fs.existsSync(path.join(rootDir, 'cms/.next/BUILD_ID'))) return false
  return fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === cmsSourceHash()
}

/** `next build cms` when the admin is missing or its sources changed. */
export async function buildCmsIfStale({ force = false } = {}): Promise<boolean> {
  if (!force && cmsBuildIsFresh()) return false
  console.log('Building the CMS admin (Next.js); this takes a few minutes the first time…')
  const started = Date.now()
  await run(process.execPath, [nextBin(), 'build', 'cms'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  })
  // Hashed after the build: Next may rewrite tsconfig.json on its first build.
  fs.writeFileSync(stampFile, cmsSourceHash())
  console.log(`Admin built in ${Math.round((Date.now() - started) / 1000)} s.`)
  return true
}
