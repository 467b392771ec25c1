import nodemailer, { type Transporter } from 'nodemailer'

import { fileTransport } from '../../lib/fileTransport'
import type { NewsletterConfig } from './config'

/**
 * Pooled SMTP from SMTP_URL (a few long-lived connections, no reconnect every 100
 * messages); without it, .eml files under data/outbox/ so the demo works offline.
 */
export function newsletterTransport(smtpUrl: string | undefined, config: NewsletterConfig, outboxDir?: string): Transporter {
  if (!smtpUrl) return nodemailer.createTransport(fileTransport(outboxDir))
  return nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: config.smtpConnections,
    maxMessages: Infinity,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  })
}
