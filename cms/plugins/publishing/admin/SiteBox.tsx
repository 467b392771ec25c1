import React from 'react'

import { t } from '../../../model/i18n'
import { SiteBoxClient } from './SiteBoxClient'

/**
 * The edit view's "On the site" box (a sidebar UI field of every document with pages):
 * its live addresses, and after a publish "the site will show it in about N s".
 * Strings in the admin's language, here on the server.
 */
export function SiteBox({ i18n }: { i18n?: { language?: string } }) {
  const lang = i18n?.language ?? 'en'
  return (
    <SiteBoxClient
      strings={{
        heading: t(lang, 'admin.siteBox.heading'),
        eta: t(lang, 'admin.siteBox.eta'),
        failed: t(lang, 'admin.siteBox.failed'),
        notLive: t(lang, 'admin.siteBox.notLive'),
        builds: t(lang, 'admin.siteBox.builds'),
      }}
    />
  )
}
