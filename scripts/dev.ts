/** `npm run dev`: the admin in Next dev mode on the same database as `npm start`. */
import path from 'node:path'

import { rootDir, settings } from '../cms/model/env'
import { ensureDotEnv } from './lib/dotenv'
import { nextBin, run } from '../site/publisher/processes'

async function main() {
  ensureDotEnv()
  await run(process.execPath, [path.join(rootDir, 'node_modules/tsx/dist/cli.mjs'), 'scripts/prepare-db.ts'])
  console.log('Admin (dev mode) at http://localhost:3000/admin — the first page compiles for about a minute.')
  await run(process.execPath, [nextBin(), 'dev', 'cms', '-p', String(settings().PORT)], {
    env: process.env,
  })
}

main().catch((error: unknown) => {
  console.error((error as Error).message)
  process.exit(1)
})
