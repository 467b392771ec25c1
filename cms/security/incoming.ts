import http from 'node:http'

import { stampClient } from './clientAddress'
import { both, messages } from './messages'

/**
 * What the CMS does with a request as it arrives, before Next: Next builds a web
 * `Request` from it, which cannot carry TRACE, TRACK or CONNECT, and decodes its path,
 * which fails on a malformed %-escape; both became 500s. They are answered here (405,
 * 400), and every other request gets its client address stamped (clientAddress.ts).
 */
const unsupported = new Set(['TRACE', 'TRACK', 'CONNECT'])

function refuse(res: http.ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers })
  res.end(JSON.stringify({ errors: [{ message: text }] }))
}

function wellEncoded(url: string): boolean {
  try {
    decodeURIComponent(url.split('?', 1)[0]!)
    return true
  } catch {
    return false
  }
}

/** Handles the request itself when it must; true when it did. */
export function answeredOnArrival(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (unsupported.has(req.method ?? '')) {
    refuse(res, 405, both(messages.methodNotAllowed('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS')), { allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS' })
    return true
  }
  if (!wellEncoded(req.url ?? '/')) {
    refuse(res, 400, both(messages.malformedAddress))
    return true
  }
  stampClient(req)
  return false
}

/** From now on every request an http server of this process receives passes `answeredOnArrival` first. */
export function guardIncomingRequests(): void {
  const flag = globalThis as { __atviraIncoming?: boolean }
  if (flag.__atviraIncoming) return
  flag.__atviraIncoming = true
  const emit = http.Server.prototype.emit
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' && answeredOnArrival(args[0] as http.IncomingMessage, args[1] as http.ServerResponse)) return true
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>)
  } as typeof emit
}
