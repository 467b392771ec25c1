import path from 'node:path'
import { fileURLToPath } from 'node:url'

import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

const siteDir = path.dirname(fileURLToPath(import.meta.url))

// Static HTML for every content page; the node adapter serves it and the few
// on-demand routes (`export const prerender = false`).
export default defineConfig({
  root: siteDir,
  srcDir: path.join(siteDir, 'src'),
  publicDir: path.join(siteDir, '../public'),
  outDir: process.env.ATVIRA_SITE_OUT_DIR || path.join(siteDir, 'dist'),
  site: (process.env.SITE_URL || 'http://localhost:4321').replace(/\/$/, ''),
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
})
