/** `npm run db:migrate`: applies the committed migrations for the configured database. */
import { openPayload } from './lib/payload'

openPayload({ migrate: true }).then(
  async (payload) => {
    console.log('Migrations applied.')
    await payload.destroy()
    process.exit(0)
  },
  (error: unknown) => {
    console.error((error as Error).message)
    console.error('Migration failed: check DATABASE_URL and that the database is reachable.')
    process.exit(1)
  },
)
