import type http from 'node:http'

import { clientAddress, type parseTrustedProxies } from '../model/rateLimit'
import { settings } from '../model/env'

/**
 * The client's address as the CMS's per-client limits count it. Next hands route
 * handlers only headers, and keeps an X-Forwarded-For the client sent itself, so the
 * address is computed from the socket when the request arrives (incoming.ts) and
 * written into this header, replacing any value the client sent.
 */
export const CLIENT_HEADER = 'x-atvira-client'

/** The stamped address of a request, or '' when there is none (the Local API). */
export function clientOf(headers: Headers): string {
  return headers.get(CLIENT_HEADER) ?? ''
}

let trusted: ReturnType<typeof parseTrustedProxies> | undefined

/**
 * Writes CLIENT_HEADER: the socket peer, or, when the peer is one of
 * `CMS_TRUSTED_PROXIES`, the rightmost X-Forwarded-For entry that is not a trusted
 * proxy (as the site server counts its clients).
 */
export function stampClient(req: http.IncomingMessage): void {
  trusted ??= settings().CMS_TRUSTED_PROXIES
  const forwarded = req.headers['x-forwarded-for']
  const headers = new Headers(forwarded ? { 'x-forwarded-for': String(forwarded) } : {})
  req.headers[CLIENT_HEADER] = clientAddress(req.socket?.remoteAddress, headers, trusted)
}
