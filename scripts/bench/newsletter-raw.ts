/**
 * nodemailer alone, as the newsletter benchmark's yardstick: pooled SMTP with the
 * dispatcher's connections and window, sending copies of one composed message. Runs in
 * its own process, as the dispatcher does, so both get the same share of the machine.
 *
 *   tsx scripts/bench/newsletter-raw.ts <smtp-url> <message.json> <count> <connections> <in-flight>
 */
import fs from 'node:fs'

import nodemailer from 'nodemailer'

import { cpuMs, peakRssMB } from '../lib/measure'

const [url, file, count, connections, inFlight] = process.argv.slice(2)
if (!url || !file || !count || !connections || !inFlight) {
  console.error('Usage: tsx scripts/bench/newsletter-raw.ts <smtp-url> <message.json> <count> <connections> <in-flight>')
  process.exit(2)
}
const mail = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
const messages = Number(count)
const transport = nodemailer.createTransport({ url, pool: true, maxConnections: Number(connections), maxMessages: Infinity } as never)
const started = performance.now()
const cpuAtStart = process.cpuUsage()
let next = 0
const worker = async () => {
  while (next < messages) {
    const i = next++
    await transport.sendMail({ ...mail, to: `resident${i}@example.net`, textEncoding: 'quoted-printable' })
  }
}
await Promise.all(Array.from({ length: Number(inFlight) }, worker))
const ms = performance.now() - started
const cpu = process.cpuUsage(cpuAtStart)
transport.close()
console.log(JSON.stringify({ messages, ms, cpuMs: cpuMs(cpu), maxRssMB: peakRssMB() }))
