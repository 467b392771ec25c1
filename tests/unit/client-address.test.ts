/**
 * Which address a per-client limit counts: the socket peer, or behind a trusted reverse
 * proxy the rightmost X-Forwarded-For entry that is not one of the proxies.
 */
import { describe, expect, it } from 'vitest'

import { clientAddress, parseTrustedProxies, TrustedProxiesError } from '../../cms/model/rateLimit'

const xff = (value?: string) => new Headers(value === undefined ? {} : { 'x-forwarded-for': value })

describe('the client address', () => {
  const none = parseTrustedProxies(undefined)
  const local = parseTrustedProxies('127.0.0.1, ::1')
  const chain = parseTrustedProxies('127.0.0.1,10.0.0.0/8,fd00::/8')

  it.each([
    // No proxy trusted (the default): the header is the client's to write, so ignored.
    ['no proxy trusted, no header', none, '127.0.0.1', undefined, '127.0.0.1'],
    ['no proxy trusted, a spoofed header', none, '127.0.0.1', '198.51.100.7', '127.0.0.1'],
    ['no proxy trusted, a spoofed chain', none, '203.0.113.5', '127.0.0.1, 198.51.100.7', '203.0.113.5'],
    // A peer that is not a proxy cannot speak for anyone else.
    ['an untrusted peer with a header', local, '203.0.113.5', '198.51.100.7', '203.0.113.5'],
    // Behind nginx on the same machine.
    ['trusted proxy, one hop', local, '127.0.0.1', '198.51.100.7', '198.51.100.7'],
    ['trusted proxy over IPv6', local, '::1', '2001:db8::7', '2001:db8::7'],
    ['trusted proxy as an IPv4-mapped IPv6 peer', local, '::ffff:127.0.0.1', '198.51.100.7', '198.51.100.7'],
    ['trusted proxy, no header', local, '127.0.0.1', undefined, '127.0.0.1'],
    // The client put a value in front: the proxy appended the real one, which counts.
    ['trusted proxy, the client spoofs the left entry', local, '127.0.0.1', '1.2.3.4, 198.51.100.7', '198.51.100.7'],
    // Two proxies (a load balancer in 10/8, then nginx).
    ['two trusted proxies', chain, '127.0.0.1', '6.6.6.6, 198.51.100.7, 10.1.2.3', '198.51.100.7'],
    ['IPv6 range', chain, 'fd12::1', '198.51.100.7', '198.51.100.7'],
    ['every hop trusted', chain, '127.0.0.1', '10.0.0.2, 10.0.0.1', '10.0.0.2'],
    ['ports and brackets are dropped', local, '127.0.0.1', '[2001:db8::7]:5555', '2001:db8::7'],
    ['an IPv4 entry with a port', local, '127.0.0.1', '198.51.100.7:5555', '198.51.100.7'],
  ])('%s', (_label, list, peer, header, expected) => {
    expect(clientAddress(peer, xff(header), list)).toBe(expected)
  })

  it('separates clients behind a trusted proxy and not behind an untrusted one', () => {
    const a = clientAddress('127.0.0.1', xff('198.51.100.1'), local)
    const b = clientAddress('127.0.0.1', xff('198.51.100.2'), local)
    expect(a).not.toBe(b)
    expect(clientAddress('127.0.0.1', xff('198.51.100.1'), none)).toBe(clientAddress('127.0.0.1', xff('198.51.100.2'), none))
  })

  it.each(['localhost', '127.0.0.1/33', '10.0.0.0/x', '::1/129', '1.2.3', '10.0.0.0/8/8'])('refuses "%s" with a message naming it', (entry) => {
    expect(() => parseTrustedProxies(`127.0.0.1,${entry}`)).toThrow(TrustedProxiesError)
    expect(() => parseTrustedProxies(entry)).toThrow(`"${entry}" is not one`)
  })

  it('reads SITE_TRUSTED_PROXIES, empty meaning none', () => {
    const before = process.env.SITE_TRUSTED_PROXIES
    try {
      process.env.SITE_TRUSTED_PROXIES = ''
      expect(clientAddress('127.0.0.1', xff('198.51.100.7'))).toBe('127.0.0.1')
      process.env.SITE_TRUSTED_PROXIES = '127.0.0.1'
      expect(clientAddress('127.0.0.1', xff('198.51.100.7'))).toBe('198.51.100.7')
      process.env.SITE_TRUSTED_PROXIES = 'nginx'
      expect(() => clientAddress('127.0.0.1', xff('198.51.100.7'))).toThrow(/SITE_TRUSTED_PROXIES/)
    } finally {
      if (before === undefined) delete process.env.SITE_TRUSTED_PROXIES
      else process.env.SITE_TRUSTED_PROXIES = before
    }
  })
})
