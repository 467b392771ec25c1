/**
 * When digests are due, in the city's time zone. Pure functions: the job runner asks
 * for the latest slot at or before now and creates its run once (unique key).
 */

type Parts = { year: number; month: number; day: number; hour: number; minute: number; weekday: number }

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 }

export function zonedParts(date: Date, timeZone: string): Parts {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  )
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: weekdays[parts.weekday!]!,
  }
}

/** The instant a wall-clock time happens in a time zone (DST-safe: the offset is measured, twice). */
export function zonedTime(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute)
  let guess = wall
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(guess), timeZone)
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute)
    guess += wall - seen
  }
  return new Date(guess)
}

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
