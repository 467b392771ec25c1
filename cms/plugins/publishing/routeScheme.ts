import fs from 'node:fs'
import path from 'node:path'

import { settings } from '../../model/env'
import { parseRouteScheme, provideRouteScheme, type RouteScheme } from '../../model/routes'

/**
 * The URL scheme of the live build (a city's templates may change section segments and
 * the page size), for the links the CMS writes into e-mails: read from the live build's
 * runtime snapshot (small), again only when another build went live. Without a live
 * build, or with a damaged one, the defaults.
 */
export function liveRouteScheme(siteRoot: string): () => RouteScheme | undefined {
  let cached: { dir: string; scheme: RouteScheme | undefined } | undefined
  return () => {
    let dir: string
    try {
      dir = fs.realpathSync(path.join(siteRoot, 'current'))
    } catch {
      return undefined
    }
    if (cached?.dir !== dir) {
      let scheme: RouteScheme | undefined
      try {
        const routes = (JSON.parse(fs.readFileSync(path.join(dir, 'runtime-snapshot.json'), 'utf8')) as { routes?: unknown }).routes
        scheme = routes === undefined ? undefined : parseRouteScheme(routes, `${dir}/runtime-snapshot.json`)
      } catch {
        scheme = undefined
      }
      cached = { dir, scheme }
    }
    return cached.scheme
  }
}

/** Links the CMS writes follow the live build's scheme from now on (called when Payload starts). */
export function followLiveRouteScheme(siteRoot = settings().ATVIRA_SITE_ROOT): void {
  provideRouteScheme(liveRouteScheme(siteRoot))
}
