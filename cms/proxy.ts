import { NextResponse } from 'next/server'

import { adminContentSecurityPolicy } from './security/csp'
import { settings } from './model/env'

/**
 * The admin pages' Content-Security-Policy, set per request so that it follows the
 * environment (SITE_URL) of the running server rather than that of the build. The
 * other security headers are static (next.config.mjs); the API answers JSON and files
 * (Payload sets its own policy on files), so only the admin's pages pass here.
 */
const policy = adminContentSecurityPolicy(settings().SITE_URL)

export function proxy(): NextResponse {
  const response = NextResponse.next()
  response.headers.set('Content-Security-Policy', policy)
  return response
}

export const config = { matcher: ['/admin', '/admin/:path*'] }
