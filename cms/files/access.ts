import type { Access, CheckboxField, CollectionBeforeChangeHook, CollectionConfig, FieldHook, TextField } from 'payload'

import { editorsAndAdmins } from '../access/editorsAndAdmins'
import { Refused } from '../access/refusal'
import { roleOf } from '../access/roles'
import { staff } from '../access/staff'
import { staffField } from '../access/staffField'

/** Staff see every file; the public only files that live content uses. */
const liveFileOrStaff: Access = ({ req: { user } }) => {
  if (roleOf(user) !== null) return true
  return { inLiveContent: { equals: true } }
}

/**
 * Editors and admins change any file's details (each change is a version they can
 * restore). Authors change only files no live content uses: a new upload for their draft.
 */
const updateFile: Access = ({ req: { user } }) => {
  const role = roleOf(user)
  if (role === 'admin' || role === 'editor') return true
  if (role === 'author') return { inLiveContent: { not_equals: true } }
  return false
}

export const fileAccess: CollectionConfig['access'] = {
  read: liveFileOrStaff,
  readVersions: staff,
  create: staff,
  update: updateFile,
  delete: editorsAndAdmins,
}

/** Bookkeeping fields keep their stored value through every API write and restore. */
const keepStored: FieldHook = ({ operation, originalDoc, field, value }) => {
  if (operation !== 'update') return field.type === 'checkbox' ? false : []
  const name = (field as { name: string }).name
  return originalDoc?.[name] ?? value
}

const bookkeeping = { create: () => false, update: () => false }

/** Set by cms/files/usage.ts; read-only everywhere else. */
export const fileUsageFields: [TextField, CheckboxField] = [
  {
    name: 'usedBy',
    type: 'text',
    hasMany: true,
    access: { ...bookkeeping, read: staffField },
    hooks: { beforeChange: [keepStored] },
    admin: { readOnly: true, position: 'sidebar', description: 'Live documents that use this file.' },
  },
  {
    name: 'inLiveContent',
    type: 'checkbox',
    defaultValue: false,
    index: true,
    access: bookkeeping,
    hooks: { beforeChange: [keepStored] },
    admin: {
      readOnly: true,
      position: 'sidebar',
      description: 'Used by published content: public, and its file is never replaced in place.',
    },
  },
]

/**
 * A file live content uses is never overwritten in place, by anyone: the old file would
 * be deleted and the change could not be undone. Upload the new file as a new item and
 * choose it in the document; publishing that document makes the change, reversibly.
 */
export const keepLiveFileInPlace: CollectionBeforeChangeHook = ({ operation, originalDoc, req, data }) => {
  if (operation !== 'update' || !(originalDoc as { inLiveContent?: boolean } | undefined)?.inLiveContent) return data
  const replacing = Boolean(req.file) || (typeof data.filename === 'string' && data.filename !== originalDoc?.filename)
  if (replacing) {
    throw new Refused(
      'Šį failą naudoja paskelbtas turinys, todėl jo pakeisti negalima: įkelkite naują failą ir pasirinkite jį dokumente.',
      'Published content uses this file, so it cannot be replaced: upload the new file as a new item and choose it in the document.',
    )
  }
  return data
}

/** File collections keep every change of their details as a version (no drafts: a file is live when its document is). */
export const fileVersions: CollectionConfig['versions'] = { maxPerDoc: 50 }
