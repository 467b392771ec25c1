/** `npm run site:build`: the public site from the CMS's published content. */
import path from 'node:path'

import { loadRootEnv, rootDir } from '../cms/lib/env'
import { parseFlags } from './lib/cli'
import { buildSite } from './lib/siteBuild'

const flags = parseFlags(process.argv.slice(2), { out: { type: 'string' } }, 'Usage: npm run site:build -- [--out <dir>]')
loadRootEnv()

buildSite({ outDir: flags.out ? path.resolve(rootDir, flags.out) : undefined }).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error((error as Error).message)
    console.error('The site was not built; the previous build (if any) is unchanged only if the error came before rendering.')
    process.exit(1)
  },
)
