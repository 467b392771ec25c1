import path from 'node:path'
import { fileURLToPath } from 'node:url'

import fs from 'node:fs'

import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

// Validated by the content model, as the publisher that runs this build has them.
import { handoff, settings } from '@atvira/model/env'

const siteDir = path.dirname(fileURLToPath(import.meta.url))
// The one catalogue of the site, e-mails and admin (the content model's i18n).
const i18nDir = path.dirname(fileURLToPath(import.meta.resolve('@atvira/model/i18n/en.json')))

/**
 * The on-demand pages, at translated paths per configured locale (`/paieska`,
 * `/en/search`, `/naujienlaiskis`…); locales without their own strings use English's.
 */
function dynamicRoutes() {
  const locales = settings().ATVIRA_LOCALES
  const strings = (locale) => {
    const file = path.join(i18nDir, `${locale}.json`)
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}
  }
  const english = strings('en')
  return {
    name: 'atvira-dynamic-routes',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        // Draft previews for signed-in staff (site/server/siteServer.ts never caches them).
        injectRoute({ pattern: '/preview', entrypoint: path.join(siteDir, 'src/preview/PreviewPage.astro'), prerender: false })
        // Withdrawn pages' old addresses (410), handed here by the site server.
        injectRoute({ pattern: '/_withdrawn', entrypoint: path.join(siteDir, 'src/withdrawn/WithdrawnPage.astro'), prerender: false })
        // Where the language switcher leads from a page with no translation in a language.
        injectRoute({ pattern: '/_untranslated', entrypoint: path.join(siteDir, 'src/untranslated/UntranslatedPage.astro'), prerender: false })
        locales.forEach((locale, i) => {
          const segment = strings(locale)['search.path'] ?? english['search.path']
          injectRoute({
            pattern: i === 0 ? `/${segment}` : `/${locale}/${segment}`,
            entrypoint: path.join(siteDir, 'src/search/SearchPage.astro'),
            prerender: false,
          })
          // Newsletter: sign-up, confirm, preferences, one-click unsubscribe (site/templates/src/newsletter/).
          const s = (key) => strings(locale)[key] ?? english[key]
          const base = `${i === 0 ? '' : `/${locale}`}/${s('newsletter.path')}`
          const pages = {
            [base]: 'SignupPage.astro',
            [`${base}/${s('newsletter.confirmPath')}`]: 'ConfirmPage.astro',
            [`${base}/${s('newsletter.preferencesPath')}`]: 'PreferencesPage.astro',
            [`${base}/${s('newsletter.unsubscribePath')}`]: 'UnsubscribePage.astro',
          }
          // Consultation responses (site/templates/src/consultations/).
          pages[`${i === 0 ? '' : `/${locale}`}/${s('consultation.respondPath')}`] = '../consultations/RespondPage.astro'
          for (const [pattern, file] of Object.entries(pages)) {
            injectRoute({ pattern, entrypoint: path.join(siteDir, 'src/newsletter', file), prerender: false })
          }
        })
      },
    },
  }
}

// Static HTML for every content page; the node adapter (middleware mode) renders the
// few on-demand routes behind site/server/siteServer.ts, which serves the static files.
export default defineConfig({
  root: siteDir,
  srcDir: path.join(siteDir, 'src'),
  // The publisher says which (a city's copy may bring its own); the installation's otherwise.
  publicDir: handoff().ATVIRA_PUBLIC_DIR || path.join(siteDir, '../../public'),
  outDir: handoff().ATVIRA_SITE_OUT_DIR || path.join(siteDir, 'dist'),
  site: settings().SITE_URL,
  output: 'static',
  // Every on-demand route reads small forms: a body past 1 MiB, chunked or not, ends
  // with an error instead of being read into memory (the adapter's default is 1 GiB).
  // The response form counts to its own, lower limit (@atvira/model/consultationForm).
  adapter: node({ mode: 'middleware', bodySizeLimit: 1024 * 1024 }),
  integrations: [dynamicRoutes()],
  trailingSlash: 'ignore',
  // Replaced by site/templates/src/middleware.ts, which also admits RFC 8058 one-click unsubscribes.
  security: { checkOrigin: false },
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
})
