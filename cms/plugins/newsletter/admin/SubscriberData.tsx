import type { Payload, PayloadRequest } from 'payload'
import React from 'react'

import { panelBox } from '../../../lib/adminPanel'
import { hasRole } from '../../../access/roles'
import { t } from '../../../model/i18n'
import { erasurePreview } from '../personal'
import { EraseSubscriber } from './EraseSubscriber'

/**
 * In a subscriber's sidebar, for a data-protection request: "Export personal data" (a
 * download of `/api/subscribers/:id/export`) and "Erase subscriber and their data",
 * whose confirmation counts what will go. Editors and admins; strings from the one
 * catalogue, in the admin's language.
 */
export async function SubscriberData({ id, payload, req, i18n }: { id?: number | string; payload: Payload; req?: PayloadRequest; i18n?: { language?: string } }) {
  if (id === undefined || id === null || id === '' || !hasRole(req?.user, 'admin', 'editor')) return null
  const preview = await erasurePreview(payload, id)
  if (!preview) return null
  const lang = i18n?.language ?? 'en'
  const api = `${payload.config.routes.api}/subscribers/${encodeURIComponent(String(id))}`
  // A plain link that reads as a button, in the theme's text colour (contrast as the page's text).
  const link: React.CSSProperties = { display: 'inline-block', padding: '0.4rem 0.9rem', border: '1px solid var(--theme-elevation-800)', borderRadius: 4, color: 'var(--theme-text)', textDecoration: 'none', fontWeight: 600 }
  return (
    <section style={panelBox} aria-labelledby="subscriber-data-title" className="atvira-panel atvira-subscriber-data">
      <h3 id="subscriber-data-title" style={{ marginTop: 0 }}>
        {t(lang, 'admin.subscribers.personalData')}
      </h3>
      <p>{t(lang, 'admin.subscribers.personalData.help')}</p>
      <p>
        <a style={link} href={`${api}/export`} download>
          {t(lang, 'admin.subscribers.export')}
        </a>
      </p>
      <p style={{ fontSize: '0.85em' }}>{t(lang, 'admin.subscribers.export.help')}</p>
      <EraseSubscriber
        action={`${api}/erase`}
        listUrl={`${payload.config.routes.admin}/collections/subscribers`}
        strings={{
          button: t(lang, 'admin.subscribers.erase'),
          heading: t(lang, 'admin.subscribers.erase.heading', { email: preview.email }),
          intro: t(lang, 'admin.subscribers.erase.intro'),
          items: [
            t(lang, 'admin.subscribers.erase.subscription'),
            t(lang, 'admin.subscribers.erase.mail', { n: preview.mail }),
            t(lang, 'admin.subscribers.erase.responses', { n: preview.records.consultationResponses ?? 0 }),
          ],
          after: t(lang, 'admin.subscribers.erase.after'),
          confirm: t(lang, 'admin.subscribers.erase.confirm'),
          confirming: t(lang, 'admin.subscribers.erase.confirming'),
          cancel: t(lang, 'admin.subscribers.erase.cancel'),
          done: t(lang, 'admin.subscribers.erase.done'),
          failed: t(lang, 'admin.subscribers.erase.failed'),
        }}
      />
    </section>
  )
}
