import path from 'node:path'

import { nestedDocsPlugin } from '@payloadcms/plugin-nested-docs'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Alerts } from './collections/Alerts'
import { documentsCollection } from './collections/Documents'
import { Guides } from './collections/Guides'
import { Handbook } from './collections/Handbook'
import { Leaflets } from './collections/Leaflets'
import { mediaCollection } from './collections/Media'
import { News } from './collections/News'
import { Pages } from './collections/Pages'
import { SeedRecords } from './collections/SeedRecords'
import { Services } from './collections/Services'
import { Topics } from './collections/Topics'
import { Users } from './collections/Users'
import { adminLanguagePlugin } from './plugins/adminLanguage'
import { consultationMoment, consultationsPlugin } from './plugins/consultations'
import { dashboardPlugin } from './plugins/dashboard'
import { editingLanguagePlugin } from './plugins/editingLanguage'
import { newsletterPlugin } from './plugins/newsletter'
import { publishingPlugin } from './plugins/publishing'
import { reviewPlugin } from './plugins/review'
import { upkeepPlugin } from './plugins/upkeep'
import { Settings } from './globals/Settings'
import { editorFeatures } from './fields/editor'
import { seoFields } from './fields/seo'
import { rebuildFileUse } from './files/usage'
import { databaseAdapter } from './lib/db'
import { emailAdapter } from './lib/email'
import { lockedResponse } from './lib/lockedResponse'
import { privateDir, privateUploads } from './lib/privateFiles'
import { readEnv, rootDir } from './model/env'
import { registry } from './model/registry'
import { getDefaultLocale, getLocales } from './model/locales'
import { previewUrl } from './lib/preview'
import { graphqlLimits } from './security/graphql'
import { logger, loggingLevels, signInTranslations } from './security/logging'

const env = readEnv()
const cmsDir = path.join(rootDir, 'cms')

/** Collections an editor can link to from rich text; links resolve per locale on the site. */
const linkableCollections = registry.withFlag('linkable')

export default buildConfig({
  secret: env.secret,
  serverURL: env.serverUrl,
  db: databaseAdapter(env),
  // A database locked by another process answers 503 with what to do, not 500.
  hooks: { afterError: [lockedResponse] },
  sharp,
  email: emailAdapter(env),
  editor: lexicalEditor({ features: editorFeatures(linkableCollections) }),
  localization: {
    locales: getLocales(),
    defaultLocale: getDefaultLocale(),
    fallback: true,
  },
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' · Atvira' },
    // Not Gravatar: it would send a hash of every staff address to a third party (and
    // the admin's CSP keeps images on its own origin).
    avatar: 'default',
    // The site's own templates render drafts: see site/templates/src/preview/.
    livePreview: {
      url: ({ collectionConfig, data, locale }) => previewUrl(collectionConfig?.slug ?? 'pages', data?.id, locale) ?? '',
      collections: registry.withFlag('previewable'),
    },
    importMap: {
      baseDir: cmsDir,
      importMapFile: path.join(cmsDir, 'app/(payload)/admin/importMap.js'),
    },
  },
  collections: [
    News,
    Guides,
    Leaflets,
    Handbook,
    Services,
    Pages,
    Topics,
    Alerts,
    // Owner-only directories and files (uploads may be unpublished).
    privateUploads(mediaCollection(path.join(privateDir(env.mediaDir), 'images'))),
    privateUploads(documentsCollection(path.join(env.mediaDir, 'documents'))),
    Users,
    SeedRecords,
  ],
  globals: [Settings],
  jobs: {
    // Run by the job runner (`scripts/jobs.ts`, started by `npm start`): queue
    // "default" for scheduled publishing, "site" for site builds, "newsletter" for
    // turning published items and digests into outbox rows (sent by scripts/dispatch.ts).
    // Never through REST (/api/payload-jobs/run): a site build inside Next would hold up
    // the admin and bypass the runner's recovery; only the runner's Local API runs jobs.
    access: { run: () => false },
    enableConcurrencyControl: true,
    // Each feature plugin adds its tasks.
    tasks: [],
  },
  // In this order: each plugin's hooks run after those of the plugins before it (the
  // site update before the subscribers' notice), and the SEO fields come last.
  plugins: [
    consultationsPlugin({ after: 'services' }),
    publishingPlugin({
      // Every published-content type: a save that changes what is live updates the site.
      collections: registry.slugs((type) => type.kind === 'document' && type.flags.public),
      globals: ['settings'],
      atScheduledMoment: { consultations: consultationMoment },
      after: 'users',
    }),
    newsletterPlugin({ collections: registry.withFlag('notifiable'), after: 'site-builds' }),
    // Drafts authors submit for an editor's review (every published-content type).
    reviewPlugin({ collections: registry.slugs((type) => type.kind === 'document' && type.flags.public) }),
    // Owners and review-by dates (a year ahead for the how-to pages); the overdue list.
    upkeepPlugin({ collections: registry.slugs((type) => type.kind === 'document' && type.flags.public), yearly: ['guides', 'handbook', 'services', 'leaflets'] }),
    // The language being edited, publishing that waits for the default language, and
    // scheduled publishes that never fail unseen.
    editingLanguagePlugin({ collections: registry.slugs((type) => type.kind === 'document' && type.flags.public), globals: ['settings'] }),
    nestedDocsPlugin({
      collections: ['pages'],
      generateLabel: (_, doc) => String(doc.title ?? ''),
      generateURL: (docs) => docs.reduce((url, doc) => `${url}/${String(doc.slug ?? '')}`, ''),
    }),
    seoPlugin({
      collections: registry.withFlag('seo'),
      uploadsCollection: 'media',
      tabbedUI: false,
      fields: seoFields,
    }),
    // The collection cards with their counts (attention panels come from the plugins above).
    dashboardPlugin(),
    // Last: it names every collection the plugins before it added.
    adminLanguagePlugin({ timeZone: env.timeZone, translations: signInTranslations }),
  ],
  // Generated on purpose (`npm run generate:types`) and committed; never by a test run.
  typescript: { outputFile: path.join(cmsDir, 'payload-types.ts'), autoGenerate: false },
  // Depth, aliases and complexity of one query (cms/security/graphql.ts).
  graphQL: { schemaOutputFile: path.join(cmsDir, 'schema.graphql'), ...graphqlLimits },
  logger,
  loggingLevels,
  telemetry: false,
  // For migrations, which Payload loads natively and which cannot import cms/ modules.
  custom: { rebuildFileUse },
})
