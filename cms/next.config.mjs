import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'

import { withPayload } from '@payloadcms/next/withPayload'

const cmsDir = path.dirname(fileURLToPath(import.meta.url))
const rootDir = path.resolve(cmsDir, '..')

// Next only reads cms/.env; the project keeps one .env at the root.
const envFile = path.join(rootDir, '.env')
if (fs.existsSync(envFile)) {
  for (const [key, value] of Object.entries(parseEnv(fs.readFileSync(envFile, 'utf8')))) {
    if (process.env[key] === undefined) process.env[key] = value
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: { root: rootDir },
  outputFileTracingRoot: rootDir,
  typescript: { tsconfigPath: '../tsconfig.json' },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
