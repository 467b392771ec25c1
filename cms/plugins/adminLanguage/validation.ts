import { getTranslation } from '@payloadcms/translations'
import { validations, type Validate } from 'payload'

import { adminLocale, plural } from '../../model/i18n'

type Sized = { type: string; maxLength?: number; validate?: unknown; label?: unknown; name?: string; hasMany?: boolean }

/**
 * A text that is too long says which field, the limit and how long it is now, next to the
 * field: "Santrauka: per ilgas tekstas – ne daugiau kaip 400 simbolių (dabar 431).
 * Sutrumpinkite." Payload's own reads "This value must be shorter than the max length of
 * 400 characters." for every field, without the length the editor has reached.
 */
export function tooLongMessage(language: string, label: string, max: number, now: number): string {
  const locale = adminLocale(language)
  return plural(locale, 'admin.validation.tooLong', max, { label, now: new Intl.NumberFormat(locale).format(now) })
}

/** Text and textarea fields with a limit and no validation of their own get the message above; the rest stay Payload's. */
export function withLengthMessage<F extends Sized>(field: F): F {
  if ((field.type !== 'text' && field.type !== 'textarea') || typeof field.maxLength !== 'number' || field.validate || field.hasMany) return field
  const max = field.maxLength
  const fallback = (field.type === 'text' ? validations.text : validations.textarea) as Validate
  const validate: Validate = (value, options) => {
    if (typeof value === 'string' && value.length > max) {
      const { i18n } = options.req
      const label = typeof field.label === 'string' || (field.label && typeof field.label === 'object') ? getTranslation(field.label as Record<string, string>, i18n) : field.name
      return tooLongMessage(i18n?.language ?? 'en', label || '', max, value.length)
    }
    return fallback(value, options)
  }
  return { ...field, validate }
}
