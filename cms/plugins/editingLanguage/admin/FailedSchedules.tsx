import type { Payload, PayloadRequest } from 'payload'
import React from 'react'

import { textIn } from '../../../lib/titles'
import { t } from '../../../model/i18n'
import { getDefaultLocale } from '../../../model/locales'
import { adminRequest, describeFailure, outstandingFailures, type ScheduleFailure } from '../failures'

type Props = { payload: Payload; i18n?: { language?: string }; user?: PayloadRequest['user'] }

/** A document's name for the list: its title in the default language, else in any language it has. */
async function titleOf(payload: Payload, failure: ScheduleFailure, lang: string): Promise<string> {
  const target = failure.target
  if ('global' in target) {
    const label = payload.config.globals.find((g) => g.slug === target.global)?.label
    return typeof label === 'string' ? label : ((label as Record<string, string> | undefined)?.[lang] ?? target.global)
  }
  const config = payload.collections[target.collection as 'news']?.config
  const field = config?.admin?.useAsTitle ?? 'id'
  const doc = (await payload.findByID({ collection: target.collection as 'news', id: target.id, locale: 'all' as never, draft: true, depth: 0, overrideAccess: true, disableErrors: true })) as Record<string, unknown> | null
  return textIn(doc?.[field], getDefaultLocale()) ?? t(lang, 'admin.schedule.untitled')
}

const pathOf = (adminRoute: string, failure: ScheduleFailure): string =>
  'global' in failure.target ? `${adminRoute}/globals/${failure.target.global}` : `${adminRoute}/collections/${failure.target.collection}/${failure.target.id}`

/**
 * Above the dashboard: every scheduled publish that failed and still matters (not
 * published or scheduled again since), each with a link to its document and the reason.
 * Nothing when there are none.
 */
export async function FailedSchedules({ payload, i18n, user }: Props) {
  if (!user) return null
  const failures = await outstandingFailures(payload)
  if (failures.length === 0) return null
  const lang = i18n?.language ?? 'en'
  const req = await adminRequest(payload, user, i18n)
  const adminRoute = payload.config.routes.admin
  const rows = await Promise.all(failures.map(async (f) => ({ f, title: await titleOf(payload, f, lang), text: await describeFailure(req, f) })))
  const box: React.CSSProperties = { border: '2px solid var(--theme-error-500)', background: 'var(--theme-error-50)', borderRadius: 4, padding: '1rem', marginBottom: '1.5rem' }
  return (
    <section className="atvira-failed-schedules" style={box} aria-labelledby="failed-schedules-title">
      <h2 id="failed-schedules-title" style={{ marginTop: 0 }}>
        {t(lang, 'admin.schedule.dashboard.title')}
      </h2>
      <p>{t(lang, 'admin.schedule.dashboard.intro')}</p>
      <ul style={{ margin: 0, paddingInlineStart: '1.1rem' }}>
        {rows.map(({ f, title, text }) => (
          <li key={String(f.jobId)} style={{ marginBottom: '.5rem' }}>
            <a href={pathOf(adminRoute, f)} style={{ fontWeight: 600 }}>
              {title}
            </a>
            {' – '}
            {text}
          </li>
        ))}
      </ul>
    </section>
  )
}
