/**
 * Seed dates: ISO 8601 with an explicit offset, or relative to the seeding moment
 * ("now", "now-3d", "now+90m") so that demo content never looks stale.
 */
const relative = /^now(?:([+-])(\d+)([mhd]))?$/
const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const

export function isSeedDate(value: string): boolean {
  return relative.test(value) || (iso.test(value) && !Number.isNaN(Date.parse(value)))
}

export function resolveSeedDate(value: string, now: Date): string {
  const m = relative.exec(value)
  if (m) {
    if (!m[1]) return now.toISOString()
    const delta = Number(m[2]) * unitMs[m[3] as keyof typeof unitMs]
    return new Date(now.getTime() + (m[1] === '+' ? delta : -delta)).toISOString()
  }
  if (!isSeedDate(value)) {
    throw new Error(`"${value}" is not a date: use ISO 8601 with an offset or now±N(m|h|d)`)
  }
  return new Date(value).toISOString()
}
