/**
 * `npm start`: migrate, seed the demo city into an empty database, build the admin if
 * needed, then run it, printing where to go and how to log in. Ctrl-C stops everything.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { rootDir } from '../cms/lib/env'
import { credentialsFile, formatCredentials, type DemoUser } from '../cms/seed/demoUsers'
import { parseFlags } from './lib/cli'
import { buildCmsIfStale } from './lib/cmsBuild'
import { currentLink, publishSite } from './lib/publish'
import { ensureDotEnv } from './lib/dotenv'
import { dispatcherNodeFlags, nextBin, run, superviseChildren } from './lib/processes'

const flags = parseFlags(
  process.argv.slice(2),
  { port: { type: 'string' }, 'no-seed': { type: 'boolean' } },
  'Usage: npm start -- [--port 3000] [--no-seed]',
)
const port = Number(flags.port ?? process.env.PORT ?? 3000)
const sitePort = Number(process.env.SITE_PORT ?? 4321)
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port must be a TCP port number (1–65535); got "${flags.port}".`)
  process.exit(2)
}

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

async function main() {
  if (!(await portIsFree(port))) {
    console.error(`Port ${port} is already in use. Stop the other program, or run \`npm start -- --port ${port + 1}\`.`)
    process.exit(1)
  }
  if (!(await portIsFree(sitePort))) {
    console.error(`Port ${sitePort} (the public site) is already in use. Stop the other program, or set SITE_PORT.`)
    process.exit(1)
  }
  const env = ensureDotEnv()
  if (env.created) console.log(`Created ${path.relative(rootDir, env.file)} with a new random PAYLOAD_SECRET.`)

  // Migrations and the demo seed run in a child so that the CMS starts with a clean process.
  console.log('Applying database migrations…')
  await run(process.execPath, [path.join(rootDir, 'node_modules/tsx/dist/cli.mjs'), 'scripts/prepare-db.ts', ...(flags['no-seed'] ? ['--no-seed'] : [])])

  await buildCmsIfStale()
  console.log('Building the public site…')
  await publishSite()

  const cms = spawn(process.execPath, [nextBin(), 'start', 'cms', '-p', String(port)], {
    cwd: rootDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  })
  const site = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(rootDir, 'scripts/site-server.ts'), '--dir', currentLink(), '--port', String(sitePort), '--host', process.env.SITE_HOST ?? 'localhost'],
    { cwd: rootDir, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
  )
  // Scheduled publishing and site updates after every publish.
  const jobs = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts/jobs.ts')], {
    cwd: rootDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  // Newsletter emails from the outbox (.eml files in data/outbox/ without SMTP_URL).
  const dispatch = spawn(process.execPath, [...dispatcherNodeFlags, '--import', 'tsx', path.join(rootDir, 'scripts/dispatch.ts')], {
    cwd: rootDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  superviseChildren([cms, site, jobs, dispatch])

  const base = process.env.PAYLOAD_PUBLIC_SERVER_URL || `http://localhost:${port}`
  if (!(await waitUntilServing(`http://127.0.0.1:${port}/api/globals/settings`, 60_000))) {
    console.error('The CMS did not start within a minute; see the messages above.')
    return
  }
  let logins = '  (no demo accounts: create the first user at the admin URL)'
  if (fs.existsSync(credentialsFile)) {
    logins = `${formatCredentials(JSON.parse(fs.readFileSync(credentialsFile, 'utf8')) as DemoUser[])}\n  Demo accounts only: never keep them on a public server.`
  }
  console.log(`
Atvira is running.
  Public site: ${process.env.SITE_URL || `http://localhost:${sitePort}`}/
  CMS admin:   ${base}/admin
  Publishing in the admin updates the site in seconds (build status: ${base}/admin/collections/site-builds).
  Newsletter: ${process.env.SMTP_URL ? 'sent through SMTP_URL' : 'emails are written to data/outbox/*.eml (set SMTP_URL to send)'}; runs at ${base}/admin/collections/newsletter-runs
  REST API:   ${base}/api/news
  GraphQL:    ${base}/api/graphql
Log in with:
${logins}
Press Ctrl-C to stop.`)
}

main().catch((error: unknown) => {
  console.error((error as Error).message)
  console.error('Start-up stopped. Fix the problem above and run `npm start` again.')
  process.exit(1)
})
