import type { Payload, PayloadRequest } from 'payload'
import React from 'react'

import { t } from '../../../model/i18n'
import { getLocaleCodes } from '../../../model/locales'
import { adminRequest, describeFailure, outstandingFailures } from '../failures'
import { getDefaultLocale, languageName, listOf, requiredGaps, storedIn } from '../requirements'
import { EditingNoticesClient, type NoticeStrings } from './EditingNoticesClient'

type Props = {
  id?: number | string
  collectionSlug?: string
  payload: Payload
  i18n?: { language?: string }
  user?: PayloadRequest['user']
}

/**
 * The top of every content document's edit view (a UI field, first): the language being
 * edited when it is not the default one, with what the default language still lacks
 * (the draft saves; publishing waits for it), and a scheduled publish of this document
 * that failed, with the reason in plain words. Strings in the admin language, here on
 * the server, so the client bundle carries no catalogue.
 */
export async function EditingNotices({ id, collectionSlug, payload, i18n, user }: Props) {
  if (!collectionSlug || !payload.collections[collectionSlug as 'news']) return null
  const lang = i18n?.language ?? 'en'
  const defaultLocale = getDefaultLocale()
  const defaultLanguage = languageName(defaultLocale, lang)
  const req = await adminRequest(payload, user, i18n)
  const config = payload.collections[collectionSlug as 'news'].config
  const exists = id !== undefined && id !== null && id !== ''
  const stored = exists ? await storedIn(req, { collection: collectionSlug, id }, defaultLocale) : null
  const gaps = requiredGaps(config.fields, stored?.data ?? {}, { lang, blocks: payload.config.blocks ?? [], user, localizedOnly: true })
  const failure = exists ? (await outstandingFailures(payload, { collection: collectionSlug, id }, 1))[0] : undefined
  const strings: NoticeStrings = {
    editing: Object.fromEntries(getLocaleCodes().map((code) => [code, t(lang, 'admin.language.editing', { language: languageName(code, lang) })])),
    notDefault: t(lang, 'admin.language.notDefault', { defaultLanguage }),
    switchTo: t(lang, 'admin.language.switch', { defaultLanguage }),
    missing: gaps.length > 0 ? t(lang, 'admin.language.missing', { defaultLanguage, fields: listOf(gaps) }) : null,
    failure: failure ? await describeFailure(req, failure) : null,
  }
  return <EditingNoticesClient defaultLocale={defaultLocale} strings={strings} />
}
