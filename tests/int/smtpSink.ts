/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps what it
 * accepts, and can misbehave on purpose: answer RCPT with 421 or 550, refuse the login
 * or the sender, or cut the connection in the middle of a message (before or after it
 * has kept the message).
 */
import type net from 'node:net'

import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type Received = { to: string; from: string; raw: Buffer; messageId: string; at: number }

export type SinkOptions = {
  /** A reply for RCPT TO, or null to accept. `attempt` counts this address's RCPTs, from 1. */
  rcpt?: (address: string, attempt: number) => { code: number; message: string } | null
  /**
   * Before answering message number `n` (from 1): 'drop' closes every connection instead
   * of answering; 'keep-and-drop' keeps the message, then closes its connection without
   * answering (the server took it, the sender never heard).
   */
  beforeAccept?: (n: number) => 'accept' | 'drop' | 'keep-and-drop'
  /** With it, the server asks for a login; return false to refuse it (535). */
  auth?: (user: string, pass: string, attempt: number) => boolean
  /** A reply for MAIL FROM, or null to accept. `attempt` counts MAIL FROM commands, from 1. */
  mailFrom?: (address: string, attempt: number) => { code: number; message: string } | null
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

export async function startSink(options: SinkOptions = {}, port = 0): Promise<Sink> {
  const received: Received[] = []
  const attempts = new Map<string, number>()
  const sockets = new Set<net.Socket>()
  let accepted = 0
  let logins = 0
  let senders = 0
  const server = new SMTPServer({
    authOptional: !options.auth,
    // Loopback only: a login without TLS is fine here.
    allowInsecureAuth: true,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    logger: false,
    size: 20 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      logins++
      if (options.auth?.(auth.username ?? '', auth.password ?? '', logins)) return callback(null, { user: auth.username })
      callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }))
    },
    onMailFrom(address, _session, callback) {
      senders++
      const reply = options.mailFrom?.(address.address, senders)
      if (reply) return callback(Object.assign(new Error(reply.message), { responseCode: reply.code }))
      callback()
    },
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
        const action = options.beforeAccept?.(accepted + 1) ?? 'accept'
        if (action === 'drop') {
          for (const s of sockets) s.destroy()
          return
        }
        accepted++
        const raw = Buffer.concat(chunks)
        for (const rcpt of session.envelope.rcptTo) {
          received.push({ to: rcpt.address, from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', raw, messageId: header(raw, 'Message-ID'), at: Date.now() })
        }
        if (action === 'keep-and-drop') {
          // Only this message's connection: the others carry on.
          for (const s of sockets) if (s.remotePort === session.remotePort) s.destroy()
          return
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
  const bound = await new Promise<number>((resolve, reject) => {
    server.listen(port, '127.0.0.1', () => resolve(((server as unknown as { server: net.Server }).server.address() as net.AddressInfo).port))
    server.once('error', reject)
  })
  return {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
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
