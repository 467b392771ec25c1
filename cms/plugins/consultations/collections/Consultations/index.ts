import type { CollectionConfig } from 'payload'

import {
  departmentField,
  internalNoteField,
  publishedAtField,
  summaryField,
  topicsField,
} from '../../../../fields/common'
import { slugField } from '../../../../fields/slug'
import { validateDateOrder, validateEmail, validatePhone } from '../../../../model/validators'
import { scheduleBoundaries } from '../../../../hooks/scheduleBoundaries'
import { contentCollection } from '../../../../collections/shared'
import { readDerivedStatus, storeDerivedStatus } from './hooks/status'
import { questionsField } from './questions'
import { consultationStatuses } from './status'

const statusLabels = {
  upcoming: 'Upcoming',
  open: 'Open for comments',
  closed: 'Closed',
  outcome: 'Outcome published',
} as const

export const Consultations: CollectionConfig = contentCollection({
  slug: 'consultations',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'opensAt', 'closesAt', '_status'],
    group: 'Content',
  },
  defaultSort: '-opensAt',
  hooks: { afterChange: [scheduleBoundaries(['opensAt', 'closesAt', 'outcome.publishedAt'])] },
  indexes: [{ fields: ['_status', 'opensAt'] }],
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, maxLength: 200 },
    summaryField,
    { name: 'body', type: 'richText', localized: true, required: true },
    {
      type: 'row',
      fields: [
        {
          name: 'opensAt',
          type: 'date',
          required: true,
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'closesAt',
          type: 'date',
          required: true,
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            value ? validateDateOrder(siblingData.opensAt, value, 'The closing time') : 'Enter the closing time.',
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      options: consultationStatuses.map((value) => ({ value, label: statusLabels[value] })),
      index: true,
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'Follows from the dates and the outcome; it cannot be set by hand.',
      },
      hooks: { beforeChange: [storeDerivedStatus], afterRead: [readDerivedStatus] },
    },
    { name: 'documents', type: 'upload', relationTo: 'documents', hasMany: true },
    questionsField,
    {
      name: 'howToRespond',
      type: 'richText',
      localized: true,
      admin: { description: 'Ways to respond: the form on the page, email, post, public meetings.' },
    },
    {
      name: 'timeline',
      type: 'array',
      labels: { singular: 'Step', plural: 'Timeline' },
      fields: [
        { name: 'date', type: 'date', required: true },
        { name: 'label', type: 'text', localized: true, required: true },
      ],
    },
    departmentField,
    {
      name: 'contact',
      type: 'group',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'email', type: 'email', validate: (value: unknown) => validateEmail(value) },
        { name: 'phone', type: 'text', validate: (value: unknown) => validatePhone(value) },
      ],
    },
    {
      name: 'outcome',
      type: 'group',
      admin: { description: 'Publish the outcome after the consultation has closed.' },
      fields: [
        { name: 'summary', type: 'richText', localized: true },
        {
          name: 'whatYouSaid',
          type: 'array',
          labels: { singular: 'Point', plural: 'What you said, what we did' },
          fields: [
            { name: 'said', type: 'textarea', localized: true, required: true, maxLength: 2000 },
            { name: 'did', type: 'textarea', localized: true, required: true, maxLength: 2000 },
          ],
        },
        { name: 'documents', type: 'upload', relationTo: 'documents', hasMany: true },
        {
          name: 'publishedAt',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          validate: (value: unknown, { data }: { data: Record<string, unknown> }) =>
            value ? validateDateOrder(data.closesAt, value, 'The outcome publication time') : true,
        },
      ],
    },
    slugField({ from: 'title' }),
    publishedAtField,
    topicsField,
    internalNoteField,
  ],
})
