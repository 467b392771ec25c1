import type { CollectionBeforeChangeHook } from 'payload'
import { PDFDocument } from 'pdf-lib'

import type { Document } from '../../../payload-types'

/** Records the page count of an uploaded PDF so the site can say "4 pages". */
export const recordPdfInfo: CollectionBeforeChangeHook<Document> = async ({ data, req }) => {
  const file = req.file
  if (!file) return data
  if (file.mimetype !== 'application/pdf') {
    data.pageCount = null
    return data
  }
  try {
    const pdf = await PDFDocument.load(file.data, { ignoreEncryption: true, updateMetadata: false })
    data.pageCount = pdf.getPageCount()
  } catch (error) {
    throw new Error(
      `The file "${file.name}" could not be read as a PDF (${(error as Error).message}). Export it again as PDF and upload it.`,
      { cause: error },
    )
  }
  return data
}
