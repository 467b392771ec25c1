/**
 * A consultation's status follows from its dates and outcome; editors never type it.
 * Boundaries: open from `opensAt` inclusive, closed from `closesAt` inclusive, outcome
 * from the outcome's publication time once the consultation has closed.
 */
export const consultationStatuses = ['upcoming', 'open', 'closed', 'outcome'] as const
export type ConsultationStatus = (typeof consultationStatuses)[number]

export type StatusInput = {
  opensAt?: string | Date | null
  closesAt?: string | Date | null
  outcome?: { publishedAt?: string | Date | null; summary?: unknown } | null
}

function time(value: string | Date | null | undefined): number | null {
  if (value == null || value === '') return null
  const t = new Date(value).getTime()
  return Number.isNaN(t) ? null : t
}

export function deriveConsultationStatus(input: StatusInput, now: Date = new Date()): ConsultationStatus {
  const t = now.getTime()
  const opens = time(input.opensAt)
  const closes = time(input.closesAt)
  const outcomeAt = time(input.outcome?.publishedAt)
  if (opens === null || t < opens) return 'upcoming'
  if (closes === null || t < closes) return 'open'
  if (outcomeAt !== null && t >= outcomeAt && input.outcome?.summary) return 'outcome'
  return 'closed'
}

/** The next moment the derived status changes, for scheduling a site update. */
export function nextStatusChange(input: StatusInput, now: Date = new Date()): Date | null {
  const t = now.getTime()
  const candidates = [time(input.opensAt), time(input.closesAt), time(input.outcome?.publishedAt)]
    .filter((v): v is number => v !== null && v > t)
    .sort((a, b) => a - b)
  return candidates.length ? new Date(candidates[0]!) : null
}
