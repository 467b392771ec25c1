import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import type net from 'node:net'
import path from 'node:path'

import { SMTPServer } from 'smtp-server'

import { rootDir, settings } from '../../cms/model/env'
import { keysFor } from '../../cms/model/secrets'
import { composeMessage } from '../../cms/plugins/newsletter/compose'
import { newsletterConfig } from '../../cms/plugins/newsletter/config'
import { buildDigest, ensureRun } from '../../cms/plugins/newsletter/queueing'
import { storeFor } from '../../cms/plugins/newsletter/store'
import { openPayload } from '../lib/payload'
import { dispatcherNodeFlags } from '../../site/publisher/processes'
import { rng, vocabulary } from './corpus'

/**
 * A daily digest to 100,000 confirmed subscribers through the dispatcher, against a
 * loopback SMTP sink, beside nodemailer's raw pooled sending of messages of the same
 * size to the same sink (before and after, to average out a busy machine).
 */

export type NewsletterBench = {
  subscribers: number
  digestBuildMs: number
  messageBytes: number
  raw: { messages: number; seconds: number; rate: number; cpuMsPerMessage: number }[]
  atvira: { messages: number; seconds: number; rate: number; cpuMsPerMessage: number; maxRssMB: number; wallSeconds: number }
  ratio: number
}

const work = path.join(rootDir, 'data/bench/newsletter')
const CONNECTIONS = 5
const IN_FLIGHT = 20

function sink(): Promise<{ url: string; count: () => number; bytes: () => number; close: () => Promise<void> }> {
  let count = 0
  let bytes = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', (c: Buffer) => (bytes += c.length))
      stream.on('end', () => {
        count++
        callback()
      })
    },
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = ((server as unknown as { server: net.Server }).server.address() as net.AddressInfo).port
      resolve({ url: `smtp://127.0.0.1:${port}`, count: () => count, bytes: () => bytes, close: () => new Promise((r) => server.close(() => r())) })
    })
  })
}

/**
 * Runs a script under tsx in a process of its own and returns the JSON report it prints
 * as its last line of output; a non-zero exit is an error naming `what`.
 */
async function reportOf<T>(what: string, nodeFlags: string[], script: string, args: string[], env?: NodeJS.ProcessEnv): Promise<T> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', path.join(rootDir, script), ...args], {
    cwd: rootDir,
    ...(env ? { env } : {}),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  const code = await new Promise<number | null>((r) => child.once('exit', r))
  if (code !== 0) throw new Error(`${what} exited with ${code}: ${out}`)
  return JSON.parse(out.trim().split('\n').pop()!) as T
}

/** nodemailer alone (scripts/bench/newsletter-raw.ts), in a process of its own like the dispatcher. */
async function rawRate(url: string, messageFile: string, messages: number, extraFlags: string[]) {
  const report = await reportOf<{ messages: number; ms: number; cpuMs: number }>("nodemailer's raw run", extraFlags, 'scripts/bench/newsletter-raw.ts', [
    url,
    messageFile,
    String(messages),
    String(CONNECTIONS),
    String(IN_FLIGHT),
  ])
  return { messages: report.messages, seconds: report.ms / 1000, rate: report.messages / (report.ms / 1000), cpuMsPerMessage: report.cpuMs / report.messages }
}

