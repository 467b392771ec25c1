'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { DocSiteStatus } from '../collections/SiteBuilds/endpoints/docStatus'

type Strings = { heading: string; eta: string; failed: string; notLive: string; builds: string }

/**
 * Asks `/api/site-builds/for` about this document when the view opens and after every
 * save, then every 2 s while its change is on the way (every 15 s otherwise), and says
 * so politely to screen readers.
 */
export function SiteBoxClient({ strings }: { strings: Strings }) {
  const { id, collectionSlug, savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const [status, setStatus] = useState<DocSiteStatus | null>(null)
  const saved = (savedDocumentData as { updatedAt?: string } | undefined)?.updatedAt
  const api = `${config.serverURL}${config.routes.api}`

  useEffect(() => {
    if (id === undefined || id === null || !collectionSlug) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = async () => {
      try {
        const res = await fetch(`${api}/site-builds/for?collection=${encodeURIComponent(collectionSlug)}&id=${encodeURIComponent(String(id))}`, { credentials: 'include' })
        if (stopped || !res.ok) return
        const next = (await res.json()) as DocSiteStatus
        if (stopped) return
        setStatus(next)
        timer = setTimeout(() => void load(), next.pending ? 2_000 : 15_000)
      } catch {
        timer = setTimeout(() => void load(), 15_000)
      }
    }
    void load()
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
    }
  }, [api, id, collectionSlug, saved])

  if (!status) return null
  // The addresses are the document's as published; the site shows them once the update is done.
  const live = status.pending ? [] : Object.entries(status.live)
  return (
    <div className="atvira-site-box" role="status" aria-live="polite" style={{ marginBottom: 'var(--base)' }}>
      <p style={{ fontWeight: 600, margin: '0 0 .25rem' }}>{strings.heading}</p>
      {status.pending && <p style={{ margin: '0 0 .25rem' }}>{strings.eta.replace('{n}', String(status.pending.etaSeconds))}</p>}
      {status.failed && (
        <p style={{ margin: '0 0 .25rem' }}>
          {strings.failed.replace('{error}', status.failed.error)} <a href={`${config.routes.admin}/collections/site-builds`}>{strings.builds}</a>
        </p>
      )}
      {live.length > 0 ? (
        <ul style={{ margin: 0, paddingInlineStart: '1.1rem' }}>
          {live.map(([locale, url]) => (
            <li key={locale}>
              <a href={url} target="_blank" rel="noopener" lang={locale}>
                {url}
              </a>{' '}
              ({locale.toUpperCase()})
            </li>
          ))}
        </ul>
      ) : (
        !status.pending && <p style={{ margin: 0 }}>{strings.notLive}</p>
      )}
    </div>
  )
}
