/** `npm run site:serve`: serves the built site (and its on-demand routes) on :4321. */
import { spawn } from 'node:child_process'
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
// Long search queries arrive in the URL; they are cut to 200 characters with a message.
const child = spawn(process.execPath, ['--max-http-header-size=65536', entry], {
  stdio: 'inherit',
  env: { HOST: '127.0.0.1', PORT: '4321', ...process.env, NODE_ENV: 'production' },
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
