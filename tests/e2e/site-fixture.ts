/**
 * The public site as it is deployed: the demo city seeded into a throwaway CMS, plus a
 * draft and an unpublished edit that must never reach the site, exported and built
 * with `buildSite`, then served by the built node server on a loopback port.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../../cms/model/env'
import { buildSite } from '../../site/publisher/siteBuild'
import { payloadSource } from '../../cms/plugins/publishing/localSource'
import type { Snapshot } from '../../cms/model/snapshot'
import { paragraph, seedDemo, startCms, type TestCms } from '../int/helpers'
import { freePort, waitFor } from './server'

export type SiteFixture = {
  cms: TestCms
  /** The build output: `client/` (static files) and `server/entry.mjs`. */
  outDir: string
  snapshotFile: string
  /** The running built server, e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string
  /** The site's public address baked into canonical links, feeds and the sitemap. */
  siteUrl: string
  markers: {
    /** In the title and body of a news article that was never published. */
    draft: string
    /** In the title of an unpublished newer draft of a published article. */
    unpublishedChange: string
    /** The live (published) title of that article: must be on the site. */
    publishedTitle: string
    /** Id of that article. */
    publishedId: string
  }
  snapshot: Snapshot
  /** Build and server output, for failure messages. */
  log: () => string
  stop: () => Promise<void>
}

/**
 * A reserved `.example` address: it never resolves, so nothing the site links to
 * absolutely can leave the machine; tests treat it as the same site.
 */
export const testSiteUrl = 'https://www.pajuris.example'

/** The slugs of the fixture's withdrawn article: `/naujienos/<lt>/`, `/en/news/<en>/` answer 410. */
export const withdrawnSlugs = { lt: 'atsaukta-naujiena', en: 'withdrawn-story' } as const

/** The fixture's renamed article (lt): its old address answers 301 to the new one. */
export const movedSlugs = { from: 'sena-antraste', to: 'nauja-antraste' } as const
/** An article published in Lithuanian only: the language switcher says it has no English. */
export const untranslatedSlug = 'tik-lietuviskai'

export type SiteOptions = {
  /** Adds to the seeded CMS before the site is built (e.g. records the build only reads). */
  beforeBuild?: (cms: TestCms) => Promise<void>
}

