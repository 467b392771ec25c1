/**
 * The job runner: scheduled publishing (queue "default"), site updates (queue "site")
 * and the newsletter's queueing (queue "newsletter"; digest runs created on schedule,
 * leavers erased after the retention period, empty drafts deleted after a day, review-by reminders e-mailed). Emails themselves go out through
 * scripts/dispatch.ts. `npm start` runs one; more can run on other machines (see
 * docs/production.md).
 */
import { settings } from '../cms/model/env'
import { waitForLocksInBackground } from '../cms/lib/sqliteLock'
import { recoverSiteUpdates, staleMs } from '../cms/plugins/publishing/siteUpdates'
import { newsletterConfig } from '../cms/plugins/newsletter/config'
import { purgeLeavers } from '../cms/plugins/newsletter/housekeeping'
import { deleteEmptyDrafts, emptyDraftAgeHours } from '../cms/housekeeping/emptyDrafts'
import { remindReviews, upkeepCollections } from '../cms/plugins/upkeep/reminders'
import { scheduleDigests } from '../cms/plugins/newsletter/queueing'
import { parseFlags } from './lib/cli'
import { openPayload } from './lib/payload'
import { sitePublisher, stopSiteUpdates } from '../site/publisher/publish'
import { payloadSource } from '../cms/plugins/publishing/localSource'
import { providePublisher } from '../cms/plugins/publishing/jobs/siteUpdate'

const usage = 'Usage: tsx scripts/jobs.ts [--once] [--interval <ms>] [--queues default,newsletter,site]'
const flags = parseFlags(
  process.argv.slice(2),
  { once: { type: 'boolean' }, interval: { type: 'string' }, queues: { type: 'string' } },
  usage,
)
const interval = Number(flags.interval ?? settings().JOBS_INTERVAL_MS)
const limits = { default: 20, newsletter: 10, site: 1 } as const
type Queue = keyof typeof limits
// Several runners: any number may take "default" and "newsletter"; exactly one should
// take "site", the one whose machine holds the site root (docs/production.md).
const queues = (flags.queues ?? settings().JOBS_QUEUES.join(',')).split(',').map((q) => q.trim()).filter(Boolean)
const unknown = queues.filter((q) => !Object.hasOwn(limits, q))
if (unknown.length || queues.length === 0 || !Number.isFinite(interval) || interval < 0) {
  console.error(`${unknown.length ? `Unknown queue(s): ${unknown.join(', ')}.` : 'Bad --queues or --interval.'}\n${usage}`)
  process.exit(2)
}

// Nobody waits on the runner: a database another process locks pauses it, then it goes on.
waitForLocksInBackground((line) => console.log(`Job runner: ${line}`))
const payload = await openPayload()
// This process builds the site for the "site" queue's jobs: the publisher reads this
// Payload (or the CMS at CMS_URL), and logs what it does where the runner logs.
providePublisher(sitePublisher({ source: payloadSource(payload), log: (line) => payload.logger.info(line) }))
const newsletter = newsletterConfig()
let lastSchedule = 0
let lastPurge = 0
let lastRecovery = 0
let stopping = false
// Failures in a row: the next poll backs off (1 s doubling to 30 s) instead of spinning.
let failures = 0
const stop = () => {
  stopping = true
  // A build in progress is stopped (its row says so) rather than killed with the runner.
  stopSiteUpdates()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

console.log(`Job runner started (queues: ${queues.join(', ')}: scheduled publishing, newsletter queueing, site updates).`)
while (!stopping) {
  try {
    if (Date.now() - lastSchedule > 30_000) {
      lastSchedule = Date.now()
      const runs = await scheduleDigests(payload, newsletter)
      if (runs.length > 0) console.log(`Newsletter: ${runs.length} digest run(s) due, queued.`)
    }
    // Updates left behind by a runner that died, or a job that ended before building.
    if (Date.now() - lastRecovery > Math.min(30_000, staleMs() / 2)) {
      lastRecovery = Date.now()
      const recovered = await recoverSiteUpdates(payload, { log: (line) => console.log(line) })
      if (recovered.length > 0) console.log(`Site updates: ${recovered.length} left behind, marked failed and queued again.`)
    }
    if (Date.now() - lastPurge > 3600_000) {
      lastPurge = Date.now()
      const erased = await purgeLeavers(payload, newsletter.retentionDays)
      if (erased > 0) console.log(`Newsletter: erased ${erased} address(es) of people who left more than ${newsletter.retentionDays} days ago.`)
      const drafts = Object.entries(await deleteEmptyDrafts(payload))
      if (drafts.length > 0)
        console.log(`Empty drafts (nothing typed for ${emptyDraftAgeHours} h) deleted: ${drafts.map(([collection, n]) => `${collection} ${n}`).join(', ')}.`)
      const reminded = await remindReviews(payload, upkeepCollections(payload))
      if (reminded > 0) console.log(`Review dates: ${reminded} reminder(s) e-mailed.`)
    }
    // Once asked to stop, no new job is taken.
    for (const queue of queues as Queue[]) {
      if (!stopping) await payload.jobs.run({ queue, limit: limits[queue] })
    }
    failures = 0
  } catch (error) {
    failures++
    const wait = Math.min(30_000, 1000 * 2 ** (failures - 1))
    console.error(`A job run failed: ${(error as Error).message}${flags.once ? '' : ` (trying again in ${wait / 1000} s)`}`)
    if (!flags.once) await sleepUnlessStopped(wait)
  }
  if (flags.once) break
  await new Promise((r) => setTimeout(r, interval))
}
await payload.destroy()
process.exit(0)

async function sleepUnlessStopped(ms: number): Promise<void> {
  const until = Date.now() + ms
  while (!stopping && Date.now() < until) await new Promise((r) => setTimeout(r, Math.min(250, until - Date.now())))
}