export async function benchNewsletter(): Promise<NewsletterBench> {
  const subscribers = settings().BENCH_SUBSCRIBERS
  const rawMessages = Math.min(subscribers, settings().BENCH_RAW_MESSAGES)
  fs.rmSync(work, { recursive: true, force: true })
  fs.mkdirSync(work, { recursive: true })
  const env = {
    DATABASE_URL: `file:${path.join(work, 'bench.db')}`,
    PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
    MEDIA_DIR: path.join(work, 'media'),
    SITE_URL: 'https://www.pajuris.example',
    EMAIL_FROM: 'Pajūrio savivaldybė <naujienos@pajuris.example>',
    NEWSLETTER_SMTP_CONNECTIONS: String(CONNECTIONS),
    NEWSLETTER_IN_FLIGHT: String(IN_FLIGHT),
  }
  Object.assign(process.env, env)
  delete process.env.SMTP_URL
  const payload = await openPayload({ migrate: true })

  console.log(`Newsletter: ${subscribers} confirmed subscribers…`)
  const client = (payload.db as unknown as { client: { execute: (q: { sql: string; args: unknown[] }) => Promise<unknown> } }).client
  const since = new Date(Date.now() - 86_400_000).toISOString()
  for (let i = 0; i < subscribers; i += 500) {
    const n = Math.min(500, subscribers - i)
    await client.execute({
      sql: `INSERT INTO subscribers (email, locale, status, frequency, all_topics, urgent, confirmed_at, digest_cursor) VALUES ${new Array(n).fill("(?, ?, 'confirmed', 'daily', 1, 0, ?, ?)").join(',')}`,
      args: Array.from({ length: n }, (_, j) => [`resident${i + j}@example.net`, (i + j) % 2 ? 'en' : 'lt', since, since]).flat(),
    })
  }
  // A day's worth of items with real-length summaries: messages of about 15 KB.
  const random = rng(7)
  const lexicon = vocabulary('lt')
  const words = (k: number) => Array.from({ length: k }, () => lexicon[Math.floor(random() * lexicon.length)]).join(' ')
  const now = Date.now()
  for (let i = 0; i < 12; i++) {
    await payload.create({
      collection: 'content-changes',
      data: {
        key: `bench:${i}`,
        kind: 'published',
        title: words(8),
        docCollection: 'news',
        docId: String(i),
        topicIds: [],
        entries: {
          lt: { title: words(9), summary: words(38), url: `https://www.pajuris.example/naujienos/bench-${i}/` },
          en: { title: words(9), summary: words(38), url: `https://www.pajuris.example/en/news/bench-${i}/` },
        },
        publishedAt: new Date(now - 60_000 + i).toISOString(),
      },
      overrideAccess: true,
    })
  }
  const run = await ensureRun(payload, { key: `daily:bench-${now}`, kind: 'daily', title: 'Benchmark digest', cutoff: new Date(now) })
  const t0 = performance.now()
  const built = await buildDigest(payload, run.id)
  const digestBuildMs = performance.now() - t0
  if (built.queued !== subscribers) throw new Error(`The digest queued ${built.queued} emails for ${subscribers} subscribers`)
  console.log(`  digest built: ${built.queued} emails queued in ${(digestBuildMs / 1000).toFixed(1)} s`)

  // The same message the dispatcher sends, for the raw comparison.
  const store = storeFor(payload)
  const [claimed] = await store.claim('bench-sample', 1, new Date())
  const changes = await store.changes((claimed!.items as string[]) ?? [])
  const sample = composeMessage(claimed!, {
    config: newsletterConfig(),
    keys: keysFor(env.PAYLOAD_SECRET),
    defaultLocale: 'lt',
    emailFrom: env.EMAIL_FROM,
    sender: await store.sender(),
    changes: new Map(changes.map((c) => [c.id, c])),
  })
  await store.markRetry(claimed!.id, 'bench-sample', 0, 'sample for the benchmark', new Date(0))
  await payload.destroy()

  const messageFile = path.join(work, 'raw-message.json')
  fs.writeFileSync(messageFile, JSON.stringify(sample))
  // BENCH_NODE_FLAGS (e.g. --cpu-prof) profiles the dispatcher and the raw sender without changing the code measured.
  const extraFlags = settings().BENCH_NODE_FLAGS
  const smtp = await sink()
  const raw = [await rawRate(smtp.url, messageFile, rawMessages, extraFlags)]
  console.log(`  nodemailer raw: ${raw[0]!.rate.toFixed(0)} msg/s, ${raw[0]!.cpuMsPerMessage.toFixed(2)} ms CPU a message`)
  const bytesBefore = smtp.bytes()
  const countBefore = smtp.count()

  const wallStart = performance.now()
  const progress = setInterval(() => console.log(`  dispatcher: ${smtp.count() - countBefore} sent`), 15_000)
  const report = await reportOf<{ sent: number; ms: number; cpuMs: number; maxRssMB: number }>(
    'The dispatcher',
    [...dispatcherNodeFlags, ...extraFlags],
    'scripts/dispatch.ts',
    ['--until-idle', '--quiet', '--report'],
    { ...process.env, ...env, SMTP_URL: smtp.url },
  ).finally(() => clearInterval(progress))
  const wallSeconds = (performance.now() - wallStart) / 1000
  const delivered = smtp.count() - countBefore
  if (delivered !== subscribers) throw new Error(`The sink received ${delivered} of ${subscribers} digests`)
  const messageBytes = (smtp.bytes() - bytesBefore) / delivered
  const atvira = { messages: report.sent, seconds: report.ms / 1000, rate: report.sent / (report.ms / 1000), cpuMsPerMessage: report.cpuMs / report.sent, maxRssMB: report.maxRssMB, wallSeconds }
  console.log(`  dispatcher: ${atvira.rate.toFixed(0)} msg/s, ${atvira.cpuMsPerMessage.toFixed(2)} ms CPU a message, peak RSS ${atvira.maxRssMB.toFixed(0)} MB`)

  raw.push(await rawRate(smtp.url, messageFile, rawMessages, extraFlags))
  console.log(`  nodemailer raw (after): ${raw[1]!.rate.toFixed(0)} msg/s, ${raw[1]!.cpuMsPerMessage.toFixed(2)} ms CPU a message`)
  await smtp.close()
  const rawMean = (raw[0]!.rate + raw[1]!.rate) / 2
  return { subscribers, digestBuildMs, messageBytes, raw, atvira, ratio: atvira.rate / rawMean }
}
