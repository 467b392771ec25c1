/** `npm run site:serve`: serves the built site (and its on-demand routes) on :4321. */
import fs from 'node:fs'
import path from 'node:path'

import { loadRootEnv } from '../cms/lib/env'
import { defaultSiteOutDir } from './lib/siteBuild'

loadRootEnv()
const entry = path.join(defaultSiteOutDir, 'server/entry.mjs')
if (!fs.existsSync(entry)) {
  console.error('The site is not built yet: run `npm run site:build` first.')
  process.exit(1)
}
process.env.HOST ??= '127.0.0.1'
process.env.PORT ??= '4321'
await import(entry)
