/**
 * The CMS's API under load: `/api/news?limit=10` (the demo city, depth 2 as an
 * anonymous client gets it) at 50 connections with autocannon, against the built admin
 * on loopback. Twice: without the per-client limits (as before them), then with the
 * defaults, while a second anonymous client and a signed-in editor each ask for the
 * same list one request at a time. The target: the flood's answers p95 ≤ 50 ms, or
 * the API answers 429 before it degrades, and the other clients keep being served.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'

import autocannon from 'autocannon'

import { rootDir } from '../../cms/model/env'
import { buildCmsIfStale } from '../lib/cmsBuild'
import { nextBin } from '../../site/publisher/processes'

export type Latency = { count: number; p50: number; p95: number; p99: number; max: number }
export type FloodResult = { seconds: number; requestsPerSecond: number; timeouts: number; statuses: Record<string, number>; all: Latency; ok: Latency; refused: Latency }
export type ApiBench = {
  documents: number
  single: Latency
  unlimited: FloodResult
  limited: FloodResult & { otherClient: Latency & { statuses: Record<string, number> }; staff: Latency & { statuses: Record<string, number> } }
}

const PATH = '/api/news?limit=10'
const CONNECTIONS = 50
const SECONDS = 15

function latency(xs: number[]): Latency {
  const s = [...xs].sort((a, b) => a - b)
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN
  return { count: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? NaN }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/** One GET from a chosen loopback address; its status and time in ms. */
function probe(base: string, from: string, headers: Record<string, string> = {}): Promise<{ status: number; ms: number }> {
  const url = new URL(PATH, base)
  const started = performance.now()
  return new Promise((resolve) => {
    const req = http.get({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, localAddress: from, headers, agent: false, timeout: 30_000 }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }))
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }))
  })
}

/** Sequential probes until `until` resolves. */
async function probeLoop(base: string, from: string, until: Promise<unknown>, headers: Record<string, string> = {}) {
  let done = false
  void until.then(() => (done = true))
  const times: number[] = []
  const statuses: Record<string, number> = {}
  while (!done) {
    const r = await probe(base, from, headers)
    statuses[r.status] = (statuses[r.status] ?? 0) + 1
    if (r.status === 200) times.push(r.ms)
    await new Promise((r) => setTimeout(r, 100))
  }
  return { ...latency(times), statuses }
}

async function flood(base: string): Promise<FloodResult> {
  const all: number[] = []
  const ok: number[] = []
  const refused: number[] = []
  const run = autocannon({ url: `${base}${PATH}`, connections: CONNECTIONS, duration: SECONDS, timeout: 10 })
  run.on('response', (_client, status, _bytes, ms) => {
    all.push(ms)
    ;(status === 200 ? ok : refused).push(ms)
  })
  const result = await run
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]))
  return { seconds: SECONDS, requestsPerSecond: result.requests.average, timeouts: result.timeouts, statuses, all: latency(all), ok: latency(ok), refused: latency(refused) }
}

async function withServer<T>(env: NodeJS.ProcessEnv, fn: (base: string) => Promise<T>): Promise<T> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [nextBin(), 'start', 'cms', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: rootDir,
    env: { ...env, NODE_ENV: 'production', PAYLOAD_PUBLIC_SERVER_URL: base, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    for (let i = 0; ; i++) {
      const r = await probe(base, '127.0.0.1')
      if (r.status === 200) break
      if (i > 300) throw new Error('the CMS did not answer within 60 s')
      await new Promise((r) => setTimeout(r, 200))
    }
    // Warm: the first requests compile and cache.
    for (let i = 0; i < 5; i++) await probe(base, '127.0.0.9')
    return await fn(base)
  } finally {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  }
}

export async function benchApi(log = console.log): Promise<ApiBench> {
  const work = path.join(rootDir, 'data/bench/api')
  fs.mkdirSync(work, { recursive: true })
  const secretFile = path.join(work, 'secret')
  if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, crypto.randomBytes(24).toString('hex'))
  Object.assign(process.env, {
    DATABASE_URL: `file:${path.join(work, 'cms.db')}`,
    PAYLOAD_SECRET: fs.readFileSync(secretFile, 'utf8'),
    MEDIA_DIR: path.join(work, 'media'),
    ATVIRA_DEMO_CREDENTIALS: path.join(work, 'demo-credentials.json'),
  })
  const { openPayload } = await import('../lib/payload')
  const payload = await openPayload({ migrate: true })
  const editor = { email: 'bench-editor@pajuris.example', password: 'bench-editor-long-password' }
  try {
    if ((await payload.count({ collection: 'news' })).totalDocs === 0) {
      log('Seeding the demo city into data/bench/api…')
      const { seed } = await import('../../cms/seed/index')
      const { loadContent } = await import('../../cms/seed/load')
      const { makeAssets } = await import('../lib/assets')
      const contentDir = path.join(rootDir, 'content')
      await seed(payload, { content: loadContent(contentDir, ['lt', 'en'], 'lt'), assets: await makeAssets({ contentDir, outDir: path.join(work, 'assets') }) })
      await payload.create({ collection: 'users', data: { ...editor, name: 'Bench', role: 'editor' } as never, overrideAccess: true })
    }
    const documents = (await payload.count({ collection: 'news', where: { _status: { equals: 'published' } } })).totalDocs
    await payload.destroy()

    await buildCmsIfStale()
    log(`Flood without the limits: ${CONNECTIONS} connections for ${SECONDS} s…`)
    const unlimited = await withServer(
      { ...process.env, API_RATE_LIMIT: '10000000', API_BURST_LIMIT: '10000000', GRAPHQL_RATE_LIMIT: '10000000', API_ANONYMOUS_CONCURRENCY: '100000', API_ANONYMOUS_CONCURRENCY_PER_CLIENT: '100000' },
      async (base) => {
        const singles: number[] = []
        for (let i = 0; i < 20; i++) {
          const r = await probe(base, '127.0.0.8')
          if (r.status === 200) singles.push(r.ms)
          await new Promise((r) => setTimeout(r, 150))
        }
        return { single: latency(singles), flood: await flood(base) }
      },
    )
    log(`Flood with the limits (defaults), a second client and an editor asking meanwhile…`)
    const limited = await withServer({ ...process.env }, async (base) => {
      const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(editor) })
      const token = ((await login.json()) as { token: string }).token
      const running = flood(base)
      const [result, otherClient, staff] = await Promise.all([running, probeLoop(base, '127.0.0.2', running), probeLoop(base, '127.0.0.3', running, { authorization: `JWT ${token}` })])
      return { ...result, otherClient, staff }
    })
    return { documents, single: unlimited.single, unlimited: unlimited.flood, limited }
  } finally {
    await payload.destroy().catch(() => {})
  }
}
