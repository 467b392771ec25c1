/**
 * When digests are due, in the city's time zone. Pure functions: the job runner asks
 * for the latest slot at or before now and creates its run once (unique key).
 */

import { zonedParts, zonedTime } from '../../model/zonedTime'

export { zonedParts, zonedTime }

export type DigestSlot = { frequency: 'daily' | 'weekly'; key: string; cutoff: Date }

const pad = (n: number) => String(n).padStart(2, '0')

/** The latest daily and weekly slots at or before `now`. */
export function dueSlots(now: Date, o: { timeZone: string; dailyAt: { hour: number; minute: number }; weeklyDay: number }): DigestSlot[] {
  const today = zonedParts(now, o.timeZone)
  const at = (daysBack: number) => {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day - daysBack))
    const cutoff = zonedTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), o.dailyAt.hour, o.dailyAt.minute, o.timeZone)
    return { cutoff, label: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` }
  }
  let daily = at(0)
  if (daily.cutoff > now) daily = at(1)
  const back = (today.weekday - o.weeklyDay + 7) % 7
  let weekly = at(back)
  if (weekly.cutoff > now) weekly = at(back + 7)
  return [
    { frequency: 'daily', key: `daily:${daily.label}`, cutoff: daily.cutoff },
    { frequency: 'weekly', key: `weekly:${weekly.label}`, cutoff: weekly.cutoff },
  ]
}
