import type { Validate } from 'payload'

import { adminLocale, t } from '../../model/i18n'
import { getDefaultLocale, localeNames } from '../../model/locales'

/**
 * Alt text is required in every language an image is saved in, so an English page never
 * reads the Lithuanian description aloud unannounced: the first upload asks for it in the
 * language of the upload, and a save in another language asks for that language's. The
 * message is in the staff's language and says why.
 */
export const altTextRequired: Validate = (value, { req }) => {
  if (typeof value === 'string' && value.trim().length > 0) return true
  const staff = adminLocale(req.i18n?.language)
  const defaultLocale = getDefaultLocale()
  const locale = req.locale && req.locale !== 'all' ? req.locale : defaultLocale
  if (locale === defaultLocale) return t(staff, 'admin.validation.altRequired')
  const name = (code: string) => localeNames(code)[staff] ?? code
  return t(staff, 'admin.validation.altInLanguage', { language: name(locale), defaultLanguage: name(defaultLocale) })
}
