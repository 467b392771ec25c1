import type { PayloadRequest } from 'payload'
import React from 'react'

import { roleOf } from '../../../access/roles'
import { stringsIn } from '../../../model/i18n'
import { ReviewControlsClient } from './ReviewControlsClient'

const keys = {
  submit: 'admin.review.submit',
  submitted: 'admin.review.waiting',
  returned: 'admin.review.returnedWith',
  returnAction: 'admin.review.return',
  returnHeading: 'admin.review.returnHeading',
  commentLabel: 'admin.review.commentLabel',
  send: 'admin.review.send',
  cancel: 'admin.review.cancel',
  saveFirst: 'admin.review.saveFirst',
  done: 'admin.review.done',
  failed: 'admin.review.failed',
} as const

/**
 * Beside the document's buttons: an author's "Submit for review", an editor's "Return
 * with a comment" while it waits, and where the review stands. Strings in the admin's
 * language, here on the server; the role decides which buttons exist at all.
 */
export function ReviewControls({ i18n, user }: { i18n?: { language?: string }; user?: PayloadRequest['user'] }) {
  const role = roleOf(user)
  if (role === null) return null
  const strings = stringsIn(i18n?.language ?? 'en', keys)
  return <ReviewControlsClient canReturn={role !== 'author'} canSubmit={role === 'author'} strings={strings} />
}
