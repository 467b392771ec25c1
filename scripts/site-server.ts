/**
 * The public site server: `tsx scripts/site-server.ts --dir <built site> --port 4321`.
 * `npm start` and `npm run site:serve` run it; tests start it on a free port.
 */
import path from 'node:path'

import { rootDir, settings } from '../cms/model/env'
import { parseFlags } from './lib/cli'
import { lazyServices } from './lib/siteServices'
import { startSiteServer } from '../site/server/siteServer'

const flags = parseFlags(
  process.argv.slice(2),
  { dir: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
  'Usage: tsx scripts/site-server.ts [--dir <built site or symlink>] [--port 4321] [--host 127.0.0.1]',
)
const env = (() => {
  try {
    return settings()
  } catch (error) {
    console.error((error as Error).message)
    process.exit(2)
  }
})()
const port = Number(flags.port ?? env.SITE_PORT)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a TCP port number; got "${flags.port}".`)
  process.exit(2)
}
const dir = path.resolve(rootDir, flags.dir ?? 'data/site/current')

// The newsletter pages and consultation responses write to the CMS database through
// the Local API (same DATABASE_URL and PAYLOAD_SECRET as the CMS).
const services = lazyServices()
startSiteServer({
  siteDir: dir,
  port,
  host: flags.host ?? env.SITE_HOST,
  locals: { newsletter: services.newsletter, consultations: services.consultations },
}).then(
  ({ url, close }) => {
    console.log(`Site server listening on ${url} (serving ${path.relative(rootDir, dir) || dir})`)
    services.warm().catch((error: unknown) => console.error(`The newsletter and consultation pages cannot reach the CMS database yet: ${(error as Error).message}`))
    const stop = () => close().then(() => process.exit(0))
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  },
  (error: unknown) => {
    console.error(`The site server could not start: ${(error as Error).message}`)
    process.exit(1)
  },
)
