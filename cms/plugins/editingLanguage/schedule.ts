import type { PayloadRequest } from 'payload'

import { t } from '../../model/i18n'
import { getLocaleCodes } from '../../model/locales'
import { gapsIn, getDefaultLocale, languageName, listOf, localeLabel, type Gap, type Target } from './requirements'

export type ScheduleRequest = {
  /** 'publish' (also when absent, as the job reads it) or 'unpublish'. */
  type?: string
  doc?: { relationTo: string; value: number | string }
  global?: string
  /** The one language to publish; none: every language (Payload's "All"). */
  localeToPublish?: string
}

export function targetOf(args: Pick<ScheduleRequest, 'doc' | 'global'>): Target | null {
  const value = args.doc?.value
  if (typeof args.doc?.relationTo === 'string' && (typeof value === 'number' || (typeof value === 'string' && value !== ''))) return { collection: args.doc.relationTo, id: value }
  if (typeof args.global === 'string' && args.global !== '') return { global: args.global }
  return null
}

/**
 * What a publish at the scheduled time would still lack, language by language, as the
 * schedule job will run it (payload/dist/versions/schedule/job.js): a publish of every
 * language validates the default language (the job sends no locale); a publish of one
 * language validates that one, and the default language must be written too
 * (./hooks.ts). The default language comes first. Null: there is no such document.
 */
export async function publishGaps(req: PayloadRequest, target: Target, localeToPublish?: string): Promise<{ locale: string; gaps: Gap[] }[] | null> {
  const defaultLocale = getDefaultLocale()
  // The job publishes every language when the one it is given is not configured.
  const known = typeof localeToPublish === 'string' && getLocaleCodes().includes(localeToPublish)
  const one = known && localeToPublish !== defaultLocale ? localeToPublish : undefined
  const main = await gapsIn(req, target, defaultLocale, { localizedOnly: Boolean(one) })
  if (main === null) return null
  const found = [{ locale: defaultLocale, gaps: main }]
  if (one) found.push({ locale: one, gaps: (await gapsIn(req, target, one)) ?? [] })
  return found.filter((f) => f.gaps.length > 0)
}

/**
 * Why a schedule cannot be accepted, in the admin language, or null when it can: a
 * publish whose document lacks what the publish needs is refused now, rather than
 * failing at the set time. Unpublishing needs nothing.
 */
export async function scheduleRefusal(req: PayloadRequest, args: ScheduleRequest): Promise<string | null> {
  const lang = req.i18n?.language ?? 'en'
  const target = targetOf(args)
  if (!target) return null
  if (args.type === 'unpublish') return null
  const found = await publishGaps(req, target, args.localeToPublish)
  if (found === null) return t(lang, 'admin.schedule.notFound')
  return (
    found
      .map(({ locale, gaps }) => t(lang, 'admin.schedule.refused', { language: languageName(locale, lang), label: localeLabel(req.payload.config, locale, lang), fields: listOf(gaps) }))
      .join(' ') || null
  )
}
