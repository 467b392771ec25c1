import type { Payload } from 'payload'

/** An id as the generated types spell it (they are generated against SQLite). */
type GeneratedId = number

/**
 * Relationship values in the id type of the database: numbers on SQLite, strings on
 * MongoDB. The generated types know only the numbers; the Local API takes either, so
 * this is the one place that says so.
 */
export function relationIds(payload: Payload, ids: string[]): GeneratedId[] {
  return (payload.db.defaultIDType === 'number' ? ids.map(Number) : ids) as GeneratedId[]
}
