import { describe, expect, it } from 'vitest'

import { publicAddresses } from '../../scripts/lib/addresses'

describe('the public addresses npm start runs with', () => {
  const ports = { port: 3900, sitePort: 4900 }
  it.each([
    ['unset: they follow the ports', {}, { PAYLOAD_PUBLIC_SERVER_URL: 'http://localhost:3900', SITE_URL: 'http://localhost:4900' }, 0],
    ['a proxy in front: kept, no warning', { PAYLOAD_PUBLIC_SERVER_URL: 'https://cms.pajuris.lt', SITE_URL: 'https://pajuris.lt' }, {}, 0],
    ['localhost on another port: kept, and named', { PAYLOAD_PUBLIC_SERVER_URL: 'http://localhost:3000', SITE_URL: 'http://127.0.0.1:4900' }, {}, 1],
    ['empty counts as unset', { SITE_URL: ' ' }, { PAYLOAD_PUBLIC_SERVER_URL: 'http://localhost:3900', SITE_URL: 'http://localhost:4900' }, 0],
  ])('%s', (_, env, set, warnings) => {
    const result = publicAddresses(ports, env)
    expect(result.set).toEqual(set)
    expect(result.warnings).toHaveLength(warnings)
    if (warnings) expect(result.warnings[0]).toMatch(/PAYLOAD_PUBLIC_SERVER_URL is http:\/\/localhost:3000 but this start listens on port 3900.*http:\/\/localhost:3900/)
  })
})
