import crypto from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { keysFor } from '../../cms/model/secrets'
import { parseLink, signLink, verifyLink } from '../../cms/plugins/newsletter/tokens'

const secret = 'a-test-secret-of-at-least-32-characters!'
const bytes = (k: crypto.KeyObject) => k.export().toString('hex')

describe('keys derived from PAYLOAD_SECRET', () => {
  it('are the same in every process that has the same secret, and differ by purpose and by secret', () => {
    const a = keysFor(secret)
    // A second derivation, as another process would make it (the cache is per process).
    const again = crypto.hkdfSync('sha256', secret, 'atvira', 'newsletter-links', 32)
    expect(bytes(a.newsletterLinks)).toBe(Buffer.from(again).toString('hex'))
    expect(bytes(a.newsletterLinks)).not.toBe(bytes(a.newsletterConfirm))
    expect(bytes(keysFor(`${secret}x`).newsletterLinks)).not.toBe(bytes(a.newsletterLinks))
  })

  it('are neither the secret nor what Payload derives from it (payload.secret), so no code can mix them up unnoticed', () => {
    const payloadSecret = crypto.createHash('sha256').update(secret).digest('hex').slice(0, 32)
    for (const key of Object.values(keysFor(secret))) {
      expect(bytes(key)).not.toContain(Buffer.from(secret).toString('hex'))
      expect(bytes(key)).not.toContain(Buffer.from(payloadSecret).toString('hex'))
    }
  })

  it('sign links that verify with the same keys only', () => {
    const link = signLink(keysFor(secret).newsletterLinks, 'unsubscribe', '42', 'a@example.test')
    const parsed = parseLink(link)!
    expect(verifyLink(keysFor(secret).newsletterLinks, 'unsubscribe', parsed, 'a@example.test')).toBe('ok')
    expect(verifyLink(keysFor(`${secret}x`).newsletterLinks, 'unsubscribe', parsed, 'a@example.test')).toBe('invalid')
    expect(verifyLink(keysFor(secret).newsletterConfirm, 'unsubscribe', parsed, 'a@example.test')).toBe('invalid')
  })
})
