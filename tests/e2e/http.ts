/**
 * Raw HTTP on loopback, for requests `fetch` refuses to send (TRACE, odd paths,
 * malformed bodies) and from a chosen loopback source address (127.0.0.0/8 is all on
 * the loopback interface), so that a test is a client of its own for per-client limits.
 */
import http from 'node:http'

export type RawRequest = {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** The local address to send from, e.g. 127.0.3.7 (default 127.0.0.1). */
  from?: string
  timeoutMs?: number
}

export type RawResponse = { status: number; reason: string; headers: http.IncomingHttpHeaders; body: string; ms: number }

export function rawRequest(base: string, request: RawRequest): Promise<RawResponse> {
  const url = new URL(base)
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method ?? 'GET',
        path: request.path,
        headers: { ...(request.body !== undefined ? { 'content-length': String(Buffer.byteLength(request.body)) } : {}), ...request.headers },
        localAddress: request.from ?? '127.0.0.1',
        agent: false,
        timeout: request.timeoutMs ?? 20_000,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (d: Buffer) => chunks.push(d))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, reason: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }),
        )
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`${request.method ?? 'GET'} ${request.path}: no answer within ${request.timeoutMs ?? 20_000} ms`)))
    req.on('error', reject)
    if (request.body !== undefined) req.end(request.body)
    else req.end()
  })
}

/** A distinct loopback address per number: 127.<1..>.<0..255>.<1..254>, never 127.0.0.1. */
export function loopbackClient(n: number): string {
  const host = (n % 254) + 1
  const rest = Math.floor(n / 254)
  return `127.${(Math.floor(rest / 256) % 254) + 1}.${rest % 256}.${host}`
}

/** A stack trace in a log: lines like "    at fn (file.js:12:34)". */
export const stackTrace = /^\s+at .+(?:\(.+:\d+:\d+\)|:\d+:\d+)$/m
