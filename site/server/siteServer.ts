import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import sirv from 'sirv'

import { previewService } from '../publisher/preview'
import { markerFileFor, readServerHash } from '../publisher/store'
import { refuseMethod, siteSecurityHeaders } from './headers'
import { queryOf, redirectFor, withdrawnRoute } from './redirects'

/**
 * The public site's server. `siteDir` is a built site or a symlink to one
 * (`data/site/current`); a new build goes live when the symlink is swapped, with no
 * restart: static files and search indexes are looked up through it on every request.
 * The on-demand routes' code is loaded once per distinct server build, so publishing
 * (which does not change templates) does not load new code; the build it was loaded
 * from is kept while the server runs (`buildsInUse`).
 */

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void, locals?: object) => Promise<void>

export type SiteServerOptions = {
  siteDir: string
  host?: string
  port: number
  log?: (line: string) => void
  /** Services for the on-demand routes (`Astro.locals`), e.g. the newsletter. */
  locals?: App.Locals
}

const handlers = new Map<string, Promise<Handler>>()

function serverHash(dir: string): string {
  return readServerHash(dir) ?? dir
}

/**
 * The on-demand code is loaded from one build and imports its page chunks lazily, on
 * the first request to each route: that build must outlive the ones published after
 * it. A marker file names it (see `buildsInUse` in the build store), and the store's
 * pruning keeps it. Markers go when the server exits, or a minute after it loaded
 * newer code.
 */
const markers = new Map<string, string>()
let markerCount = 0
let markersWatched = false

function markBuildInUse(key: string, dir: string): void {
  const file = markerFileFor(dir, ++markerCount)
  if (!file) return
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, JSON.stringify({ host: os.hostname(), pid: process.pid, dir }))
  } catch {
    return // a read-only site root is never pruned by this host either
  }
  for (const [other, marker] of markers) {
    setTimeout(() => fs.rmSync(marker, { force: true }), 60_000).unref()
    markers.delete(other)
    handlers.delete(other)
  }
  markers.set(key, file)
  if (!markersWatched) {
    markersWatched = true
    process.on('exit', () => {
      for (const marker of markers.values()) fs.rmSync(marker, { force: true })
    })
    // Refreshed, so that a server on another machine sharing the site root is seen alive.
    setInterval(() => {
      const now = new Date()
      for (const marker of markers.values()) fs.utimes(marker, now, now, () => {})
    }, 10 * 60_000).unref()
  }
}

async function appHandler(dir: string): Promise<Handler> {
  const key = serverHash(dir)
  let handler = handlers.get(key)
  if (!handler) {
    const entry = pathToFileURL(path.join(dir, 'server/entry.mjs')).href
    markBuildInUse(key, dir)
    handler = import(entry).then((m: { handler: Handler }) => m.handler)
    handler.catch(() => handlers.delete(key))
    handlers.set(key, handler)
  }
  return handler
}

type Static = ReturnType<typeof sirv>

const textTypes: Record<string, string> = {
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.ics': 'text/calendar',
  '.csv': 'text/csv',
  '.webmanifest': 'application/manifest+json',
}
let staticFor: { dir: string; serve: Static } | undefined

function staticHandler(dir: string): Static {
  if (staticFor?.dir !== dir) {
    staticFor = {
      dir,
      serve: sirv(path.join(dir, 'client'), {
        dev: false,
        etag: true,
        dotfiles: false,
        extensions: ['html'],
        setHeaders(res, pathname) {
          // sirv names a charset for HTML only: the site writes every text file in UTF-8.
          const text = textTypes[path.extname(pathname).toLowerCase()]
          if (text) res.setHeader('content-type', `${text}; charset=utf-8`)
          if (pathname.startsWith('/_astro/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable')
          else if (pathname.startsWith('/media/') || pathname.startsWith('/files/')) res.setHeader('cache-control', 'public, max-age=86400')
          else res.setHeader('cache-control', 'public, max-age=0, must-revalidate')
        },
      }),
    }
  }
  return staticFor.serve
}

export function notFound(dir: string, res: http.ServerResponse): void {
  const file = path.join(dir, 'client/404.html')
  res.statusCode = 404
  res.setHeader('content-type', 'text/html; charset=utf-8')
  res.setHeader('cache-control', 'no-store')
  if (fs.existsSync(file)) fs.createReadStream(file).pipe(res)
  else res.end('Not found')
}

export function startSiteServer(options: SiteServerOptions): Promise<{ url: string; server: http.Server; close: () => Promise<void> }> {
  const log = options.log ?? console.log
  // On-demand routes find the live build's data (search indexes, header) through this.
  process.env.ATVIRA_SITE_DIR = path.resolve(options.siteDir)
  const security = siteSecurityHeaders()
  const server = http.createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    const pathname = (req.url ?? '/').split('?', 1)[0]!
    ;(pathname.replace(/\/$/, '') === '/preview' ? security.preview : security.publicPages)(req, res, () => serve(req, res))
  })
  const serve = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // TRACE and other methods the site has no use for: 405, before any route sees them.
    if (refuseMethod(req, res)) return
    let dir: string
    try {
      dir = fs.realpathSync(options.siteDir)
    } catch {
      res.statusCode = 503
      res.end('The site has not been built yet.')
      return
    }
    const fallback = () => {
      // An old address: where its page is now, or the page saying it was withdrawn.
      const old = req.method === 'GET' || req.method === 'HEAD' ? redirectFor(dir, req.url ?? '/') : undefined
      if (old?.status === 301) {
        res.statusCode = 301
        res.setHeader('location', `${old.to}${queryOf(req.url ?? '')}`)
        // Not cached for good: staff may publish a page at the old address again.
        res.setHeader('cache-control', 'public, max-age=3600')
        res.end()
        return
      }
      if (old?.status === 410) req.url = `${withdrawnRoute}?from=${encodeURIComponent(old.from)}`
      appHandler(dir).then(
        (handler) => handler(req, res, () => notFound(dir, res), { previews: previewService, ...options.locals }),
        (error: unknown) => {
          log(`Could not load the site server code in ${dir}: ${(error as Error).message}`)
          res.statusCode = 500
          res.end('Server error')
        },
      )
    }
    if (req.method === 'GET' || req.method === 'HEAD') staticHandler(dir)(req, res, fallback)
    else fallback()
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const address = server.address() as { port: number }
      resolve({
        url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${address.port}`,
        server,
        close: () => new Promise((r) => server.close(() => r())),
      })
    })
  })
}
