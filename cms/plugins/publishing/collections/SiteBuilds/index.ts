import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../../../access/isAdmin'
import { staff } from '../../../../access/staff'
import { docSiteStatusEndpoint } from './endpoints/docStatus'

/**
 * One row per site update: what changed, when it was built, how long it took and, if
 * it failed, why. A failed build leaves the previous site live; the next change (or
 * "Rebuild now") tries again.
 */
export const SiteBuilds: CollectionConfig = {
  slug: 'site-builds',
  admin: {
    group: 'Publishing',
    useAsTitle: 'summary',
    defaultColumns: ['summary', 'status', 'mode', 'detail', 'requestedAt', 'durationMs'],
    description:
      'Publishing updates the public site automatically. A failed build keeps the previous site online and is shown here with its error.',
  },
  defaultSort: '-requestedAt',
  access: { read: staff, create: () => false, update: () => false, delete: isAdmin },
  endpoints: [docSiteStatusEndpoint],
  fields: [
    { name: 'summary', type: 'text', admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'queued',
      options: [
        { value: 'queued', label: 'Queued' },
        { value: 'running', label: 'Building' },
        { value: 'succeeded', label: 'Live' },
        { value: 'failed', label: 'Failed' },
        // The job runner was stopped (Ctrl-C, a deploy) during the build: nothing broke.
        { value: 'stopped', label: 'Stopped' },
      ],
      admin: { readOnly: true },
    },
    {
      name: 'mode',
      type: 'select',
      options: [
        { value: 'full', label: 'Full build' },
        { value: 'fast', label: 'Changed pages only' },
        { value: 'none', label: 'Nothing to render' },
      ],
      admin: { readOnly: true },
    },
    {
      name: 'detail',
      type: 'text',
      admin: { readOnly: true, description: 'Why a full build, or how many pages a fast update rendered.' },
    },
    {
      name: 'changes',
      type: 'json',
      admin: { readOnly: true, description: 'What triggered this build.' },
    },
    { name: 'requestedAt', type: 'date', index: true, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'startedAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'durationMs', type: 'number', label: 'Duration (ms)', admin: { readOnly: true } },
    { name: 'pages', type: 'number', admin: { readOnly: true } },
    { name: 'buildDir', type: 'text', admin: { readOnly: true } },
    { name: 'error', type: 'textarea', admin: { readOnly: true } },
  ],
}
