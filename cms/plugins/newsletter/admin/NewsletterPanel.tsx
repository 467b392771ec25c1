import type { Payload, PayloadRequest } from 'payload'
import React from 'react'

import { hasRole } from '../../../access/roles'
import { getLocaleCodes } from '../../../model/locales'

/**
 * Above the list of runs: how many people subscribe (counts only), and the next digest
 * to preview or send to oneself. Plain links and forms: nothing here needs a client bundle.
 */
export async function NewsletterPanel({ payload, user }: { payload: Payload; user?: PayloadRequest['user'] }) {
  if (!hasRole(user, 'admin', 'editor')) return null
  const count = async (status: string) => (await payload.count({ collection: 'subscribers', where: { status: { equals: status } }, overrideAccess: true })).totalDocs
  const [confirmed, pending, unsubscribed, suspended] = await Promise.all(['confirmed', 'pending', 'unsubscribed', 'suspended'].map(count))
  const locales = getLocaleCodes()
  const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '1rem', marginBottom: '1.5rem' }
  return (
    <section style={box} aria-labelledby="newsletter-panel-title">
      <h2 id="newsletter-panel-title" style={{ marginTop: 0 }}>
        Subscribers
      </h2>
      <p>
        {confirmed} confirmed · {pending} waiting for confirmation · {unsubscribed} left · {suspended} suspended (bounced)
      </p>
      <h3>Next digest</h3>
      <ul>
        {(['daily', 'weekly'] as const).flatMap((frequency) =>
          locales.map((locale) => (
            <li key={`${frequency}-${locale}`}>
              <a href={`/api/newsletter-runs/preview?frequency=${frequency}&locale=${locale}`} target="_blank" rel="noopener">
                Preview the {frequency} digest ({locale.toUpperCase()})
              </a>
            </li>
          )),
        )}
      </ul>
      <form method="post" action="/api/newsletter-runs/send-test" style={{ display: 'flex', gap: '.5rem', alignItems: 'end', flexWrap: 'wrap' }}>
        <label>
          Digest{' '}
          <select name="frequency" defaultValue="daily">
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
          </select>
        </label>
        <label>
          Language{' '}
          <select name="locale" defaultValue={locales[0]}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Send a test to {String((user as { email?: string })?.email ?? 'me')}</button>
      </form>
    </section>
  )
}
