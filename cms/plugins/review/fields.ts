import type { Field } from 'payload'

import { systemOnly } from '../../fields/ownership'
import { labels } from '../../model/i18n'

export type ReviewState = 'submitted' | 'returned'
export type Review = { state?: ReviewState | null; comment?: string | null; by?: number | string | { id: number | string; email?: string } | null; at?: string | null }

/**
 * Where a draft stands in review: submitted by an author (waiting for an editor), or
 * returned by an editor with a comment the author sees. Kept on the newest version, so
 * it travels with the draft it is about; publishing clears it.
 */
export const reviewField: Field = {
  name: 'review',
  type: 'group',
  label: labels('admin.review.label'),
  // Written by the review endpoint only (./endpoint.ts); staff read it, the public never.
  access: systemOnly,
  admin: { position: 'sidebar', condition: (data) => Boolean((data as { review?: Review })?.review?.state), readOnly: true },
  hooks: {
    // Publishing ends a review (what waited is live, or an editor decided); a field hook,
    // so it runs after field access has put back what the request may not write.
    beforeChange: [({ siblingData, value }) => (siblingData?._status === 'published' ? { state: null, comment: null, by: null, at: null } : value)],
  },
  fields: [
    {
      name: 'state',
      type: 'select',
      label: labels('admin.review.state'),
      options: [
        { value: 'submitted', label: labels('admin.review.state.submitted') },
        { value: 'returned', label: labels('admin.review.state.returned') },
      ],
    },
    { name: 'comment', type: 'textarea', label: labels('admin.review.comment') },
    { name: 'by', type: 'relationship', relationTo: 'users', label: labels('admin.review.by') },
    { name: 'at', type: 'date', label: labels('admin.review.at'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
