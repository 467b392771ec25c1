import type { CollectionConfig } from 'payload'

import { validateDateOrder, validateLink } from '../../model/validators'
import { scheduleBoundaries } from '../../hooks/scheduleBoundaries'
import { contentCollection } from '../shared'

/** The banner on every page while `startsAt <= now < endsAt`. */
export const Alerts: CollectionConfig = contentCollection({
  slug: 'alerts',
  admin: {
    useAsTitle: 'message',
    defaultColumns: ['message', 'level', 'startsAt', 'endsAt', '_status'],
    group: 'Content',
  },
  defaultSort: '-startsAt',
  hooks: { afterChange: [scheduleBoundaries(['startsAt', 'endsAt'])] },
  fields: [
    { name: 'message', type: 'textarea', localized: true, required: true, maxLength: 300 },
    {
      name: 'level',
      type: 'select',
      required: true,
      defaultValue: 'info',
      options: [
        { value: 'info', label: 'Information' },
        { value: 'warning', label: 'Warning' },
        { value: 'emergency', label: 'Emergency' },
      ],
    },
    {
      name: 'link',
      type: 'text',
      localized: true,
      validate: (value: unknown) => validateLink(value),
      admin: { description: 'Where to read more: a page of this site (its address, e.g. /naujienos/…; the banner shows its title) or https://….' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'startsAt',
          type: 'date',
          required: true,
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'endsAt',
          type: 'date',
          required: true,
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            value ? validateDateOrder(siblingData.startsAt, value, 'The end time') : 'Enter the end time.',
        },
      ],
    },
  ],
})
