import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { t } from '../../model/i18n'
import { afterSave, getDefaultLocale, languageName, listOf, localeLabel, requiredGaps, storedIn } from './requirements'

/**
 * A publish made while editing another language than the default one is refused when
 * the default language's required fields are empty: Payload checks only the language
 * the request is in, so the document would go live with no page in the site's main
 * language (the site shows a document in a language only when its title is there).
 * The message names the empty fields and what to do. Drafts are always saved. Runs
 * before Payload's own field validation, for the admin's Publish, "Publish in …", a
 * scheduled publish of one language (the job publishes in that language) and the API.
 */
export const defaultLanguageFirst: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'create' && operation !== 'update') return data
  if ((data as { _status?: string } | undefined)?._status !== 'published') return data
  const defaultLocale = getDefaultLocale()
  const locale = req.locale
  if (!locale || locale === 'all' || locale === defaultLocale) return data
  const id = (originalDoc as { id?: number | string } | undefined)?.id
  // A new document has nothing in the default language yet, unless it is a copy.
  const stored = id === undefined ? null : await storedIn(req, { collection: collection.slug, id }, defaultLocale)
  const blocks = req.payload.config.blocks ?? []
  const lang = req.i18n?.language ?? 'en'
  const view = afterSave(collection.fields, stored?.data, data as Record<string, unknown>, blocks)
  const gaps = requiredGaps(collection.fields, view, { lang, blocks, user: req.user, localizedOnly: true })
  if (gaps.length === 0) return data
  const message = t(lang, 'admin.language.publishRefused', { defaultLanguage: languageName(defaultLocale, lang), defaultLabel: localeLabel(req.payload.config, defaultLocale, lang), fields: listOf(gaps) })
  throw new APIError(message, 400, { locale: defaultLocale, missing: gaps }, true)
}
