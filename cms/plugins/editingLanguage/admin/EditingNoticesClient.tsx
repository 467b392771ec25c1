'use client'
import { useLocale } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'
import React from 'react'

export type NoticeStrings = {
  /** locale → "Editing: English" in the admin language. */
  editing: Record<string, string>
  notDefault: string
  switchTo: string
  missing: string | null
  failure: string | null
}

const box = (border: string, background: string): React.CSSProperties => ({
  border: `2px solid ${border}`,
  background,
  borderRadius: 4,
  padding: '.75rem 1rem',
  marginBottom: 'var(--base)',
  color: 'var(--theme-text)',
})

/**
 * The edit view's notices: the language being edited (prominent, when it is not the
 * default one; the locale selector up in the corner is easy to miss) with a link back
 * to the default language, and a scheduled publish that failed.
 */
export function EditingNoticesClient({ defaultLocale, strings }: { defaultLocale: string; strings: NoticeStrings }) {
  const { code } = useLocale()
  const search = useSearchParams()
  const other = code !== undefined && code !== defaultLocale
  const params = new URLSearchParams(search?.toString() ?? '')
  params.set('locale', defaultLocale)
  return (
    <div className="atvira-editing-notices">
      {strings.failure && (
        <div className="atvira-schedule-failed" role="alert" style={box('var(--theme-error-500)', 'var(--theme-error-50)')}>
          <p style={{ margin: 0, fontWeight: 600 }}>{strings.failure}</p>
        </div>
      )}
      {other && (
        <div className="atvira-editing-language" role="note" style={box('var(--theme-warning-500)', 'var(--theme-warning-50)')}>
          <p style={{ margin: '0 0 .25rem', fontSize: '1.25rem', fontWeight: 700 }}>
            {strings.editing[code] ?? code}
          </p>
          <p style={{ margin: '0 0 .25rem' }}>{strings.notDefault}</p>
          {strings.missing && <p style={{ margin: '0 0 .25rem', fontWeight: 600 }}>{strings.missing}</p>}
          {/* A page load with ?locale=: Payload keeps it as the editor's language from then on. */}
          <a href={`?${params.toString()}`} hrefLang={defaultLocale}>
            {strings.switchTo}
          </a>
        </div>
      )}
    </div>
  )
}
