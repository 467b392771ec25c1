import { settings } from '../model/env'

/**
 * Where the CMS's preview button and live preview open a draft: the public site's
 * preview route, which asks the CMS (with the editor's session) for the draft.
 */
export function previewUrl(collection: string, id: unknown, locale: unknown): string | null {
  if (id === undefined || id === null) return null
  const site = settings().SITE_URL
  const params = new URLSearchParams({ collection, id: String(id) })
  if (typeof locale === 'string') params.set('locale', locale)
  else if (locale && typeof locale === 'object' && 'code' in locale) params.set('locale', String((locale as { code: unknown }).code))
  return `${site}/preview?${params}`
}
