/** Applies migrations and, when the database is empty, seeds the demo city (what `npm start` does first). */
import { parseFlags } from './lib/cli'
import { openPayload } from './lib/payload'
import { prepareDatabase } from './lib/prepareDb'

const flags = parseFlags(process.argv.slice(2), { 'no-seed': { type: 'boolean' } }, 'Usage: tsx scripts/prepare-db.ts [--no-seed]')

async function main() {
  const payload = await openPayload()
  try {
    await prepareDatabase(payload, { noSeed: flags['no-seed'] })
  } finally {
    await payload.destroy()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error((error as Error).message)
    process.exit(1)
  },
)
