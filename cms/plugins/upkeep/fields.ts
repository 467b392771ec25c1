import type { Field } from 'payload'

/** Twelve months from now: when a guide, service or leaflet is next due for a check. */
export function inTwelveMonths(now = new Date()): string {
  const next = new Date(now)
  next.setUTCFullYear(next.getUTCFullYear() + 1)
  return next.toISOString()
}

/**
 * Who keeps a document right and when it is next checked. Pages that tell residents
 * how to do something (guides, handbook, services, leaflets) go out of date silently:
 * they get a review-by date a year ahead when created; any public document may have one.
 */
export function upkeepFields(withDefaultDate: boolean): Field[] {
  return [
    { name: 'contentOwner', type: 'relationship', relationTo: 'users', admin: { position: 'sidebar', description: 'Who keeps this page right.' } },
    {
      name: 'reviewBy',
      type: 'date',
      index: true,
      ...(withDefaultDate ? { defaultValue: () => inTwelveMonths() } : {}),
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly' }, description: 'Check that the page is still right by this date.' },
    },
  ]
}
