/**
 * `npm start`: migrate, seed the demo city into an empty database, build the admin and
 * the site if they are missing or stale, then run the CMS, the site server, the job
 * runner and the newsletter dispatcher, printing where to go and how to log in. Ctrl-C
 * stops everything.
 */
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import type { Payload } from 'payload'

import { loadRootEnv, rootDir, settings } from '../cms/model/env'
import { publicAddresses } from './lib/addresses'
import { parseFlags } from './lib/cli'
import { buildCmsIfStale } from './lib/cmsBuild'
import { ensureDotEnv } from './lib/dotenv'
import { cmsHost, probeHost } from '../site/server/listen'
import { prepareDatabase } from './lib/prepareDb'
import { dispatcherNodeFlags, nextBin } from '../site/publisher/processes'
import { type ChildSpec, Supervisor } from './lib/supervisor'

const flags = parseFlags(
  process.argv.slice(2),
  { port: { type: 'string' }, 'site-port': { type: 'string' }, 'no-seed': { type: 'boolean' }, content: { type: 'string' } },
  'Usage: npm start -- [--port 3000] [--site-port 4321] [--no-seed] [--content content/demo-uk]',
)
const started = Date.now()
const seconds = () => `${Math.round((Date.now() - started) / 100) / 10} s`

function portSetting(value: string | undefined, name: string, fallback: number): number {
  const port = Number(value ?? fallback)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`${name} must be a TCP port number (1–65535); got "${value}".`)
    process.exit(2)
  }
  return port
}
const port = portSetting(flags.port ?? String(settings().PORT), '--port', 3000)
const sitePort = portSetting(flags['site-port'] ?? String(settings().SITE_PORT), '--site-port', 4321)

function portIsFree(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.once('error', () => resolve(false))
    srv.listen(p, () => srv.close(() => resolve(true)))
  })
}

async function waitUntilServing(url: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return true
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  return false
}

// Every process npm start runs: one that dies is started again, the others go on.
const supervisor = new Supervisor()

// Ctrl-C while preparing: the step running is stopped (a site build says "stopped"),
// and a CMS already started is stopped with it.
const preparing = new AbortController()
const stopPreparing = () => {
  if (!preparing.signal.aborted) console.log('\nStopping…')
  preparing.abort()
  void supervisor.stop()
}
process.on('SIGINT', stopPreparing)
process.on('SIGTERM', stopPreparing)

function child(name: string, args: string[], extraEnv: Record<string, string> = {}): ChildSpec {
  return {
    name,
    command: process.execPath,
    args,
    options: { cwd: rootDir, env: { ...process.env, ...extraEnv, NODE_ENV: 'production' } },
  }
}

