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
  // On every response. The admin's Content-Security-Policy names the site's address
  // (live preview), read at run time: cms/proxy.ts sets it.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
