/**
 * The fuzz corpus (tests/fixtures/fuzz-corpus.ts) against the built admin and the site
 * server: no answer of 500 or more, no connection left hanging, no stack trace in
 * either log. Every request comes from a loopback address of its own, so that the
 * per-client limits let every case reach the code it aims at.
 */
import { describe, expect, it } from 'vitest'

import { cmsRoutes, fuzzCases, oddPaths, siteRoutes, type FuzzCase } from '../../fixtures/fuzz-corpus'
import { loopbackClient, rawRequest, stackTrace } from '../http'
import type { Targets } from './targets'

async function runCases(base: string, cases: FuzzCase[], firstClient: number): Promise<{ failures: string[]; statuses: Map<number, number> }> {
  const failures: string[] = []
  const statuses = new Map<number, number>()
  let next = 0
  const worker = async () => {
    while (next < cases.length) {
      const i = next++
      const c = cases[i]!
      try {
        const res = await rawRequest(base, { ...c, from: loopbackClient(firstClient + i), timeoutMs: 30_000 })
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
        if (res.status >= 500) failures.push(`${c.label} → ${res.status} ${res.body.slice(0, 160)}`)
      } catch (error) {
        failures.push(`${c.label} → ${(error as Error).message}`)
      }
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
  return { failures, statuses }
}

export function fuzzSuite(targets: () => Targets): void {
  describe('fuzz: bad input never gets a 5xx or a stack trace', () => {
    it('the CMS (admin, REST, GraphQL)', { timeout: 600_000 }, async () => {
      const t = targets()
      const logStart = t.cmsLog().length
      const cases = fuzzCases(cmsRoutes, oddPaths.cms)
      const { failures, statuses } = await runCases(t.cmsUrl, cases, 10_000)
      console.log(`CMS fuzz: ${cases.length} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`)
      expect(failures).toEqual([])
      // The corpus reached the handlers: most answers are refusals, not the rate limit.
      expect(statuses.get(429) ?? 0).toBeLessThan(cases.length / 20)
      const log = t.cmsLog().slice(logStart)
      expect(log.match(stackTrace)?.[0] ?? null, log.slice(0, 4000)).toBeNull()
    })

    it('the site server (static pages, search, preview, newsletter, consultation responses)', { timeout: 600_000 }, async () => {
      const t = targets()
      const logStart = t.siteLog().length
      const cases = fuzzCases(siteRoutes, oddPaths.site, { origin: t.siteUrl })
      const { failures, statuses } = await runCases(t.siteUrl, cases, 20_000)
      console.log(`Site fuzz: ${cases.length} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`)
      expect(failures).toEqual([])
      const log = t.siteLog().slice(logStart)
      expect(log.match(stackTrace)?.[0] ?? null, log.slice(0, 4000)).toBeNull()
    })
  })
}
