import type { Payload } from 'payload'

/** Relationship values in the id type of the database (numbers on SQLite, strings on MongoDB). */
export function relationIds(payload: Payload, ids: string[]): (string | number)[] {
  return payload.db.defaultIDType === 'number' ? ids.map(Number) : ids
}