export async function startSite(options: SiteOptions = {}): Promise<SiteFixture> {
  const cms = await startCms()
  let server: ChildProcess | undefined
  let output = ''
  const stop = async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const s = server
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => s.kill('SIGKILL'), 5_000)
        s.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
        s.kill('SIGTERM')
      })
    }
    await cms.close()
  }

  try {
    const { payload } = cms
    await seedDemo(cms)

    const rand = () => crypto.randomBytes(5).toString('hex')
    const draft = `DRAFT-MARKER-${rand()}`
    const unpublishedChange = `UNPUBLISHED-CHANGE-${rand()}`
    const publishedTitle = `Paskelbta naujiena PUBLISHED-TITLE-${rand()}`

    // Never published.
    await payload.create({
      collection: 'news',
      locale: 'lt',
      data: { title: `Juodraštis ${draft}`, summary: `Santrauka ${draft}`, body: paragraph(`Tekstas ${draft}`), _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
    })
    // Published in both languages, then edited without publishing the edit.
    const live = await payload.create({
      collection: 'news',
      locale: 'lt',
      data: { title: publishedTitle, summary: 'Paskelbta santrauka.', body: paragraph('Paskelbtas tekstas.'), _status: 'published' } as never,
      overrideAccess: true,
    })
    await payload.update({
      collection: 'news',
      id: live.id,
      locale: 'en',
      data: { title: `Published story ${publishedTitle.split(' ').pop()}`, summary: 'Published summary.', body: paragraph('Published text.'), _status: 'published' } as never,
      overrideAccess: true,
    })
    await payload.update({
      collection: 'news',
      id: live.id,
      locale: 'lt',
      data: { title: `Pakeitimas ${unpublishedChange}`, body: paragraph(`Nepaskelbtas ${unpublishedChange}`) } as never,
      draft: true,
      overrideAccess: true,
    })
    // The markers really are in the CMS (as drafts), or the leak test would prove nothing.
    const latest = await payload.findByID({ collection: 'news', id: live.id, locale: 'lt', draft: true, overrideAccess: true })
    const drafts = await payload.count({ collection: 'news', where: { title: { contains: draft } }, locale: 'lt', overrideAccess: true })
    if (!String(latest.title).includes(unpublishedChange) || drafts.totalDocs !== 1) {
      throw new Error('the fixture could not store its draft and its unpublished edit')
    }
    // Live in both languages, then unpublished (withdrawn): its addresses answer 410.
    const gone = await payload.create({
      collection: 'news',
      locale: 'lt',
      data: { title: 'Atšaukta naujiena', slug: withdrawnSlugs.lt, summary: 'Atšaukta.', body: paragraph('Atšaukta.'), _status: 'published' } as never,
      overrideAccess: true,
    })
    await payload.update({ collection: 'news', id: gone.id, locale: 'en', data: { title: 'Withdrawn story', slug: withdrawnSlugs.en, summary: 'Withdrawn.', body: paragraph('Withdrawn.'), _status: 'published' } as never, overrideAccess: true })
    await payload.update({ collection: 'news', id: gone.id, data: { _status: 'draft' } as never, overrideAccess: true })
    // Live, then given another address: the old one answers 301.
    const renamed = await payload.create({
      collection: 'news',
      locale: 'lt',
      data: { title: 'Pervadinta naujiena', slug: movedSlugs.from, summary: 'Pervadinta.', body: paragraph('Pervadinta.'), _status: 'published' } as never,
      overrideAccess: true,
    })
    await payload.update({ collection: 'news', id: renamed.id, locale: 'en', data: { title: 'Renamed story', summary: 'Renamed.', body: paragraph('Renamed.'), _status: 'published' } as never, overrideAccess: true })
    await payload.update({ collection: 'news', id: renamed.id, locale: 'lt', data: { slug: movedSlugs.to, _status: 'published' } as never, overrideAccess: true })
    await payload.create({
      collection: 'news',
      locale: 'lt',
      data: { title: 'Tik lietuviškai', slug: untranslatedSlug, summary: 'Naujiena tik lietuvių kalba.', body: paragraph('Tik lietuviškai.'), _status: 'published' } as never,
      overrideAccess: true,
    })
    await options.beforeBuild?.(cms)

    const outDir = path.join(cms.dir, 'site')
    const snapshotFile = path.join(cms.dir, 'snapshot.json')
    const env = { ...process.env, SITE_URL: testSiteUrl }
    // The built server imports packages by name (astro's runtime deps): outside the
    // repository they only resolve through a node_modules in a parent folder.
    fs.symlinkSync(path.join(rootDir, 'node_modules'), path.join(cms.dir, 'node_modules'), 'dir')
    // buildSite reads through the fixture's own Payload instance and leaves it open.
    const { snapshot } = await buildSite({ outDir, snapshotFile, env, source: payloadSource(cms.payload), log: (line) => (output += `${line}\n`) })

    // The port is taken after the build, so nothing else grabs it meanwhile.
    const port = await freePort()
    const baseUrl = `http://127.0.0.1:${port}`
    const entry = path.join(outDir, 'server', 'entry.mjs')
    if (!fs.existsSync(entry)) throw new Error(`the site build wrote no server entry at ${entry}`)
    // The production site server (static files + on-demand routes), as `npm start` runs it.
    server = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts/site-server.ts'), '--dir', outDir, '--port', String(port)], {
      cwd: rootDir,
      env: { ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stdout?.on('data', (d) => (output += d))
    server.stderr?.on('data', (d) => (output += d))
    await waitFor(`${baseUrl}/`, 30_000)

    return {
      cms,
      outDir,
      snapshotFile,
      baseUrl,
      siteUrl: testSiteUrl,
      markers: { draft, unpublishedChange, publishedTitle, publishedId: String(live.id) },
      snapshot,
      log: () => output,
      stop,
    }
  } catch (error) {
    await stop().catch(() => {})
    if (output) console.error(output)
    throw error
  }
}
