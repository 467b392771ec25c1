/**
 * `npm run site:build`: builds the public site from the CMS's published content into a
 * new directory and switches it live (data/site/current); with `--out <dir>`, only
 * builds into that directory.
 */
import path from 'node:path'

import { loadRootEnv, rootDir } from '../cms/model/env'
import { parseFlags } from './lib/cli'
import { publishSite } from '../site/publisher/publish'
import { buildSite } from '../site/publisher/siteBuild'

const flags = parseFlags(process.argv.slice(2), { out: { type: 'string' } }, 'Usage: npm run site:build -- [--out <dir>]')
loadRootEnv()

const job = flags.out
  ? buildSite({ outDir: path.resolve(rootDir, flags.out) }).then(() => undefined)
  : publishSite().then((r) =>
      console.log(r.rendered ? `Live: ${path.relative(rootDir, r.buildDir)} (${r.pages} pages)` : 'Nothing changed; the live site is current.'),
    )

job.then(
  () => process.exit(0),
  (error: unknown) => {
    console.error((error as Error).message)
    console.error('The site was not built. The live site (if any) is unchanged.')
    process.exit(1)
  },
)
