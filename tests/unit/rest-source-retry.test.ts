/**
 * A site built from a remote CMS reads it as one client: told 429 by the CMS's
 * per-client limit, it waits as long as Retry-After says and asks again (a real HTTP
 * server on loopback plays the CMS).
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, expect, it } from 'vitest'

import { restSource } from '../../site/publisher/source/rest'

let server: http.Server
let base = ''
const seen: number[] = []
let refusals = 0

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(Date.now())
    if (refusals > 0) {
      refusals--
      res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' })
      return res.end('{"errors":[{"message":"Too many requests"}]}')
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(req.url?.startsWith('/api/globals') ? '{"siteName":"Pajūris"}' : '{"docs":[{"id":1}],"hasNextPage":false}')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => new Promise((r) => server.close(r)))

const source = () => restSource({ url: base, cacheDir: fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-rest-')), locales: ['lt'], defaultLocale: 'lt' })

it('waits for Retry-After and asks again when the CMS answers 429', async () => {
  refusals = 2
  seen.length = 0
  expect(await source().settings('lt')).toEqual({ siteName: 'Pajūris' })
  expect(seen).toHaveLength(3)
  expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(900)
})

it('gives up with a clear error when the CMS keeps refusing', { timeout: 30_000 }, async () => {
  refusals = 100
  await expect(source().published('news', 'lt', false)).rejects.toThrow(/The CMS answered 429/)
  refusals = 0
})
