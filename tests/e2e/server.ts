import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

import { rootDir } from '../../cms/model/env'
import { nextBin } from '../../site/publisher/processes'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs
  let last = ''
  while (Date.now() < until) {
    try {
      const res = await fetch(url)
      if (res.status < 500) return
      last = `HTTP ${res.status}`
    } catch (error) {
      last = (error as Error).message
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`)
}

/** The built admin (`next start cms`) on a loopback port, with the caller's env. */
export async function startAdminServer(env: NodeJS.ProcessEnv): Promise<{ url: string; stop: () => Promise<void>; output: () => string }> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let log = ''
  const child: ChildProcess = spawn(process.execPath, [nextBin(), 'start', path.join(rootDir, 'cms'), '-p', String(port), '-H', '127.0.0.1'], {
    cwd: rootDir,
    // A test's quick sequences from one address are no burst to refuse, unless the test says so.
    env: { API_BURST_LIMIT: '1000', ...env, NODE_ENV: 'production', PAYLOAD_PUBLIC_SERVER_URL: url, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => (log += d))
  child.stderr?.on('data', (d) => (log += d))
  await waitFor(`${url}/api/news`)
  return {
    url,
    output: () => log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
