/**
 * Review-by reminders through a real SMTP server on loopback: two weeks before the date
 * and on it, once each, to the page's owner (the editors when it has none), in the city's
 * language; a new date starts afresh (real SQLite).
 */
import { afterAll, beforeAll, expect, it } from 'vitest'

import { remindReviews } from '../../cms/plugins/upkeep/reminders'
import { startSink, type Sink } from './smtpSink'
import { startCms, type TestCms } from './helpers'

let cms: TestCms
let sink: Sink
const day = 86_400_000
const reviewBy = new Date('2027-03-15T08:00:00.000Z')
const at = (offset: number) => new Date(reviewBy.getTime() + offset)

beforeAll(async () => {
  sink = await startSink()
  cms = await startCms({ env: { SMTP_URL: sink.url, PAYLOAD_PUBLIC_SERVER_URL: 'http://127.0.0.1:3999' } })
})
afterAll(async () => {
  await cms?.close()
  await sink?.close()
})

const subjects = async (address: string) => Promise.all(sink.to(address).map(async (r) => (await sink.parse(r)).subject))

it('reminds the owner two weeks ahead and on the date, once each, and starts afresh for a new date', async () => {
  const user = (email: string, role: string) =>
    cms.payload.create({ collection: 'users', data: { email, password: `a-long-${role}-password`, name: email, role } as never, overrideAccess: true })
  const owner = await user('owner@upkeep.test', 'author')
  await user('editor@upkeep.test', 'editor')
  const service = async (name: string, contentOwner?: number) =>
    (await cms.payload.create({ collection: 'services', locale: 'lt', data: { name, description: 'D', reviewBy: reviewBy.toISOString(), contentOwner, _status: 'published' } as never, overrideAccess: true })).id
  const owned = await service('Vandens skaitiklio deklaravimas', owner.id as number)
  await service('Be savininko')

  expect(await remindReviews(cms.payload, ['services'], at(-15 * day))).toBe(0)
  expect(await remindReviews(cms.payload, ['services'], at(-13 * day))).toBe(2)
  // The runner looks every hour: nothing twice.
  expect(await remindReviews(cms.payload, ['services'], at(-12 * day))).toBe(0)
  expect(await remindReviews(cms.payload, ['services'], at(1000))).toBe(2)
  expect(await remindReviews(cms.payload, ['services'], at(3 * day))).toBe(0)
  await sink.waitFor(4)
  expect(await subjects('owner@upkeep.test')).toEqual(['Peržiūrėkite iki 2027-03-15: Vandens skaitiklio deklaravimas', 'Laikas peržiūrėti: Vandens skaitiklio deklaravimas'])
  expect(await subjects('editor@upkeep.test')).toEqual(['Peržiūrėkite iki 2027-03-15: Be savininko', 'Laikas peržiūrėti: Be savininko'])
  const [first] = sink.to('owner@upkeep.test')
  expect((await sink.parse(first!)).text).toContain(`http://127.0.0.1:3999/admin/collections/services/${String(owned)}`)

  // Reviewed: a new date a year on, reminded again two weeks before it.
  await cms.payload.update({ collection: 'services', id: owned, locale: 'lt', data: { reviewBy: at(365 * day).toISOString() } as never, overrideAccess: true })
  expect(await remindReviews(cms.payload, ['services'], at(352 * day))).toBe(1)
  await sink.waitFor(5)
  expect((await subjects('owner@upkeep.test')).at(-1)).toBe('Peržiūrėkite iki 2028-03-14: Vandens skaitiklio deklaravimas')
})
