'use client'
import { Button, toast, useConfig, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import React, { useEffect, useRef, useState } from 'react'

type Strings = Record<'submit' | 'submitted' | 'returned' | 'returnAction' | 'returnHeading' | 'commentLabel' | 'send' | 'cancel' | 'saveFirst' | 'done' | 'failed', string>
type Review = { state?: 'submitted' | 'returned' | null; comment?: string | null }

/** Calls `POST /api/<collection>/:id/review`, then reloads the document to show where it stands. */
export function ReviewControlsClient({ canSubmit, canReturn, strings }: { canSubmit: boolean; canReturn: boolean; strings: Strings }) {
  const { id, collectionSlug, savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const modified = useFormModified()
  const dialog = useRef<HTMLDialogElement>(null)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  // Disabled until the page's script runs: a click before that would do nothing.
  const [ready, setReady] = useState(false)
  useEffect(() => setReady(true), [])
  if (id === undefined || id === null || !collectionSlug) return null
  const review = ((savedDocumentData as { review?: Review } | undefined)?.review ?? {}) as Review

  const send = async (body: object) => {
    setBusy(true)
    try {
      const res = await fetch(`${config.serverURL}${config.routes.api}/${collectionSlug}/${String(id)}/review`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const json = (await res.json().catch(() => ({}))) as { errors?: { message?: string }[] }
      if (!res.ok) {
        toast.error(json.errors?.[0]?.message ?? strings.failed)
        return
      }
      toast.success(strings.done)
      window.location.reload()
    } catch {
      toast.error(strings.failed)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="atvira-review" style={{ display: 'flex', gap: '.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
      {review.state === 'submitted' && <span className="atvira-review__state">{strings.submitted}</span>}
      {review.state === 'returned' && (
        <span className="atvira-review__state" role="note">
          {strings.returned} {review.comment}
        </span>
      )}
      {canSubmit && review.state !== 'submitted' && (
        <Button buttonStyle="secondary" size="medium" margin={false} disabled={!ready || busy || modified} tooltip={modified ? strings.saveFirst : undefined} onClick={() => void send({ action: 'submit' })}>
          {strings.submit}
        </Button>
      )}
      {canReturn && review.state === 'submitted' && (
        <>
          <Button buttonStyle="secondary" size="medium" margin={false} disabled={!ready} onClick={() => dialog.current?.showModal()}>
            {strings.returnAction}
          </Button>
          <dialog ref={dialog} aria-labelledby="atvira-return-heading" style={{ maxWidth: '36rem', width: '90vw' }}>
            {/* Not a form: this sits inside the document's own form, and a nested form would submit that one. */}
            <div>
              <h2 id="atvira-return-heading">{strings.returnHeading}</h2>
              <label htmlFor="atvira-return-comment">{strings.commentLabel}</label>
              <textarea id="atvira-return-comment" aria-required="true" maxLength={2000} rows={5} value={comment} onChange={(e) => setComment(e.target.value)} style={{ width: '100%' }} />
              <div style={{ display: 'flex', gap: '.5rem', marginTop: '.75rem' }}>
                <Button type="button" size="medium" margin={false} disabled={busy || !comment.trim()} onClick={() => void send({ action: 'return', comment })}>
                  {strings.send}
                </Button>
                <Button type="button" buttonStyle="secondary" size="medium" margin={false} onClick={() => dialog.current?.close()}>
                  {strings.cancel}
                </Button>
              </div>
            </div>
          </dialog>
        </>
      )}
    </div>
  )
}
