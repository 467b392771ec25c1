import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'
import nodemailer from 'nodemailer'

import type { Env } from '../model/env'
import { fileTransport } from './fileTransport'

export function emailAdapter(env: Env): Promise<EmailAdapter> | EmailAdapter {
  const match = /^(.*?)\s*<([^>]+)>$/.exec(env.emailFrom)
  const defaultFromName = match ? match[1]!.replace(/^"|"$/g, '') : 'Atvira'
  const defaultFromAddress = match ? match[2]! : env.emailFrom
  const transport = env.smtpUrl
    ? nodemailer.createTransport(env.smtpUrl)
    : nodemailer.createTransport(fileTransport())
  return nodemailerAdapter({ defaultFromAddress, defaultFromName, transport, skipVerify: true })
}
