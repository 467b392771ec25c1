import { NextResponse, type NextRequest } from 'next/server'

import { adminContentSecurityPolicy } from './security/csp'
import { settings } from './model/env'
import { getDefaultLocale } from './model/locales'

/**
 * The admin pages' Content-Security-Policy, set per request so that it follows the
 * environment (SITE_URL) of the running server rather than that of the build. The
 * other security headers are static (next.config.mjs); the API answers JSON and files
 * (Payload sets its own policy on files), so only the admin's pages pass here.
 *
 * A new document starts in the default language: Payload opens every view in the
 * language last chosen (a preference kept per user), so after translating one
 * article, "Create new" would open in English. The create view without `?locale=` is
 * sent to the same view in the default language; Payload takes `?locale=` before the
 * preference and keeps it as the new preference
 * (@payloadcms/next/dist/utilities/getRequestLocale.js, @payloadcms/ui's LocaleProvider).
 */
const policy = adminContentSecurityPolicy(settings().SITE_URL)
const createView = /^\/admin\/collections\/[^/]+\/create\/?$/

export function proxy(request: NextRequest): NextResponse {
  const url = request.nextUrl
  const response =
    createView.test(url.pathname) && !url.searchParams.has('locale')
      ? NextResponse.redirect(withLocale(url), 307)
      : NextResponse.next()
  response.headers.set('Content-Security-Policy', policy)
  return response
}

function withLocale(url: NextRequest['nextUrl']): URL {
  const to = url.clone()
  to.searchParams.set('locale', getDefaultLocale())
  return to
}

export const config = { matcher: ['/admin', '/admin/:path*'] }
