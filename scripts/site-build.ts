/**
 * `npm run site:build`: builds the public site from the CMS's published content into a
 * new directory and switches it live (data/site/current); with `--out <dir>`, only
 * builds into that directory.
 */
import path from 'node:path'

import type { Payload } from 'payload'

import { loadRootEnv, rootDir, settings } from '../cms/model/env'
import { payloadSource } from '../cms/plugins/publishing/localSource'
import { parseFlags } from './lib/cli'
import { openPayload } from './lib/payload'
import { publishSite } from '../site/publisher/publish'
import { buildSite } from '../site/publisher/siteBuild'

const flags = parseFlags(process.argv.slice(2), { out: { type: 'string' } }, 'Usage: npm run site:build -- [--out <dir>]')
loadRootEnv()

// The local database, unless the content comes from a remote CMS (CMS_URL).
let payload: Payload | undefined
async function job(): Promise<void> {
  payload = settings().CMS_URL ? undefined : await openPayload()
  const source = payload ? payloadSource(payload) : undefined
  if (flags.out) {
    await buildSite({ outDir: path.resolve(rootDir, flags.out), source })
    return
  }
  const r = await publishSite({ source })
  console.log(r.rendered ? `Live: ${path.relative(rootDir, r.buildDir)} (${r.pages} pages)` : 'Nothing changed; the live site is current.')
}

job().finally(() => payload?.destroy()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error((error as Error).message)
    console.error('The site was not built. The live site (if any) is unchanged.')
    process.exit(1)
  },
)
