/** Where `npm start` runs the CMS (loopback unless CMS_HOST says otherwise), and how it checks it is up. */
import { afterEach, expect, it } from 'vitest'

import { cmsHost, probeHost } from '../../site/server/listen'

const saved = process.env.CMS_HOST
afterEach(() => {
  if (saved === undefined) delete process.env.CMS_HOST
  else process.env.CMS_HOST = saved
})

it.each([
  [undefined, '127.0.0.1', '127.0.0.1'],
  ['', '127.0.0.1', '127.0.0.1'],
  ['  ', '127.0.0.1', '127.0.0.1'],
  ['0.0.0.0', '0.0.0.0', '127.0.0.1'],
  ['::', '::', '[::1]'],
  ['::1', '::1', '[::1]'],
  ['10.0.0.5', '10.0.0.5', '10.0.0.5'],
  ['fd00::5', 'fd00::5', '[fd00::5]'],
])('CMS_HOST=%s: listens on %s, is checked at %s', (value, host, probe) => {
  if (value === undefined) delete process.env.CMS_HOST
  else process.env.CMS_HOST = value
  expect(cmsHost()).toBe(host)
  expect(probeHost(cmsHost())).toBe(probe)
})
