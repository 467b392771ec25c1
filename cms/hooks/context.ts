import type { RequestContext } from 'payload'

/**
 * Set by the seed script: hooks with side effects (site rebuilds, subscriber emails)
 * must do nothing while demo content is loaded.
 */
export const SEEDING = 'atviraSeeding'

export function isSeeding(context: RequestContext | undefined): boolean {
  return Boolean(context?.[SEEDING])
}
