/**
 * When digests are due, in Europe/Vilnius (EET, UTC+2; EEST, UTC+3 from the last Sunday
 * of March 03:00 to the last Sunday of October 04:00), across both changes of 2026.
 *
 * The machine's clock is parked far from every case (a fake clock, 1 July 2031): the
 * slots must come from the moment given, never from the day the tests happen to run.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { dueSlots, zonedParts } from '../../cms/plugins/newsletter/schedule'

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-07-01T09:00:00Z') })
})
afterAll(() => {
  vi.useRealTimers()
})

const timeZone = 'Europe/Vilnius'
const at = (hour: number, minute = 0) => ({ hour, minute })
const slots = (now: string, dailyAt = at(8), weeklyDay = 1) => {
  const [daily, weekly] = dueSlots(new Date(now), { timeZone, dailyAt, weeklyDay })
  return { daily: [daily!.key, daily!.cutoff.toISOString()], weekly: [weekly!.key, weekly!.cutoff.toISOString()] }
}
const localDate = (d: Date) => {
  const p = zonedParts(d, timeZone)
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}

describe('the daily digest slot across the changes of time', () => {
  it.each([
    // March: 29 March 2026, 03:00 EET becomes 04:00 EEST (01:00 UTC).
    ['Saturday before, 08:00 EET', '2026-03-28T06:00:00Z', at(8), 'daily:2026-03-28', '2026-03-28T06:00:00.000Z'],
    ['Saturday before, a minute early', '2026-03-28T05:59:00Z', at(8), 'daily:2026-03-27', '2026-03-27T06:00:00.000Z'],
    ['the Sunday, 07:30 EEST (05:30 would be 07:30 in winter)', '2026-03-29T04:30:00Z', at(8), 'daily:2026-03-28', '2026-03-28T06:00:00.000Z'],
    ['the Sunday, 08:00 EEST', '2026-03-29T05:00:00Z', at(8), 'daily:2026-03-29', '2026-03-29T05:00:00.000Z'],
    ['the Monday after, 08:00 EEST', '2026-03-30T05:00:00Z', at(8), 'daily:2026-03-30', '2026-03-30T05:00:00.000Z'],
    // 03:30 does not exist on 29 March: the slot is at 04:30 EEST, the same instant.
    ['a time the clocks skip', '2026-03-29T01:30:00Z', at(3, 30), 'daily:2026-03-29', '2026-03-29T01:30:00.000Z'],
    ['just before the skipped time', '2026-03-29T00:59:00Z', at(3, 30), 'daily:2026-03-28', '2026-03-28T01:30:00.000Z'],
    ['midnight before the change', '2026-03-28T22:00:00Z', at(0), 'daily:2026-03-29', '2026-03-28T22:00:00.000Z'],
    ['midnight after the change', '2026-03-29T21:00:00Z', at(0), 'daily:2026-03-30', '2026-03-29T21:00:00.000Z'],
    // October: 25 October 2026, 04:00 EEST becomes 03:00 EET (01:00 UTC).
    ['Saturday before, 08:00 EEST', '2026-10-24T05:00:00Z', at(8), 'daily:2026-10-24', '2026-10-24T05:00:00.000Z'],
    ['the Sunday, 07:30 EET (05:30 UTC would be 08:30 in summer)', '2026-10-25T05:30:00Z', at(8), 'daily:2026-10-24', '2026-10-24T05:00:00.000Z'],
    ['the Sunday, 08:00 EET', '2026-10-25T06:00:00Z', at(8), 'daily:2026-10-25', '2026-10-25T06:00:00.000Z'],
    ['the Monday after, 08:00 EET', '2026-10-26T06:00:00Z', at(8), 'daily:2026-10-26', '2026-10-26T06:00:00.000Z'],
    // 03:30 happens twice on 25 October: one slot, at the second (EET).
    ['a time that happens twice, first time', '2026-10-25T00:30:00Z', at(3, 30), 'daily:2026-10-24', '2026-10-24T00:30:00.000Z'],
    ['a time that happens twice, second time', '2026-10-25T01:30:00Z', at(3, 30), 'daily:2026-10-25', '2026-10-25T01:30:00.000Z'],
  ])('%s', (_label, now, dailyAt, key, cutoff) => {
    expect(slots(now, dailyAt).daily).toEqual([key, cutoff])
  })

  it.each([
    ['March', '2026-03-26T00:00:00Z', '2026-04-01T00:00:00Z'],
    ['October', '2026-10-22T00:00:00Z', '2026-10-28T00:00:00Z'],
  ])('gives one slot a day at 08:00 local time through the %s change, checked every 10 minutes', (_month, from, to) => {
    const cutoffs = new Map<string, string>()
    for (let t = Date.parse(from); t < Date.parse(to); t += 10 * 60_000) {
      const [key, cutoff] = slots(new Date(t).toISOString()).daily
      if (cutoffs.has(key!)) expect(cutoffs.get(key!), key).toBe(cutoff)
      cutoffs.set(key!, cutoff!)
      // A slot is never in the future, and the one for today starts at 08:00.
      expect(Date.parse(cutoff!)).toBeLessThanOrEqual(t)
    }
    const days = [...cutoffs.keys()]
    expect(days).toHaveLength(new Set(days).size)
    for (const [key, cutoff] of cutoffs) {
      const local = zonedParts(new Date(cutoff), timeZone)
      expect([local.hour, local.minute], key).toEqual([8, 0])
      expect(key).toBe(`daily:${localDate(new Date(cutoff))}`)
    }
    // Consecutive days, 24 h apart except across the change (23 h or 25 h).
    const times = [...cutoffs.values()].map(Date.parse)
    const gaps = times.slice(1).map((t, i) => (t - times[i]!) / 3600_000)
    expect(gaps.filter((g) => g !== 24)).toEqual([_month === 'March' ? 23 : 25])
  })
})

describe('the weekly digest slot', () => {
  it.each([
    // Wednesdays at 17:30: 25 November 2026 is a Wednesday (EET).
    ['on the day, at the time', '2026-11-25T15:30:00Z', 3, 'weekly:2026-11-25', '2026-11-25T15:30:00.000Z'],
    ['on the day, a minute early', '2026-11-25T15:29:00Z', 3, 'weekly:2026-11-18', '2026-11-18T15:30:00.000Z'],
    ['the day after', '2026-11-26T10:00:00Z', 3, 'weekly:2026-11-25', '2026-11-25T15:30:00.000Z'],
    // Sundays (7) at 17:30, on the Sunday the clocks go back.
    ['Sunday of the October change', '2026-10-25T15:30:00Z', 7, 'weekly:2026-10-25', '2026-10-25T15:30:00.000Z'],
    ['the Saturday before it', '2026-10-24T15:30:00Z', 7, 'weekly:2026-10-18', '2026-10-18T14:30:00.000Z'],
  ])('%s', (_label, now, weeklyDay, key, cutoff) => {
    expect(slots(now, at(17, 30), weeklyDay).weekly).toEqual([key, cutoff])
  })
})

describe('the weekly digest slot for every weekday, through both changes of time', () => {
  const days = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

  it.each([
    // Asked on Monday 30 March 2026, 07:00 EEST, before that day's 08:00: each weekday's
    // latest slot is in the week of the change, 08:00 EET (06:00 UTC) until the Sunday, 08:00 EEST then.
    [1, '2026-03-30T04:00:00Z', 'weekly:2026-03-23', '2026-03-23T06:00:00.000Z'],
    [2, '2026-03-30T04:00:00Z', 'weekly:2026-03-24', '2026-03-24T06:00:00.000Z'],
    [3, '2026-03-30T04:00:00Z', 'weekly:2026-03-25', '2026-03-25T06:00:00.000Z'],
    [4, '2026-03-30T04:00:00Z', 'weekly:2026-03-26', '2026-03-26T06:00:00.000Z'],
    [5, '2026-03-30T04:00:00Z', 'weekly:2026-03-27', '2026-03-27T06:00:00.000Z'],
    [6, '2026-03-30T04:00:00Z', 'weekly:2026-03-28', '2026-03-28T06:00:00.000Z'],
    [7, '2026-03-30T04:00:00Z', 'weekly:2026-03-29', '2026-03-29T05:00:00.000Z'],
    // At 08:00 EEST that Monday, Monday's slot is that day's.
    [1, '2026-03-30T05:00:00Z', 'weekly:2026-03-30', '2026-03-30T05:00:00.000Z'],
    // Monday 26 October 2026, 07:00 EET: 08:00 EEST (05:00 UTC) until the Sunday, 08:00 EET then.
    [1, '2026-10-26T05:00:00Z', 'weekly:2026-10-19', '2026-10-19T05:00:00.000Z'],
    [2, '2026-10-26T05:00:00Z', 'weekly:2026-10-20', '2026-10-20T05:00:00.000Z'],
    [3, '2026-10-26T05:00:00Z', 'weekly:2026-10-21', '2026-10-21T05:00:00.000Z'],
    [4, '2026-10-26T05:00:00Z', 'weekly:2026-10-22', '2026-10-22T05:00:00.000Z'],
    [5, '2026-10-26T05:00:00Z', 'weekly:2026-10-23', '2026-10-23T05:00:00.000Z'],
    [6, '2026-10-26T05:00:00Z', 'weekly:2026-10-24', '2026-10-24T05:00:00.000Z'],
    [7, '2026-10-26T05:00:00Z', 'weekly:2026-10-25', '2026-10-25T06:00:00.000Z'],
    [1, '2026-10-26T06:00:00Z', 'weekly:2026-10-26', '2026-10-26T06:00:00.000Z'],
  ])('on %s (weekday), asked at %s', (weeklyDay, now, key, cutoff) => {
    expect(slots(now, at(8), weeklyDay).weekly).toEqual([key, cutoff])
  })

  it.each([
    // A Wednesday slot at 08:00, asked at noon on each day of the week of the March change.
    ['Monday', '2026-03-23T10:00:00Z', 'weekly:2026-03-18', '2026-03-18T06:00:00.000Z'],
    ['Tuesday', '2026-03-24T10:00:00Z', 'weekly:2026-03-18', '2026-03-18T06:00:00.000Z'],
    ['Wednesday', '2026-03-25T10:00:00Z', 'weekly:2026-03-25', '2026-03-25T06:00:00.000Z'],
    ['Thursday', '2026-03-26T10:00:00Z', 'weekly:2026-03-25', '2026-03-25T06:00:00.000Z'],
    ['Friday', '2026-03-27T10:00:00Z', 'weekly:2026-03-25', '2026-03-25T06:00:00.000Z'],
    ['Saturday', '2026-03-28T10:00:00Z', 'weekly:2026-03-25', '2026-03-25T06:00:00.000Z'],
    ['Sunday (EEST from 04:00)', '2026-03-29T09:00:00Z', 'weekly:2026-03-25', '2026-03-25T06:00:00.000Z'],
    ['the next Wednesday, EEST', '2026-04-01T09:00:00Z', 'weekly:2026-04-01', '2026-04-01T05:00:00.000Z'],
    // And in the week of the October change.
    ['Monday', '2026-10-19T09:00:00Z', 'weekly:2026-10-14', '2026-10-14T05:00:00.000Z'],
    ['Tuesday', '2026-10-20T09:00:00Z', 'weekly:2026-10-14', '2026-10-14T05:00:00.000Z'],
    ['Wednesday', '2026-10-21T09:00:00Z', 'weekly:2026-10-21', '2026-10-21T05:00:00.000Z'],
    ['Thursday', '2026-10-22T09:00:00Z', 'weekly:2026-10-21', '2026-10-21T05:00:00.000Z'],
    ['Friday', '2026-10-23T09:00:00Z', 'weekly:2026-10-21', '2026-10-21T05:00:00.000Z'],
    ['Saturday', '2026-10-24T09:00:00Z', 'weekly:2026-10-21', '2026-10-21T05:00:00.000Z'],
    ['Sunday (EET from 03:00)', '2026-10-25T10:00:00Z', 'weekly:2026-10-21', '2026-10-21T05:00:00.000Z'],
    ['the next Wednesday, EET', '2026-10-28T10:00:00Z', 'weekly:2026-10-28', '2026-10-28T06:00:00.000Z'],
  ])('a Wednesday slot asked on %s', (_day, now, key, cutoff) => {
    expect(slots(now, at(8), 3).weekly).toEqual([key, cutoff])
  })

  it.each([
    // Sundays at 03:30, which the clocks skip in March (the slot is at 04:30 EEST, the same instant)…
    ['just before the skipped time', '2026-03-29T01:29:00Z', 'weekly:2026-03-22', '2026-03-22T01:30:00.000Z'],
    ['at the skipped time', '2026-03-29T01:30:00Z', 'weekly:2026-03-29', '2026-03-29T01:30:00.000Z'],
    // …and pass twice in October: one slot, the second time (EET).
    ['the first 03:30 (EEST)', '2026-10-25T00:30:00Z', 'weekly:2026-10-18', '2026-10-18T00:30:00.000Z'],
    ['the second 03:30 (EET)', '2026-10-25T01:30:00Z', 'weekly:2026-10-25', '2026-10-25T01:30:00.000Z'],
  ])('a Sunday slot at 03:30, %s', (_label, now, key, cutoff) => {
    expect(slots(now, at(3, 30), 7).weekly).toEqual([key, cutoff])
  })

  it.each(
    [1, 2, 3, 4, 5, 6, 7].flatMap((weeklyDay) =>
      [
        ['March', '2026-03-22T00:00:00Z', '2026-04-05T00:00:00Z'],
        ['October', '2026-10-18T00:00:00Z', '2026-11-01T00:00:00Z'],
      ].map(([month, from, to]) => ({ weeklyDay, day: days[weeklyDay], month: month!, from: from!, to: to! })),
    ),
  )('$day at 08:00 through the $month change, checked every 30 minutes', ({ weeklyDay, month, from, to }) => {
    const step = 30 * 60_000
    // Each slot's cutoff, and when it first was the latest.
    const slotsSeen = new Map<string, { cutoff: number; since: number }>()
    for (let t = Date.parse(from); t < Date.parse(to); t += step) {
      const [key, cutoff] = slots(new Date(t).toISOString(), at(8), weeklyDay).weekly
      const c = Date.parse(cutoff!)
      // Never in the future, and never more than a local week old.
      expect(c).toBeLessThanOrEqual(t)
      expect(t - c).toBeLessThan(169 * 3600_000)
      const local = zonedParts(new Date(c), timeZone)
      expect([local.weekday, local.hour, local.minute], key).toEqual([weeklyDay, 8, 0])
      expect(key).toBe(`weekly:${localDate(new Date(c))}`)
      const known = slotsSeen.get(key!)
      if (known) expect(known.cutoff, key).toBe(c)
      else slotsSeen.set(key!, { cutoff: c, since: t })
    }
    const seen = [...slotsSeen.values()]
    // Each slot takes over within one check of its time (the first was already due)…
    for (const { cutoff, since } of seen.slice(1)) expect(since - cutoff).toBeLessThan(step)
    // …and the next one is a local week later: 168 h, once 167 h (March) or 169 h (October).
    const gaps = seen.slice(1).map((s, i) => (s.cutoff - seen[i]!.cutoff) / 3600_000)
    expect(gaps.filter((g) => g !== 168)).toEqual([month === 'March' ? 167 : 169])
  })
})
