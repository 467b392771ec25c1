import path from 'node:path'

import { nestedDocsPlugin } from '@payloadcms/plugin-nested-docs'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { LinkFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Alerts } from './collections/Alerts'
import { ConsultationResponses } from './plugins/consultations/collections/ConsultationResponses'
import { Consultations } from './plugins/consultations/collections/Consultations'
import { ContentChanges } from './plugins/newsletter/collections/ContentChanges'
import { documentsCollection } from './collections/Documents'
import { Guides } from './collections/Guides'
import { Handbook } from './collections/Handbook'
import { EmailOutbox } from './plugins/newsletter/collections/EmailOutbox'
import { Leaflets } from './collections/Leaflets'
import { mediaCollection } from './collections/Media'
import { News } from './collections/News'
import { NewsletterRuns } from './plugins/newsletter/collections/NewsletterRuns'
import { Pages } from './collections/Pages'
import { SeedRecords } from './collections/SeedRecords'
import { SiteBuilds } from './plugins/publishing/collections/SiteBuilds'
import { Services } from './collections/Services'
import { Subscribers } from './plugins/newsletter/collections/Subscribers'
import { Topics } from './collections/Topics'
import { Users } from './collections/Users'
import { Settings } from './globals/Settings'
import { newsletterDigestTask } from './plugins/newsletter/jobs/newsletterDigest'
import { newsletterFanOutTask } from './plugins/newsletter/jobs/newsletterFanOut'
import { siteBoundaryTask } from './plugins/publishing/jobs/siteBoundary'
import { siteUpdateTask } from './plugins/publishing/jobs/siteUpdate'
import { followLiveRouteScheme } from './plugins/publishing/routeScheme'
import { rebuildFileUse } from './files/usage'
import { databaseAdapter } from './lib/db'
import { emailAdapter } from './lib/email'
import { lockedResponse } from './lib/lockedResponse'
import { privateDir, privateUploads } from './lib/privateFiles'
import { readEnv, rootDir } from './model/env'
import { getDefaultLocale, getLocales } from './model/locales'
import { previewUrl } from './lib/preview'
import { graphqlLimits } from './security/graphql'
import { logger, loggingLevels, signInTranslations } from './security/logging'

const env = readEnv()
const cmsDir = path.join(rootDir, 'cms')

/** Collections an editor can link to from rich text; links resolve per locale on the site. */
const linkableCollections = ['news', 'guides', 'leaflets', 'handbook', 'services', 'consultations', 'pages', 'topics']

export default buildConfig({
  secret: env.secret,
  serverURL: env.serverUrl,
  db: databaseAdapter(env),
  // A database locked by another process answers 503 with what to do, not 500.
  hooks: { afterError: [lockedResponse] },
  // E-mail links follow the URL scheme of the live build (a city's templates may change it).
  onInit: () => followLiveRouteScheme(),
  sharp,
  email: emailAdapter(env),
  editor: lexicalEditor({
    features: ({ defaultFeatures }) => [
      ...defaultFeatures.filter((f) => f.key !== 'link'),
      LinkFeature({ enabledCollections: linkableCollections as never }),
    ],
  }),
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
      collections: ['news', 'guides', 'leaflets', 'handbook', 'services', 'consultations', 'pages', 'topics'],
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
    Consultations,
    ConsultationResponses,
    Pages,
    Topics,
    Alerts,
    // Owner-only directories and files (uploads may be unpublished).
    privateUploads(mediaCollection(path.join(privateDir(env.mediaDir), 'images'))),
    privateUploads(documentsCollection(path.join(env.mediaDir, 'documents'))),
    Users,
    SiteBuilds,
    Subscribers,
    ContentChanges,
    NewsletterRuns,
    EmailOutbox,
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
    tasks: [siteUpdateTask as never, siteBoundaryTask as never, newsletterFanOutTask as never, newsletterDigestTask as never],
  },
  plugins: [
    nestedDocsPlugin({
      collections: ['pages'],
      generateLabel: (_, doc) => String(doc.title ?? ''),
      generateURL: (docs) => docs.reduce((url, doc) => `${url}/${String(doc.slug ?? '')}`, ''),
    }),
    seoPlugin({
      collections: ['news', 'guides', 'leaflets', 'services', 'consultations', 'pages', 'topics'],
      uploadsCollection: 'media',
      tabbedUI: false,
      generateTitle: ({ doc }) => String((doc as { title?: string; name?: string }).title ?? (doc as { name?: string }).name ?? ''),
      generateDescription: ({ doc }) => String((doc as { summary?: string }).summary ?? ''),
    }),
  ],
  // Generated on purpose (`npm run generate:types`) and committed; never by a test run.
  typescript: { outputFile: path.join(cmsDir, 'payload-types.ts'), autoGenerate: false },
  // Depth, aliases and complexity of one query (cms/security/graphql.ts).
  graphQL: { schemaOutputFile: path.join(cmsDir, 'schema.graphql'), ...graphqlLimits },
  i18n: { translations: signInTranslations },
  logger,
  loggingLevels,
  telemetry: false,
  // For migrations, which Payload loads natively and which cannot import cms/ modules.
  custom: { rebuildFileUse },
})
