import type { CollectionConfig } from 'payload'

import { fileAccess, fileUsageFields, fileVersions, keepLiveFileInPlace } from '../../files/access'
import { getLocales, localeNames } from '../../model/locales'
import { recordPdfInfo } from './hooks/pdfInfo'

/** PDFs and office files attached to leaflets, consultations and pages. */
export function documentsCollection(staticDir: string): CollectionConfig {
  return {
    slug: 'documents',
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'filename', 'language', 'pageCount', 'filesize'],
      group: 'Files',
    },
    // The public sees only files live content uses; authors change only unused ones.
    access: fileAccess,
    versions: fileVersions,
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
    hooks: { beforeChange: [keepLiveFileInPlace, recordPdfInfo] },
    fields: [
      { name: 'title', type: 'text', localized: true, required: true, maxLength: 200 },
      {
        name: 'language',
        type: 'select',
        required: true,
        options: getLocales().map(({ code }) => ({ value: code, label: localeNames(code) })),
        admin: { description: 'The language the document is written in.' },
      },
      {
        name: 'pageCount',
        type: 'number',
        admin: { readOnly: true, description: 'Counted from the PDF when it is uploaded.' },
      },
      ...fileUsageFields,
    ],
  }
}
