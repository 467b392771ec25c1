import type { MiddlewareHandler } from 'astro'

import { snapshot } from './lib/load'
import { newsletterPath } from './lib/routes'

/**
 * CSRF: a form POST to an on-demand route must come from this site (Origin, or
 * Referer when a browser leaves Origin out). Astro's own check is off because it
 * would also refuse RFC 8058 one-click unsubscribes, which mail providers send from
 * their servers without an Origin; that route is authorised by its signed token.
 */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

function originOf(value: string | null): string | null {
  if (!value) return null
  try {
    return new URL(value).origin
  } catch {
    return null
  }
}

export const onRequest: MiddlewareHandler = (context, next) => {
  if (context.isPrerendered || SAFE.has(context.request.method)) return next()
  const s = snapshot()
  const ctx = { defaultLocale: s.defaultLocale }
  const pathname = context.url.pathname.replace(/\/$/, '')
  if (s.locales.some((l) => newsletterPath(l, ctx, 'unsubscribe') === pathname)) return next()
  const origin = originOf(context.request.headers.get('origin')) ?? originOf(context.request.headers.get('referer'))
  if (origin && (origin === context.url.origin || origin === originOf(s.siteUrl))) return next()
  return new Response('Cross-site form submissions are refused. Reload the page and try again.', {
    status: 403,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  })
}
