import path from 'node:path'
import { fileURLToPath } from 'node:url'

import fs from 'node:fs'

import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

const siteDir = path.dirname(fileURLToPath(import.meta.url))

/**
 * The search page is on demand, at a translated path per configured locale
 * (`/paieska`, `/en/search`); locales without their own strings use English's.
 */
function searchRoutes() {
  const locales = (process.env.ATVIRA_LOCALES || 'lt,en').split(',').map((l) => l.trim()).filter(Boolean)
  const strings = (locale) => {
    const file = path.join(siteDir, 'src/i18n', `${locale}.json`)
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}
  }
  const english = strings('en')
  return {
    name: 'atvira-search-routes',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        // Draft previews for signed-in staff (scripts/lib/siteServer.ts never caches them).
        injectRoute({ pattern: '/preview', entrypoint: path.join(siteDir, 'src/preview/PreviewPage.astro'), prerender: false })
        locales.forEach((locale, i) => {
          const segment = strings(locale)['search.path'] ?? english['search.path']
          injectRoute({
            pattern: i === 0 ? `/${segment}` : `/${locale}/${segment}`,
            entrypoint: path.join(siteDir, 'src/search/SearchPage.astro'),
            prerender: false,
          })
        })
      },
    },
  }
}

// Static HTML for every content page; the node adapter (middleware mode) renders the
// few on-demand routes behind scripts/lib/siteServer.ts, which serves the static files.
export default defineConfig({
  root: siteDir,
  srcDir: path.join(siteDir, 'src'),
  publicDir: path.join(siteDir, '../public'),
  outDir: process.env.ATVIRA_SITE_OUT_DIR || path.join(siteDir, 'dist'),
  site: (process.env.SITE_URL || 'http://localhost:4321').replace(/\/$/, ''),
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  integrations: [searchRoutes()],
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
})
