import fs from 'node:fs'
import path from 'node:path'

import { normalizeSitePath } from '../../cms/model/sitePath'
import type { SiteRedirect, Snapshot } from '../../cms/model/snapshot'

/** Where the templates render a withdrawn address's page (site/templates/astro.config.mjs). */
export const withdrawnRoute = '/_withdrawn'

let cached: { dir: string; byPath: Map<string, SiteRedirect> } | undefined

/**
 * The live build's old addresses (its runtime snapshot), read again only when another
 * build went live. A build without them, or one that cannot be read, has none.
 */
function redirectsOf(dir: string): Map<string, SiteRedirect> {
  if (cached?.dir === dir) return cached.byPath
  let list: SiteRedirect[]
  try {
    list = (JSON.parse(fs.readFileSync(path.join(dir, 'runtime-snapshot.json'), 'utf8')) as Snapshot).redirects ?? []
  } catch {
    list = []
  }
  cached = { dir, byPath: new Map(list.map((r) => [r.from, r])) }
  return cached.byPath
}

/** What an old address answers, for a request the static files did not (`/naujienos/sena/?utm=1`). */
export function redirectFor(dir: string, url: string): SiteRedirect | undefined {
  const [pathname = '/'] = url.split('?', 1)
  const key = normalizeSitePath(pathname)
  return key ? redirectsOf(dir).get(key) : undefined
}

/** The query of a request, kept on a redirect (QR codes carry campaign parameters). */
export function queryOf(url: string): string {
  const at = url.indexOf('?')
  return at < 0 ? '' : url.slice(at)
}
