import type { Payload, PayloadRequest } from 'payload'
import React from 'react'

import { roleOf } from '../../../access/roles'
import { panelBox } from '../../../lib/adminPanel'
import { plural, t } from '../../../model/i18n'
import { readEnv } from '../../../model/env'
import { closingThisWeek, unreviewedResponses } from '../attention'

type Props = { payload: Payload; i18n?: { language?: string }; user?: PayloadRequest['user'] }

/** "trečiadienis, 2026-12-09 17:00": the weekday first, then the admin's date format, in the city's time. */
function closesOn(iso: string, lang: string, timeZone: string): string {
  const at = new Date(iso)
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone }).format(at)
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  )
  return `${weekday}, ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

/**
 * On the dashboard: consultations closing within a week (every role: authors write the
 * reminders too) and responses nobody has reviewed yet (editors and admins, who may read
 * them). Nothing when there is neither.
 */
export async function ConsultationsAttention({ payload, i18n, user }: Props) {
  const role = roleOf(user)
  if (role === null) return null
  const lang = i18n?.language ?? 'en'
  const { timeZone } = readEnv()
  const closing = await closingThisWeek(payload)
  const responses = role === 'author' ? [] : await unreviewedResponses(payload)
  if (closing.length === 0 && responses.length === 0) return null
  return (
    <section
      className="atvira-consultations-attention"
      style={panelBox}
      aria-labelledby="atvira-consultations-attention-title"
    >
      <h2 id="atvira-consultations-attention-title" style={{ marginTop: 0 }}>
        {t(lang, 'admin.dashboard.consultations')}
      </h2>
      {closing.length > 0 && (
        <>
          <h3>{plural(lang, 'admin.dashboard.closing', closing.length)}</h3>
          <ul>
            {closing.map((c) => (
              <li key={String(c.id)}>
                <a href={`/admin/collections/consultations/${String(c.id)}`}>{c.title}</a>:{' '}
                {t(lang, 'admin.dashboard.closes', { when: closesOn(c.closesAt, lang, timeZone) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {responses.length > 0 && (
        <>
          <h3>{t(lang, 'admin.dashboard.unreviewed')}</h3>
          <ul>
            {responses.map((r) => (
              <li key={String(r.consultation)}>
                {r.title}:{' '}
                <a
                  href={`/admin/collections/consultation-responses?where[consultation][equals]=${String(r.consultation)}&where[status][equals]=new`}
                >
                  {plural(lang, 'admin.dashboard.newResponses', r.count)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
