/**
 * The newsletter dispatcher: sends what is in the outbox (confirmations, immediate
 * emails, digests), retries temporary failures with backoff, and after a crash picks
 * up where it stopped. Deliberately without Payload: it starts in under a second and
 * its memory goes to messages. `npm start` runs one; more may run side by side.
 *
 *   tsx scripts/dispatch.ts [--until-idle]
 */
import { loadRootEnv, readEnv, settings } from '../cms/model/env'
import { getDefaultLocale } from '../cms/model/locales'
import { newsletterConfig } from '../cms/plugins/newsletter/config'
import { Dispatcher } from '../cms/plugins/newsletter/dispatch'
import { openStore } from '../cms/plugins/newsletter/store'
import { newsletterTransport } from '../cms/plugins/newsletter/transport'
import { waitForLocksInBackground } from '../cms/lib/sqliteLock'
import { parseFlags } from './lib/cli'
import { cpuMs, peakRssMB } from './lib/measure'

const flags = parseFlags(
  process.argv.slice(2),
  { 'until-idle': { type: 'boolean' }, quiet: { type: 'boolean' }, report: { type: 'boolean' } },
  'Usage: tsx scripts/dispatch.ts [--until-idle] [--quiet] [--report]',
)

loadRootEnv()
let env: ReturnType<typeof readEnv>
let config: ReturnType<typeof newsletterConfig>
try {
  env = readEnv()
  config = newsletterConfig()
} catch (error) {
  console.error((error as Error).message)
  process.exit(2)
}

const log = (line: string) => {
  if (!flags.quiet) console.log(`[newsletter] ${line}`)
}
// Nobody waits on the dispatcher: a database another process locks pauses it, then it goes on.
waitForLocksInBackground(log)
const store = await openStore(settings().DATABASE_URL.url).catch((error: unknown) => {
  console.error(`The dispatcher could not open the database: ${(error as Error).message}. Run \`npm run db:migrate\` first, and check DATABASE_URL.`)
  process.exit(1)
})
const transport = newsletterTransport(env.smtpUrl, config)
const dispatcher = new Dispatcher({
  store,
  transport,
  config,
  keys: env.keys,
  defaultLocale: getDefaultLocale(),
  emailFrom: env.emailFrom,
  log,
})

const controller = new AbortController()
const stop = () => controller.abort()
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

log(env.smtpUrl ? `Sending through ${new URL(env.smtpUrl).host}.` : 'No SMTP_URL: emails are written to data/outbox/ as .eml files.')
let timer: NodeJS.Timeout | undefined
if (!flags.quiet) {
  let last = 0
  timer = setInterval(() => {
    const s = dispatcher.stats
    if (s.sent !== last) log(`sent ${s.sent}, retrying ${s.retried}, failed ${s.failed}, skipped ${s.skipped}`)
    last = s.sent
  }, 5000)
}
const started = performance.now()
const cpuAtStart = process.cpuUsage()
try {
  const stats = await dispatcher.run({ untilIdle: flags['until-idle'], signal: controller.signal })
  log(`Stopped: sent ${stats.sent}, retried ${stats.retried}, failed ${stats.failed}, skipped ${stats.skipped}.`)
  // For the benchmark: one JSON line with the run's numbers and this process's peak memory.
  if (flags.report) console.log(JSON.stringify({ ...stats, ms: performance.now() - started, cpuMs: cpuMs(process.cpuUsage(cpuAtStart)), maxRssMB: peakRssMB() }))
} catch (error) {
  console.error(`The dispatcher stopped on an error: ${(error as Error).stack ?? error}`)
  process.exitCode = 1
} finally {
  if (timer) clearInterval(timer)
  transport.close()
  await store.close()
}
