import http from 'node:http'

import { CLIENT_HEADER, stampClient } from './clientAddress'
import { ADMITTED_HEADER, admitAnonymous, claimsStaff, refusalText } from './limits'
import { both, messages } from './messages'

/**
 * What the CMS does with a request as it arrives, before Next: Next builds a web
 * `Request` from it, which cannot carry TRACE, TRACK or CONNECT, and decodes its path,
 * which fails on a malformed %-escape; both became 500s. They are answered here (405,
 * 400), and every other request gets its client address stamped (clientAddress.ts).
 * An API request without credentials is admitted or refused (429) here too: a flood
 * of them is answered for a few microseconds each, instead of each passing Next's
 * routing first and taking the CPU the requests being answered need.
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

/** Handles the request itself when it must; true when it did (or will, once admitted). */
function answeredOnArrival(req: http.IncomingMessage, res: http.ServerResponse, forward: () => void): boolean {
  if (unsupported.has(req.method ?? '')) {
    refuse(res, 405, both(messages.methodNotAllowed('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS')), { allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS' })
    return true
  }
  const url = req.url ?? '/'
  if (!wellEncoded(url)) {
    refuse(res, 400, both(messages.malformedAddress))
    return true
  }
  stampClient(req)
  delete req.headers[ADMITTED_HEADER]
  const path = url.split('?', 1)[0]!
  if (!path.startsWith('/api/') || req.method === 'OPTIONS' || claimsStaff((name) => req.headers[name] as string | undefined)) return false
  const client = String(req.headers[CLIENT_HEADER])
  admitAnonymous(path === '/api/graphql' ? 'anonymousGraphql' : 'anonymous', client).then(
    (admission) => {
      if ('status' in admission) {
        return refuse(res, 429, both(refusalText(admission)), { 'retry-after': String(admission.wait) })
      }
      res.once('close', admission.leave)
      req.headers[ADMITTED_HEADER] = '1'
      forward()
    },
    () => forward(),
  )
  return true
}

/** From now on every request an http server of this process receives passes `answeredOnArrival` first. */
export function guardIncomingRequests(): void {
  const flag = globalThis as { __atviraIncoming?: boolean }
  if (flag.__atviraIncoming) return
  flag.__atviraIncoming = true
  const emit = http.Server.prototype.emit
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    const forward = () => emit.apply(this, [event, ...args] as Parameters<typeof emit>)
    if (event === 'request' && answeredOnArrival(args[0] as http.IncomingMessage, args[1] as http.ServerResponse, forward)) return true
    return forward()
  } as typeof emit
}
