/**
 * How the dispatcher reads a failed send, and how long it waits. The errors have the
 * shapes nodemailer gives them (code, command, responseCode, permanent, originalCode);
 * tests/int/newsletter-relay.int.test.ts and newsletter.int.test.ts get the same
 * errors from a real SMTP server.
 */
import { describe, expect, it } from 'vitest'

import { backoffMs, classify, type Outcome, relayPauseMs, type SendError } from '../../cms/plugins/newsletter/dispatch'

const error = (fields: Partial<SendError> & { message?: string }): SendError => Object.assign(new Error(fields.message ?? 'failed'), fields)

describe('classify', () => {
  const cases: [string, Partial<SendError> & { message?: string }, Outcome][] = [
    ['550 at RCPT: no such user', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, permanent: true, message: '550 5.1.1 No such user' }, 'bounce'],
    ['552 at RCPT: mailbox full (still the address)', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 552, permanent: true }, 'bounce'],
    ['421 at RCPT: try later', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 421, permanent: false }, 'temporary'],
    ['451 at RCPT: greylisted', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451, permanent: false }, 'temporary'],
    ['554 after DATA: content refused', { code: 'EMESSAGE', command: 'DATA', responseCode: 554, permanent: true, message: 'Message failed: 554 5.7.1 Rejected as spam' }, 'rejected'],
    ['550 after DATA with a mailbox status', { code: 'EMESSAGE', command: 'DATA', responseCode: 550, permanent: true, message: 'Message failed: 550 5.1.1 User unknown' }, 'bounce'],
    ['452 after DATA: storage', { code: 'EMESSAGE', command: 'DATA', responseCode: 452, permanent: false }, 'temporary'],
    ['535 login refused', { code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, permanent: true }, 'relay'],
    ['no credentials for a relay that wants them', { code: 'ENOAUTH', command: 'API' }, 'relay'],
    ['550 at MAIL FROM: sender refused', { code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 550, permanent: true }, 'relay'],
    ['554 greeting', { code: 'EPROTOCOL', command: 'CONN', responseCode: 554, permanent: true }, 'relay'],
    ['421 greeting: too busy', { code: 'EPROTOCOL', command: 'CONN', responseCode: 421, permanent: false }, 'relay'],
    ['relay down', { code: 'ECONNECTION', command: 'CONN', originalCode: 'ECONNREFUSED' }, 'relay'],
    ['relay name does not resolve', { code: 'EDNS', originalCode: 'ENOTFOUND' }, 'relay'],
    ['TLS failure', { code: 'ETLS', command: 'CONN' }, 'relay'],
    ['connection dropped mid-message', { code: 'ECONNECTION', command: 'CONN' }, 'temporary'],
    ['socket reset', { code: 'ESOCKET', command: 'CONN', originalCode: 'ECONNRESET' }, 'temporary'],
    ['timeout', { code: 'ETIMEDOUT', command: 'CONN' }, 'temporary'],
    ['permanent without a reply code', { code: 'EMESSAGE', permanent: true }, 'rejected'],
    ['anything else', {}, 'temporary'],
  ]
  it.each(cases)('%s → %s', (_label, fields, outcome) => {
    expect(classify(error(fields))).toBe(outcome)
  })
})

describe('backoffMs', () => {
  const cases: [number, number, number, number][] = [
    // attempt, base, max, expected without jitter
    [1, 60_000, 21_600_000, 60_000],
    [2, 60_000, 21_600_000, 120_000],
    [3, 60_000, 21_600_000, 240_000],
    [9, 60_000, 21_600_000, 15_360_000],
    [10, 60_000, 21_600_000, 21_600_000],
    [30, 60_000, 21_600_000, 21_600_000],
    [0, 1000, 10_000, 1000],
  ]
  it.each(cases)('attempt %i with base %i and cap %i waits about %i ms', (attempt, base, max, expected) => {
    expect(backoffMs(attempt, base, max, () => 0.5)).toBe(expected)
    expect(backoffMs(attempt, base, max, () => 0)).toBe(Math.round(expected * 0.8))
    expect(backoffMs(attempt, base, max, () => 0.999999)).toBeLessThanOrEqual(Math.round(expected * 1.2))
  })
})

describe('relayPauseMs', () => {
  it.each([
    [1, 5000],
    [2, 10_000],
    [3, 20_000],
    [7, 300_000],
    [50, 300_000],
  ])('after %i relay failures in a row, pauses %i ms', (n, ms) => {
    expect(relayPauseMs(n)).toBe(ms)
  })
})
