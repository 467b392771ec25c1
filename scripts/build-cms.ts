/** Builds the admin (Next) only when its sources changed since the last build. */
import { buildCmsIfStale } from './lib/cmsBuild'
import { parseFlags } from './lib/cli'

const flags = parseFlags(process.argv.slice(2), { force: { type: 'boolean' } }, 'Usage: npm run build -- [--force]')

buildCmsIfStale({ force: Boolean(flags.force) }).then(
  (built) => {
    console.log(built ? 'Admin built.' : 'Admin is up to date; nothing to build.')
    process.exit(0)
  },
  (error: unknown) => {
    console.error((error as Error).message)
    console.error('The admin build failed: read the errors above, fix them and run `npm run build` again.')
    process.exit(1)
  },
)
