import type { Payload } from 'payload'
import React from 'react'

import { hasRole } from '../../access/roles'
import { getDefaultLocale } from '../../lib/locales'
import type { StoredAnswer } from '../responses'
import { summarize } from '../summary'

type Question = { id: string; type: string; label: string; options?: { id: string; label: string }[] | null }

/**
 * Above the list of responses: per consultation, how many responses (spam left out), the
 * CSV export, and the counts and percentages of each choice question.
 */
export async function ResponsesPanel({ payload, user }: { payload: Payload; user?: unknown }) {
  if (!hasRole(user as never, 'admin', 'editor')) return null
  const locale = getDefaultLocale()
  const consultations = await payload.find({ collection: 'consultations', sort: '-opensAt', limit: 20, depth: 0, locale: locale as never, overrideAccess: true })
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
      const summary = summarize((c as unknown as { questions?: Question[] }).questions ?? [], responses.docs.map((r) => ({ answers: (r.answers as StoredAnswer[] | null) ?? [] })), locale)
      return { id: String(c.id), title: String(c.title), status: String(c.status ?? ''), count: responses.docs.length, summary }
    }),
  )
  const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '1rem', marginBottom: '1.5rem' }
  return (
    <section style={box} aria-labelledby="responses-panel-title">
      <h2 id="responses-panel-title" style={{ marginTop: 0 }}>
        Responses by consultation
      </h2>
      {rows.filter((r) => r.count > 0 || r.status === 'open').map((r) => (
        <details key={r.id} style={{ marginBottom: '.75rem' }}>
          <summary>
            {r.title} ({r.status}): {r.count} response{r.count === 1 ? '' : 's'} ·{' '}
            <a href={`/api/consultation-responses/export.csv?consultation=${encodeURIComponent(r.id)}`}>Export CSV</a>
          </summary>
          {r.summary.map((q) => (
            <table key={q.questionId} style={{ margin: '.5rem 0 1rem', borderCollapse: 'collapse' }}>
              <caption style={{ textAlign: 'left', fontWeight: 600 }}>
                {q.question} ({q.answered} answered)
              </caption>
              <thead>
                <tr>
                  <th scope="col" style={{ textAlign: 'left', paddingRight: '1rem' }}>Answer</th>
                  <th scope="col" style={{ textAlign: 'right', paddingRight: '1rem' }}>Count</th>
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
    </section>
  )
}
