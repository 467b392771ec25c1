import React from 'react'

import { stringsIn } from '../../../model/i18n'
import { UnpublishWithReason } from './UnpublishWithReason'

/**
 * The admin's Unpublish, for documents with pages: it says what the document's address
 * will do (withdrawn, or leading to its replacement, as chosen in the sidebar) and
 * sends that choice with the unpublish. Strings in the admin's language, here on the
 * server, so the client bundle carries no catalogue.
 */
export function UnpublishButton({ i18n }: { i18n?: { language?: string } }) {
  const strings = stringsIn(i18n?.language ?? 'en', { withdrawn: 'admin.retire.confirmWithdrawn', replaced: 'admin.retire.confirmReplaced', failed: 'admin.retire.failed' })
  return <UnpublishWithReason strings={strings} />
}
