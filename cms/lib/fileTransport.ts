import fs from 'node:fs'
import path from 'node:path'

import type { Transport } from 'nodemailer'

import { rootDir } from '../model/env'
import { privateDir } from './privateFiles'

export const outboxDir = path.join(rootDir, 'data/outbox')

/**
 * Without SMTP_URL every message is written as an .eml file under data/outbox/, so the
 * demo works offline and a person can open what would have been sent. They hold
 * password-reset and subscription links: owner-only (0700 / 0600), whatever the umask.
 */
export function fileTransport(dir: string = outboxDir): Transport {
  return {
    name: 'atvira-outbox',
    version: '1',
    send(mail, callback) {
      privateDir(dir)
      const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}`
      const file = path.join(dir, `${id}.eml`)
      const out = fs.createWriteStream(file, { mode: 0o600 })
      const stream = mail.message.createReadStream()
      stream.on('error', callback)
      out.on('error', callback)
      out.on('finish', () =>
        callback(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId(), file }),
      )
      stream.pipe(out)
    },
  }
}
