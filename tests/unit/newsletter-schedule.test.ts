/**
 * When digests are due, in Europe/Vilnius (EET, UTC+2; EEST, UTC+3 from the last Sunday
 * of March 03:00 to the last Sunday of October 04:00), across both changes of 2026.
 */
import { describe, expect, it } from 'vitest'

import { dueSlots, zonedParts } from '../../cms/newsletter/schedule'

const timeZone = 'Europe/Vilnius'
const at = (hour: number, minute = 0) => ({ hour, minute })
const slots = (now: string, dailyAt = at(8), weeklyDay = 1) => {
  const [daily, weekly] = dueSlots(new Date(now), { timeZone, dailyAt, weeklyDay })
  return { daily: [daily!.key, daily!.cutoff.toISOString()], weekly: [weekly!.key, weekly!.cutoff.toISOString()] }
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
      expect(key).toBe(`daily:${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`)
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
