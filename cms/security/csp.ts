/**
 * The admin's Content-Security-Policy. Next's bootstrap scripts and Payload's styles
 * are inline: scripts and styles come from this origin plus inline, everything else
 * from this origin only; the admin frames only itself and the site (live preview),
 * and nobody frames the admin.
 */
function originOf(value: string | undefined): string | null {
  try {
    return value ? new URL(value).origin : null
  } catch {
    return null
  }
}

export function adminContentSecurityPolicy(siteUrl: string | undefined): string {
  const site = originOf(siteUrl || 'http://localhost:4321')
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    `frame-src 'self'${site ? ` ${site}` : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ')
}
