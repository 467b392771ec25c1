/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps what it
 * accepts, and can misbehave on purpose: answer RCPT with 421 or 550, or cut the
 * connection in the middle of a message.
 */
import type net from 'node:net'

import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type Received = { to: string; from: string; raw: Buffer; messageId: string; at: number }

export type SinkOptions = {
  /** A reply for RCPT TO, or null to accept. `attempt` counts this address's RCPTs, from 1. */
  rcpt?: (address: string, attempt: number) => { code: number; message: string } | null
  /** Before accepting message number `n` (from 1): 'drop' closes every connection instead of answering. */
  beforeAccept?: (n: number) => 'accept' | 'drop'
}

export type Sink = {
  url: string
  port: number
  received: Received[]
  parse: (r: Received) => Promise<ParsedMail>
  to: (address: string) => Received[]
  waitFor: (count: number, timeoutMs?: number) => Promise<void>
  close: () => Promise<void>
}

function header(raw: Buffer, name: string): string {
  const head = raw.subarray(0, Math.max(0, raw.indexOf('\r\n\r\n'))).toString('latin1').replace(/\r\n[ \t]+/g, ' ')
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)
  return m ? m[1]!.trim() : ''
}

export async function startSink(options: SinkOptions = {}): Promise<Sink> {
  const received: Received[] = []
  const attempts = new Map<string, number>()
  const sockets = new Set<net.Socket>()
  let accepted = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 20 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const n = (attempts.get(address.address) ?? 0) + 1
      attempts.set(address.address, n)
      const reply = options.rcpt?.(address.address, n)
      if (reply) return callback(Object.assign(new Error(reply.message), { responseCode: reply.code }))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (options.beforeAccept?.(accepted + 1) === 'drop') {
          for (const s of sockets) s.destroy()
          return
        }
        accepted++
        const raw = Buffer.concat(chunks)
        for (const rcpt of session.envelope.rcptTo) {
          received.push({ to: rcpt.address, from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', raw, messageId: header(raw, 'Message-ID'), at: Date.now() })
        }
        callback()
      })
    },
  })
  ;(server as unknown as { server: net.Server }).server.on('connection', (socket: net.Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  server.on('error', () => {})
  const port = await new Promise<number>((resolve, reject) => {
    server.listen(0, '127.0.0.1', () => resolve(((server as unknown as { server: net.Server }).server.address() as net.AddressInfo).port))
    server.once('error', reject)
  })
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    parse: (r) => simpleParser(r.raw),
    to: (address) => received.filter((r) => r.to === address),
    async waitFor(count, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`The sink got ${received.length} of ${count} messages within ${timeoutMs} ms`)
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
