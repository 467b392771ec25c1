import React from 'react'

import { stringsIn } from '../../../model/i18n'
import { SiteBoxClient } from './SiteBoxClient'

/**
 * The edit view's "On the site" box (a sidebar UI field of every document with pages):
 * its live addresses, and after a publish "the site will show it in about N s".
 * Strings in the admin's language, here on the server.
 */
export function SiteBox({ i18n }: { i18n?: { language?: string } }) {
  const strings = stringsIn(i18n?.language ?? 'en', {
    heading: 'admin.siteBox.heading',
    eta: 'admin.siteBox.eta',
    failed: 'admin.siteBox.failed',
    notLive: 'admin.siteBox.notLive',
    builds: 'admin.siteBox.builds',
  })
  return <SiteBoxClient strings={strings} />
}
