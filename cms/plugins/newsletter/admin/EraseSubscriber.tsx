'use client'

import { Button, ConfirmationModal, toast, useModal } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React from 'react'

export type EraseStrings = {
  button: string
  heading: string
  intro: string
  items: string[]
  after: string
  confirm: string
  confirming: string
  cancel: string
  done: string
  /** With `{message}`: the server's reason. */
  failed: string
}

const modalSlug = 'erase-subscriber'

/** The erase button and its confirmation, which says what will go; the erasing is the server's (`POST …/erase`). */
export function EraseSubscriber({ action, listUrl, strings }: { action: string; listUrl: string; strings: EraseStrings }) {
  const { openModal } = useModal()
  const router = useRouter()
  const erase = async () => {
    let message: string
    try {
      const res = await fetch(action, { method: 'POST', credentials: 'include', headers: { accept: 'application/json' } })
      if (res.ok) {
        toast.success(strings.done)
        router.push(listUrl)
        return
      }
      const body = (await res.json().catch(() => null)) as { errors?: { message?: string }[] } | null
      message = body?.errors?.[0]?.message ?? `HTTP ${res.status}`
    } catch (error) {
      message = (error as Error).message
    }
    toast.error(strings.failed.replace('{message}', message))
  }
  return (
    <>
      <Button buttonStyle="error" size="small" onClick={() => openModal(modalSlug)}>
        {strings.button}
      </Button>
      <ConfirmationModal
        modalSlug={modalSlug}
        heading={strings.heading}
        body={
          <div>
            <p>{strings.intro}</p>
            <ul>
              {strings.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <p>{strings.after}</p>
          </div>
        }
        confirmLabel={strings.confirm}
        confirmingLabel={strings.confirming}
        cancelLabel={strings.cancel}
        onConfirm={erase}
      />
    </>
  )
}
