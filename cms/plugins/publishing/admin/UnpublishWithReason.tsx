'use client'
import { ConfirmationModal, PopupList, toast, useConfig, useDocumentInfo, useForm, useFormFields, useModal, useTranslation } from '@payloadcms/ui'
import React, { useCallback } from 'react'

type Strings = { withdrawn: string; replaced: string; failed: string }

/**
 * Payload's Unpublish (@payloadcms/ui UnpublishButton), with the reason: the sidebar's
 * "When unpublished or deleted, its address" choice goes with the request (Payload's
 * own sends only the status, so an unsaved choice would be lost), and the confirmation
 * says what visitors of the old address will get.
 */
export function UnpublishWithReason({ strings }: { strings: Strings }) {
  const { id, collectionSlug, data, hasPublishedDoc, hasPublishPermission, isTrashed, incrementVersionCount, setHasPublishedDoc, setMostRecentVersionIsAutosaved, setUnpublishedVersionCount } =
    useDocumentInfo()
  const { toggleModal } = useModal()
  const { config } = useConfig()
  const { reset } = useForm()
  const { i18n, t } = useTranslation()
  const unpublishAs = useFormFields(([fields]) => fields.unpublishAs?.value) as string | undefined
  const replacedBy = useFormFields(([fields]) => fields.replacedBy?.value)
  const replaced = unpublishAs === 'replaced'
  const modalSlug = `confirm-un-publish-${String(id)}`

  const unpublish = useCallback(async () => {
    const url = `${config.serverURL}${config.routes.api}/${collectionSlug}/${String(id)}?depth=0&fallback-locale=null`
    try {
      const res = await fetch(url, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Accept-Language': i18n.language, 'Content-Type': 'application/json' },
        body: JSON.stringify({ _status: 'draft', unpublishAs: replaced ? 'replaced' : 'withdrawn', replacedBy: replaced ? (replacedBy ?? null) : null }),
      })
      if (res.status === 200) {
        void reset({ ...(data ?? {}), _status: 'draft', unpublishAs: replaced ? 'replaced' : 'withdrawn', replacedBy: replaced ? replacedBy : null })
        toast.success(t('version:unpublishedSuccessfully'))
        incrementVersionCount()
        setUnpublishedVersionCount(1)
        setMostRecentVersionIsAutosaved(false)
        setHasPublishedDoc(false)
        return
      }
      const json = (await res.json().catch(() => ({}))) as { errors?: { message?: string; data?: { errors?: { message?: string }[] } }[] }
      const first = json.errors?.[0]
      toast.error(first?.data?.errors?.[0]?.message ?? first?.message ?? strings.failed)
    } catch {
      toast.error(strings.failed)
    }
  }, [config.serverURL, config.routes.api, collectionSlug, id, i18n.language, replaced, replacedBy, reset, data, t, incrementVersionCount, setUnpublishedVersionCount, setMostRecentVersionIsAutosaved, setHasPublishedDoc, strings.failed])

  if (!hasPublishPermission || !hasPublishedDoc || isTrashed) return null
  return (
    <>
      <PopupList.Button id="action-unpublish" onClick={() => toggleModal(modalSlug)}>
        {t('version:unpublish')}
      </PopupList.Button>
      <ConfirmationModal
        body={replaced ? strings.replaced : strings.withdrawn}
        confirmingLabel={t('version:unpublishing')}
        heading={t('version:confirmUnpublish')}
        modalSlug={modalSlug}
        onConfirm={unpublish}
      />
    </>
  )
}
