import type { CollectionConfig } from 'payload'

import { internalNoteField, publishedAtField, topicsField } from '../../fields/common'
import { slugField } from '../../fields/slug'
import { validateEmail, validateHoursRange, validateLink, validatePhone } from '../../model/validators'
import { contentCollection } from '../shared'

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

const weekdayLabels: Record<(typeof weekdays)[number], string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
}

/** The directory of city services: who to call, write to or visit, and when. */
export const Services: CollectionConfig = contentCollection({
  slug: 'services',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', '_status'], group: 'Content' },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, maxLength: 200 },
    { name: 'description', type: 'textarea', localized: true, required: true, maxLength: 1000 },
    {
      name: 'phones',
      type: 'array',
      labels: { singular: 'Phone', plural: 'Phones' },
      fields: [
        { name: 'label', type: 'text', localized: true },
        {
          name: 'number',
          type: 'text',
          required: true,
          validate: (value: unknown) => validatePhone(value),
          admin: { description: 'International format, e.g. +370 460 12345, or a short number.' },
        },
      ],
    },
    { name: 'email', type: 'email', validate: (value: unknown) => validateEmail(value) },
    {
      name: 'address',
      type: 'group',
      fields: [
        { name: 'street', type: 'text' },
        { name: 'postcode', type: 'text' },
        { name: 'city', type: 'text', localized: true },
      ],
    },
    {
      name: 'openingHours',
      type: 'array',
      labels: { singular: 'Opening hours', plural: 'Opening hours' },
      admin: { description: 'Days not listed are shown as closed.' },
      fields: [
        {
          name: 'days',
          type: 'select',
          hasMany: true,
          required: true,
          options: weekdays.map((value) => ({ value, label: weekdayLabels[value] })),
        },
        { name: 'opens', type: 'text', required: true, admin: { placeholder: '08:00' } },
        {
          name: 'closes',
          type: 'text',
          required: true,
          admin: { placeholder: '17:00' },
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            validateHoursRange(siblingData.opens, value),
        },
      ],
    },
    { name: 'hoursNote', type: 'text', localized: true },
    { name: 'website', type: 'text', validate: (value: unknown) => validateLink(value) },
    slugField({ from: 'name' }),
    publishedAtField,
    topicsField,
    internalNoteField,
  ],
})
