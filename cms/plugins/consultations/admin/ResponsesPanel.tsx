import type { Payload, PayloadRequest } from 'payload'
import React from 'react'

import { panelBox } from '../../../lib/adminPanel'
import { hasRole } from '../../../access/roles'
import { plural, t } from '../../../model/i18n'
import { getDefaultLocale } from '../../../model/locales'
import type { StoredAnswer } from '../responses'
import { summarize } from '../summary'
import { storedQuestions } from '../collections/Consultations/questions'
import { asLocale } from '../../../lib/locale'

export const PANEL_PAGE_SIZE = 10
const PAGE_PARAM = 'responsesPage'

/**
 * Above the list of responses: per consultation that has opened (newest first, ten a
 * page, every one reachable), how many responses (spam left out), the CSV export, and
 * the counts and percentages of each choice question.
 */
export async function ResponsesPanel({
  payload,
  user,
  searchParams = {},
  i18n,
}: {
  payload: Payload
  user?: PayloadRequest['user']
  searchParams?: Record<string, string | string[] | undefined>
  i18n?: { language?: string }
}) {
  if (!hasRole(user, 'admin', 'editor')) return null
  // The admin's own interface language (Payload's i18n); strings from the one catalogue.
  const lang = i18n?.language ?? 'en'
  const locale = getDefaultLocale()
  const requested = Number(searchParams[PAGE_PARAM])
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1
  const consultations = await payload.find({
    collection: 'consultations',
    // Upcoming ones cannot have responses yet.
    where: { opensAt: { less_than_equal: new Date().toISOString() } },
    sort: '-opensAt',
    limit: PANEL_PAGE_SIZE,
    page,
    depth: 0,
    locale: asLocale(locale),
    overrideAccess: true,
  })
  // The list's own filters stay as they are when paging through the panel.
  const pageUrl = (n: number) => {
    const q = new URLSearchParams()
    for (const [k, v] of Object.entries(searchParams)) if (k !== PAGE_PARAM) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) q.append(k, x)
    q.set(PAGE_PARAM, String(n))
    return `?${q.toString()}`
  }
  const rows = await Promise.all(
    consultations.docs.map(async (c) => {
      const responses = await payload.find({
        collection: 'consultation-responses',
        where: { and: [{ consultation: { equals: c.id } }, { status: { not_equals: 'spam' } }] },
        limit: 0,
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
      const summary = summarize(storedQuestions(c), responses.docs.map((r) => ({ answers: (r.answers as StoredAnswer[] | null) ?? [] })), locale)
      return { id: String(c.id), title: String(c.title), status: String(c.status ?? ''), count: responses.docs.length, summary }
    }),
  )
  return (
    <section style={panelBox} aria-labelledby="responses-panel-title">
      <h2 id="responses-panel-title" style={{ marginTop: 0 }}>
        {t(lang, 'admin.responses.title')}
      </h2>
      {rows.length === 0 && <p>{t(lang, page === 1 ? 'admin.responses.none' : 'admin.responses.nonePage')}</p>}
      {rows.map((r) => (
        <details key={r.id} style={{ marginBottom: '.75rem' }}>
          {/* Nothing interactive inside the summary (it is a control itself), and room to tap it. */}
          <summary style={{ padding: '.3rem 0', cursor: 'pointer' }}>
            {r.title} ({r.status}): {plural(lang, 'admin.responses.count', r.count)}
          </summary>
          <p style={{ margin: '.25rem 0 .5rem' }}>
            <a href={`/api/consultation-responses/export.csv?consultation=${encodeURIComponent(r.id)}`}>{t(lang, 'admin.responses.export')}</a>
          </p>
          {r.summary.map((q) => (
            <table key={q.questionId} style={{ margin: '.5rem 0 1rem', borderCollapse: 'collapse' }}>
              <caption style={{ textAlign: 'left', fontWeight: 600 }}>
                {q.question} ({t(lang, 'admin.responses.answered', { n: q.answered })})
              </caption>
              <thead>
                <tr>
                  <th scope="col" style={{ textAlign: 'left', paddingRight: '1rem' }}>{t(lang, 'admin.responses.answer')}</th>
                  <th scope="col" style={{ textAlign: 'right', paddingRight: '1rem' }}>{t(lang, 'admin.responses.countColumn')}</th>
                  <th scope="col" style={{ textAlign: 'right' }}>%</th>
                </tr>
              </thead>
              <tbody>
                {q.rows.map((row) => (
                  <tr key={row.label}>
                    <td style={{ paddingRight: '1rem' }}>{row.label}</td>
                    <td style={{ textAlign: 'right', paddingRight: '1rem' }}>{row.count}</td>
                    <td style={{ textAlign: 'right' }}>{row.percent}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </details>
      ))}
      {consultations.totalPages > 1 && (
        <nav aria-label={t(lang, 'admin.responses.pages')} style={{ display: 'flex', gap: '1rem', alignItems: 'center' }}>
          {consultations.hasPrevPage && <a href={pageUrl(page - 1)}>{t(lang, 'admin.responses.newer')}</a>}
          <span>{t(lang, 'admin.responses.page', { page: consultations.page ?? page, pages: consultations.totalPages })}</span>
          {consultations.hasNextPage && <a href={pageUrl(page + 1)}>{t(lang, 'admin.responses.older')}</a>}
        </nav>
      )}
    </section>
  )
}
