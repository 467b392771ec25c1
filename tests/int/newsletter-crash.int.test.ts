/**
 * Crash recovery: the dispatcher process is killed (SIGKILL) at a random point while
 * sending a 2,000-email digest, started again, and the SMTP sink's mailboxes are
 * counted. Nobody may be missed and nobody may get two different digests; a message
 * accepted by the server in the instant before the kill may arrive again (same
 * Message-ID), which is the one documented window (docs/newsletter.md).
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

import { afterAll, beforeAll, expect, it } from 'vitest'

import { rootDir } from '../../cms/model/env'
import { messageIdFor } from '../../cms/plugins/newsletter/compose'
import { buildDigest, ensureRun } from '../../cms/plugins/newsletter/queueing'
import { startCms, type TestCms } from './helpers'
import { startSink, type Sink } from './smtpSink'

const SUBSCRIBERS = 2000
// At least 10 kills (more with NEWSLETTER_CRASH_TRIALS; fewer is not allowed).
const TRIALS = Math.max(10, Number(process.env.NEWSLETTER_CRASH_TRIALS ?? 10))
const CONNECTIONS = 5

let cms: TestCms
let sink: Sink
const ids: string[] = []
const emailOf = new Map<string, string>()

beforeAll(async () => {
  cms = await startCms({ env: { SITE_URL: 'https://www.pajuris.example' } })
  sink = await startSink()
  // Inserted directly: 2,000 Local API creates would take a minute and test nothing here.
  const client = (cms.payload.db as unknown as { client: { execute: (q: { sql: string; args: unknown[] }) => Promise<unknown> } }).client
  const since = new Date(Date.now() - 86_400_000).toISOString()
  for (let i = 0; i < SUBSCRIBERS; i += 200) {
    const rows = Array.from({ length: Math.min(200, SUBSCRIBERS - i) }, (_, j) => i + j)
    await client.execute({
      sql: `INSERT INTO subscribers (email, locale, status, frequency, all_topics, urgent, confirmed_at, digest_cursor) VALUES ${rows.map(() => "(?, ?, 'confirmed', 'daily', 1, 0, ?, ?)").join(',')}`,
      args: rows.flatMap((n) => [`resident${n}@example.net`, n % 2 ? 'en' : 'lt', since, since]),
    })
  }
  const all = await cms.payload.find({ collection: 'subscribers', limit: 0, pagination: false, depth: 0, overrideAccess: true })
  for (const s of all.docs) {
    ids.push(String(s.id))
    emailOf.set(String(s.id), s.email)
  }
  expect(ids).toHaveLength(SUBSCRIBERS)
}, 120_000)

afterAll(async () => {
  await sink?.close()
  await cms?.close()
})

function dispatcherProcess(args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts/dispatch.ts'), '--quiet', ...args], {
    cwd: rootDir,
    env: {
      ...process.env,
      SMTP_URL: sink.url,
      EMAIL_FROM: 'Pajūrio savivaldybė <info@pajuris.example>',
      NEWSLETTER_SMTP_CONNECTIONS: String(CONNECTIONS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, exited, output: () => output }
}

it(
  `delivers a 2,000-email digest to everyone across ${TRIALS} kills and restarts`,
  async () => {
    let redeliveries = 0
    for (let trial = 1; trial <= TRIALS; trial++) {
      const now = new Date()
      await cms.payload.create({
        collection: 'content-changes',
        data: {
          key: `crash-test:${trial}:${now.getTime()}`,
          kind: 'published',
          title: `Bandymas ${trial}`,
          docCollection: 'news',
          docId: String(trial),
          topicIds: [],
          entries: {
            lt: { title: `Bandymo naujiena ${trial}`, summary: 'Santrauka', url: `https://www.pajuris.example/naujienos/bandymas-${trial}/` },
            en: { title: `Trial story ${trial}`, summary: 'Summary', url: `https://www.pajuris.example/en/news/trial-${trial}/` },
          },
          publishedAt: now.toISOString(),
        },
        overrideAccess: true,
      })
      const run = await ensureRun(cms.payload, { key: `daily:crash-${trial}-${now.getTime()}`, kind: 'daily', title: `Crash trial ${trial}`, cutoff: new Date(now.getTime() + 1) })
      expect((await buildDigest(cms.payload, run.id)).queued).toBe(SUBSCRIBERS)
      const expected = new Map(ids.map((id) => [messageIdFor(`digest:${run.id}:${id}`, 'pajuris.example'), emailOf.get(id)!]))
      const forRun = () => sink.received.filter((r) => expected.has(r.messageId))

      // Kill at a random point between 5 % and 90 % of the run, off any message boundary.
      const killAt = Math.floor(SUBSCRIBERS * (0.05 + Math.random() * 0.85))
      const first = dispatcherProcess()
      const until = Date.now() + 120_000
      while (forRun().length < killAt) {
        if (Date.now() > until || first.child.exitCode !== null) throw new Error(`Trial ${trial}: the dispatcher did not reach ${killAt} emails.\n${first.output()}`)
        await new Promise((r) => setTimeout(r, 2))
      }
      await new Promise((r) => setTimeout(r, Math.random() * 20))
      first.child.kill('SIGKILL')
      await first.exited
      const atKill = forRun().length
      expect(atKill, `trial ${trial} must be killed mid-run`).toBeLessThan(SUBSCRIBERS)

      const second = dispatcherProcess(['--until-idle'])
      const code = await second.exited
      expect(code, second.output()).toBe(0)

      const perRecipient = new Map<string, Set<string>>()
      let raw = 0
      for (const r of forRun()) {
        raw++
        if (expected.get(r.messageId) !== r.to) throw new Error(`Trial ${trial}: ${r.messageId} went to ${r.to}`)
        let set = perRecipient.get(r.to)
        if (!set) perRecipient.set(r.to, (set = new Set()))
        set.add(r.messageId)
      }
      // Everyone got the digest, and only one digest.
      expect(perRecipient.size, `trial ${trial}: recipients`).toBe(SUBSCRIBERS)
      expect([...perRecipient.values()].every((s) => s.size === 1)).toBe(true)
      // A copy of the same message arrives again only from the instant of the kill: at
      // most one per SMTP connection (its reply read, its sent mark not yet written).
      expect(raw - SUBSCRIBERS, `trial ${trial}: messages delivered twice`).toBeLessThanOrEqual(CONNECTIONS)
      redeliveries += raw - SUBSCRIBERS
      const statuses = await cms.payload.find({ collection: 'email-outbox', where: { and: [{ run: { equals: Number(run.id) } }, { status: { not_equals: 'sent' } }] }, limit: 1, depth: 0, overrideAccess: true })
      expect(statuses.totalDocs, `trial ${trial}: rows not marked sent`).toBe(0)
    }
    console.log(`Crash trials: ${TRIALS} kills, ${TRIALS * SUBSCRIBERS} digests, ${redeliveries} redelivered in the accepted-but-not-recorded window.`)
  },
  900_000,
)
