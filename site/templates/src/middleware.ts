import type { MiddlewareHandler } from 'astro'

import { snapshot } from './lib/load'
import { newsletterPath } from '@atvira/model/routes'

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

/**
 * On-demand answers as browsers and proxies expect them: a text type names its charset
 * (Astro sends a bare `text/html`), and a status other than 200 keeps its own reason
 * phrase (Astro would send "401 OK").
 */
function tidy(response: Response): Response {
  const type = response.headers.get('content-type') ?? ''
  const needsCharset = /^(text\/|application\/(json|xml|[\w.+-]+\+(json|xml))\b)/i.test(type) && !/charset=/i.test(type)
  const wrongReason = response.status !== 200 && response.statusText === 'OK'
  if (!needsCharset && !wrongReason) return response
  const headers = new Headers(response.headers)
  if (needsCharset) headers.set('content-type', `${type}; charset=utf-8`)
  return new Response(response.body, { status: response.status, headers })
}

export const onRequest: MiddlewareHandler = async (context, next): Promise<Response> => {
  if (context.isPrerendered) return next()
  return tidy((await checkOrigin(context, next)) as Response)
}

const checkOrigin: MiddlewareHandler = (context, next) => {
  if (SAFE.has(context.request.method)) return next()
  const s = snapshot()
  const ctx = { defaultLocale: s.defaultLocale }
  const pathname = context.url.pathname.replace(/\/$/, '')
  if (s.locales.some((l) => newsletterPath(l, ctx, 'unsubscribe') === pathname)) return next()
  const origin = originOf(context.request.headers.get('origin')) ?? originOf(context.request.headers.get('referer'))
  if (origin && (origin === context.url.origin || origin === originOf(s.siteUrl))) return next()
  return new Response('Formos iš kitų svetainių nepriimamos: atnaujinkite puslapį ir bandykite dar kartą. / Cross-site form submissions are refused. Reload the page and try again.\n', {
    status: 403,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  })
}
