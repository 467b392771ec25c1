/** Applies migrations and, when the database is empty, seeds the demo city. */
import { parseFlags } from './lib/cli'
import { openPayload } from './lib/payload'
import { run } from './lib/processes'
import path from 'node:path'
import { rootDir } from '../cms/lib/env'

const flags = parseFlags(process.argv.slice(2), { 'no-seed': { type: 'boolean' } }, 'Usage: tsx scripts/prepare-db.ts [--no-seed]')

async function main() {
  const payload = await openPayload({ migrate: true })
  const users = await payload.count({ collection: 'users', overrideAccess: true })
  const news = await payload.count({ collection: 'news', overrideAccess: true })
  await payload.destroy()
  if (flags['no-seed'] || users.totalDocs > 0 || news.totalDocs > 0) {
    console.log('Database ready.')
    return
  }
  console.log('The database is empty: loading the demo city Pajūris…')
  await run(process.execPath, [path.join(rootDir, 'node_modules/tsx/dist/cli.mjs'), 'scripts/seed.ts'])
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error((error as Error).message)
    process.exit(1)
  },
)
