import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { editorsAndAdmins } from '../../access/editorsAndAdmins'
import { staff } from '../../access/staff'
import { getLocales } from '../../lib/locales'
import { recordPdfInfo } from './hooks/pdfInfo'

/** PDFs and office files attached to leaflets, consultations and pages. */
export function documentsCollection(staticDir: string): CollectionConfig {
  return {
    slug: 'documents',
    labels: { singular: 'Document', plural: 'Documents' },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'filename', 'language', 'pageCount', 'filesize'],
      group: 'Files',
    },
    access: { read: anyone, create: staff, update: staff, delete: editorsAndAdmins },
    upload: {
      staticDir,
      mimeTypes: [
        'application/pdf',
        'application/msword',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.oasis.opendocument.text',
        'application/vnd.ms-excel',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/vnd.oasis.opendocument.spreadsheet',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        'application/vnd.oasis.opendocument.presentation',
        'text/csv',
      ],
    },
    hooks: { beforeChange: [recordPdfInfo] },
    fields: [
      { name: 'title', type: 'text', localized: true, required: true, maxLength: 200 },
      {
        name: 'language',
        type: 'select',
        required: true,
        options: getLocales().map(({ code, label }) => ({ value: code, label })),
        admin: { description: 'The language the document is written in.' },
      },
      {
        name: 'pageCount',
        type: 'number',
        admin: { readOnly: true, description: 'Counted from the PDF when it is uploaded.' },
      },
    ],
  }
}
