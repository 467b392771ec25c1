import type http from 'node:http'

import helmet from 'helmet'

import { settings } from '../../cms/model/env'

/**
 * Security headers of the public site server (helmet). The site needs almost nothing:
 * its own stylesheet and two small scripts from `public/`, images and documents from
 * the build, forms that post to itself. No inline script or style is emitted
 * (`inlineStylesheets: 'never'`; JSON-LD is data, not script). The draft preview is the
 * exception: the admin frames it (live preview) and it shows the CMS's images of drafts.
 * HSTS is left to the TLS proxy in front (it knows which hosts are https).
 */
function originOf(value: string | undefined): string | null {
  try {
    return value ? new URL(value).origin : null
  } catch {
    return null
  }
}

const permissionsPolicy = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()'

function directives(extra: { frameAncestors: string[]; img: string[] }) {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', ...extra.img],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': extra.frameAncestors,
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
  }
}

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: (err?: unknown) => void) => void

export function siteSecurityHeaders(env?: NodeJS.ProcessEnv): { publicPages: Middleware; preview: Middleware } {
  const common = {
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' as const },
    // Newsletter emails and other sites may show the city's images.
    crossOriginResourcePolicy: { policy: 'cross-origin' as const },
    crossOriginEmbedderPolicy: false,
  }
  const cms = [...new Set([originOf(settings(env).PAYLOAD_PUBLIC_SERVER_URL), originOf(settings(env).CMS_URL)].filter((o): o is string => Boolean(o)))]
  const publicPages = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: directives({ frameAncestors: ["'none'"], img: [] }) },
    xFrameOptions: { action: 'deny' },
  })
  const preview = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: directives({ frameAncestors: ["'self'", ...cms], img: cms }) },
    // The CMS is another origin: framing is governed by frame-ancestors alone.
    xFrameOptions: false,
  })
  const withPermissions = (m: Middleware): Middleware => (req, res, next) => {
    res.setHeader('permissions-policy', permissionsPolicy)
    m(req, res, next)
  }
  return { publicPages: withPermissions(publicPages), preview: withPermissions(preview) }
}

/** Methods the site answers; anything else (TRACE, PUT, PROPFIND…) is a 405. */
export const siteMethods = ['GET', 'HEAD', 'POST'] as const

export function refuseMethod(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const method = req.method ?? ''
  if ((siteMethods as readonly string[]).includes(method)) return false
  res.setHeader('allow', `${siteMethods.join(', ')}, OPTIONS`)
  res.setHeader('cache-control', 'no-store')
  if (method === 'OPTIONS') {
    res.statusCode = 204
    res.end()
    return true
  }
  res.statusCode = 405
  res.setHeader('content-type', 'text/plain; charset=utf-8')
  res.end(`Šis adresas nepriima metodo ${method.slice(0, 20)}. / This address does not accept ${method.slice(0, 20)}. Allowed: ${siteMethods.join(', ')}.\n`)
  return true
}
