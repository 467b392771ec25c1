/**
 * The job runner: scheduled publishing (queue "default") and site updates (queue
 * "site"). `npm start` runs one; more can run on other machines (see docs/production.md).
 */
import { parseFlags } from './lib/cli'
import { openPayload } from './lib/payload'

const flags = parseFlags(
  process.argv.slice(2),
  { once: { type: 'boolean' }, interval: { type: 'string' } },
  'Usage: tsx scripts/jobs.ts [--once] [--interval <ms>]',
)
const interval = Number(flags.interval ?? process.env.JOBS_INTERVAL_MS ?? 1000)

const payload = await openPayload()
let stopping = false
const stop = () => {
  stopping = true
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

console.log('Job runner started (scheduled publishing, site updates).')
while (!stopping) {
  try {
    await payload.jobs.run({ queue: 'default', limit: 20 })
    await payload.jobs.run({ queue: 'site', limit: 1 })
  } catch (error) {
    console.error(`A job run failed: ${(error as Error).message}`)
  }
  if (flags.once) break
  await new Promise((r) => setTimeout(r, interval))
}
await payload.destroy()
process.exit(0)
