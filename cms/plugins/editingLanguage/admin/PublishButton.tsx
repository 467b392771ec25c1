'use client'
import { PublishButton as PayloadPublishButton, ServerFunctionsContext, useDocumentInfo, useServerFunctions } from '@payloadcms/ui'
import React, { useEffect, useMemo } from 'react'

type ServerFunctions = ReturnType<typeof useServerFunctions>

/**
 * Payload's Publish button (and its schedule drawer), with two changes the drawer has
 * no option for:
 *
 * - A document never published opens the drawer on "Publish". Payload picks
 *   "Unpublish" when no version is newer than the published one
 *   (`unpublishedVersionCount`, 0 when nothing was ever published); a document never
 *   published has all its versions unpublished, which is what is said here. Only the
 *   drawer's default and the Publish button read the count, and the Publish button is
 *   enabled anyway while nothing is published.
 * - A schedule the server refuses says why. The drawer shows success whatever the
 *   server answers; the refusal is thrown instead, which the drawer shows as an error
 *   and leaves the time filled in.
 */
export function PublishButton(props: { label?: string }) {
  const functions = useServerFunctions()
  const { hasPublishedDoc, unpublishedVersionCount, versionCount, setUnpublishedVersionCount } = useDocumentInfo()

  useEffect(() => {
    if (!hasPublishedDoc && unpublishedVersionCount === 0) setUnpublishedVersionCount(Math.max(1, versionCount ?? 0))
  }, [hasPublishedDoc, unpublishedVersionCount, versionCount, setUnpublishedVersionCount])

  const value = useMemo<ServerFunctions>(
    () => ({
      ...functions,
      schedulePublish: async (args) => {
        const result = await functions.schedulePublish(args)
        const error = (result as { error?: unknown } | undefined)?.error
        if (typeof error === 'string' && error !== '') throw new Error(error)
        return result
      },
    }),
    [functions],
  )

  return (
    <ServerFunctionsContext value={value}>
      <PayloadPublishButton {...props} />
    </ServerFunctionsContext>
  )
}