/** Ctrl-C or SIGTERM once everything runs: stop every process, then exit 0. */
function stopOnSignal(): void {
  const stop = (signal: NodeJS.Signals) => {
    if (supervisor.isStopping) return
    console.log(`\nStopping (${signal})…`)
    void supervisor.stop().then(() => {
      console.log('Stopped.')
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

async function buildSite(payload: Payload): Promise<void> {
  const { describeResult, liveBuildDir, publishRecorded } = await import('../site/publisher/publish')
  const { payloadSource } = await import('../cms/plugins/publishing/localSource')
  const { buildRows } = await import('../cms/plugins/publishing/buildRows')
  try {
    console.log('Checking the public site against the content and templates…')
    const result = await publishRecorded(buildRows(payload), {
      title: 'npm start',
      source: payloadSource(payload),
      signal: preparing.signal,
      log: (line) => console.log(`  ${line}`),
    })
    console.log(
      result.rendered
        ? `Site built (${describeResult(result)}) in ${Math.round(result.durationMs / 100) / 10} s.`
        : 'The public site is up to date: nothing to build.',
    )
  } catch (error) {
    if (preparing.signal.aborted) throw error
    // A failed build never touches the live site: serve it, and say what went wrong.
    if (!liveBuildDir()) throw error
    console.warn(
      `\nWARNING: the public site could not be built; the last good build stays live.\n${(error as Error).message}\n` +
        'The error is also shown in the admin under Publishing → Site builds; the next change builds again.\n',
    )
  }
}

async function main() {
  if (!(await portIsFree(port))) {
    console.error(`Port ${port} is already in use. Stop the other program, or run \`npm start -- --port ${port + 1}\`.`)
    process.exit(1)
  }
  if (!(await portIsFree(sitePort))) {
    console.error(
      `Port ${sitePort} (the public site) is already in use. Stop the other program, or run \`npm start -- --site-port ${sitePort + 1}\`.`,
    )
    process.exit(1)
  }
  const env = ensureDotEnv()
  if (env.created) console.log(`Created ${path.relative(rootDir, env.file)} with a new random PAYLOAD_SECRET.`)
  loadRootEnv()
  const addresses = publicAddresses({ port, sitePort })
  Object.assign(process.env, addresses.set)
  for (const warning of addresses.warnings) console.warn(`WARNING: ${warning}`)

  // Imported now: the CMS config reads the environment `ensureDotEnv` may just have written.
  const { openPayload } = await import('./lib/payload')
  const payload = await openPayload()
  try {
    await prepareDatabase(payload, { noSeed: flags['no-seed'], content: flags.content, signal: preparing.signal })
    preparing.signal.throwIfAborted()
    if (!(await buildCmsIfStale())) console.log('The CMS admin is up to date: nothing to build.')
    preparing.signal.throwIfAborted()
    // The CMS takes a while to answer its first request: it starts while the site is checked.
    supervisor.start(
      child(
        'The CMS',
        ['--require', path.join(rootDir, 'scripts/lib/cmsShutdown.cjs'), nextBin(), 'start', 'cms', '-p', String(port), '-H', cmsHost()],
        {
          NEXT_TELEMETRY_DISABLED: '1',
          NEXT_MANUAL_SIG_HANDLE: 'true',
        },
      ),
    )
    await buildSite(payload)
    preparing.signal.throwIfAborted()
  } finally {
    await payload.destroy()
  }
  process.off('SIGINT', stopPreparing)
  process.off('SIGTERM', stopPreparing)
  stopOnSignal()

  const { currentLink } = await import('../site/publisher/publish')
  const { credentialsFile, formatCredentials } = await import('../cms/seed/demoUsers')
  supervisor.start(
    child('The site server', [
      '--import',
      'tsx',
      path.join(rootDir, 'scripts/site-server.ts'),
      '--dir',
      currentLink(),
      '--port',
      String(sitePort),
      '--host',
      settings().SITE_HOST,
    ]),
  )
  // Scheduled publishing and site updates after every publish.
  supervisor.start(child('The job runner', ['--import', 'tsx', path.join(rootDir, 'scripts/jobs.ts')]))
  // Newsletter emails from the outbox (.eml files in data/outbox/ without SMTP_URL).
  supervisor.start(
    child('The newsletter dispatcher', [
      ...dispatcherNodeFlags,
      '--import',
      'tsx',
      path.join(rootDir, 'scripts/dispatch.ts'),
    ]),
  )

  const base = settings().PAYLOAD_PUBLIC_SERVER_URL
  const serving = await Promise.all([
    waitUntilServing(`http://${probeHost(cmsHost())}:${port}/api/globals/settings`, 90_000),
    waitUntilServing(`http://${probeHost(settings().SITE_HOST)}:${sitePort}/`, 90_000),
  ])
  if (!serving.every(Boolean)) {
    console.error(`The ${serving[0] ? 'site server' : 'CMS'} did not start within 90 s; see the messages above.`)
    return
  }
  let logins = '  (no demo accounts: create the first user at the admin URL)'
  if (fs.existsSync(credentialsFile)) {
    logins = `${formatCredentials(JSON.parse(fs.readFileSync(credentialsFile, 'utf8')))}\n  Demo accounts only: never keep them on a public server.`
  }
  console.log(`
Atvira is running (ready in ${seconds()}).
  Public site: ${settings().SITE_URL}/
  CMS admin:   ${base}/admin
  Publishing in the admin updates the site in seconds (build status: ${base}/admin/collections/site-builds).
  Newsletter: ${settings().SMTP_URL ? 'sent through SMTP_URL' : 'emails are written to data/outbox/*.eml (set SMTP_URL to send)'}; runs at ${base}/admin/collections/newsletter-runs
  REST API:   ${base}/api/news
  GraphQL:    ${base}/api/graphql
Log in with:
${logins}
Press Ctrl-C to stop.`)
}

main().catch(async (error: unknown) => {
  if (preparing.signal.aborted) {
    await supervisor.stop()
    console.log('Stopped before start-up finished.')
    process.exit(130)
  }
  console.error((error as Error).message)
  console.error('Start-up stopped. Fix the problem above and run `npm start` again.')
  await supervisor.stop()
  process.exit(1)
})
