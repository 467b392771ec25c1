import type { Payload, PayloadRequest } from 'payload'
import React from 'react'

import { panelBox } from '../../../lib/adminPanel'
import { hasRole } from '../../../access/roles'
import { t } from '../../../model/i18n'
import { getLocaleCodes } from '../../../model/locales'

/**
 * Above the list of runs: how many people subscribe (counts only), and the next digest
 * to preview or send to oneself. Plain links and forms: nothing here needs a client bundle.
 */
export async function NewsletterPanel({ payload, user, i18n }: { payload: Payload; user?: PayloadRequest['user']; i18n?: { language?: string } }) {
  if (!hasRole(user, 'admin', 'editor')) return null
  // The admin's own interface language (Payload's i18n); strings from the one catalogue.
  const lang = i18n?.language ?? 'en'
  const count = async (status: string) => (await payload.count({ collection: 'subscribers', where: { status: { equals: status } }, overrideAccess: true })).totalDocs
  const [confirmed, pending, unsubscribed, suspended] = await Promise.all(['confirmed', 'pending', 'unsubscribed', 'suspended'].map(count))
  const locales = getLocaleCodes()
  return (
    <section style={panelBox} aria-labelledby="newsletter-panel-title">
      <h2 id="newsletter-panel-title" style={{ marginTop: 0 }}>
        {t(lang, 'admin.newsletter.subscribers')}
      </h2>
      <p>{t(lang, 'admin.newsletter.counts', { confirmed: confirmed ?? 0, pending: pending ?? 0, unsubscribed: unsubscribed ?? 0, suspended: suspended ?? 0 })}</p>
      <h3>{t(lang, 'admin.newsletter.nextDigest')}</h3>
      <ul>
        {(['daily', 'weekly'] as const).flatMap((frequency) =>
          locales.map((locale) => (
            // Spaced so that each link is a target of its own (WCAG 2.5.8).
            <li key={`${frequency}-${locale}`} style={{ padding: '.25rem 0' }}>
              <a href={`/api/newsletter-runs/preview?frequency=${frequency}&locale=${locale}`} target="_blank" rel="noopener">
                {t(lang, `admin.newsletter.preview.${frequency}`, { locale: locale.toUpperCase() })}
              </a>
            </li>
          )),
        )}
      </ul>
      <form method="post" action="/api/newsletter-runs/send-test" style={{ display: 'flex', gap: '.5rem', alignItems: 'end', flexWrap: 'wrap' }}>
        <label>
          {t(lang, 'admin.newsletter.digest')}{' '}
          <select name="frequency" defaultValue="daily">
            <option value="daily">{t(lang, 'admin.newsletter.daily')}</option>
            <option value="weekly">{t(lang, 'admin.newsletter.weekly')}</option>
          </select>
        </label>
        <label>
          {t(lang, 'admin.newsletter.language')}{' '}
          <select name="locale" defaultValue={locales[0]}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t(lang, 'admin.newsletter.sendTest', { email: String((user as { email?: string })?.email ?? 'me') })}</button>
      </form>
    </section>
  )
}
