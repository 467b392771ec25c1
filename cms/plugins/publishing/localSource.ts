import path from 'node:path'

import type { Payload } from 'payload'

import { responseFacts } from '../consultations/facts'
import type { ContentSource, RawDoc, SourceCollection } from '../../model/source'
import { settings } from '../../model/env'

/**
 * Reads the local database through Payload's Local API *with the public's access
 * rules* (`overrideAccess: false`, no user), so only published documents can come out.
 */
export async function localSource(existing?: Payload): Promise<ContentSource> {
  let payload: Payload
  if (existing) payload = existing
  else {
    const { getPayload } = await import('payload')
    const config = (await import('../../payload.config')).default
    payload = await getPayload({ config })
  }
  const mediaDir = settings().MEDIA_DIR
  const loc = payload.config.localization
  const locales = loc ? loc.localeCodes : ['lt']
  const defaultLocale = loc ? loc.defaultLocale : 'lt'

  return {
    name: 'local database',
    locales: () => ({ locales, defaultLocale }),
    async published(collection: SourceCollection, locale: string, fallback: boolean) {
      const result = await payload.find({
        collection,
        locale: locale as never,
        fallbackLocale: (fallback ? defaultLocale : false) as never,
        where: { _status: { equals: 'published' } },
        draft: false,
        depth: 0,
        pagination: false,
        overrideAccess: false,
        user: null,
      })
      return result.docs as unknown as RawDoc[]
    },
    async uploads(collection, locale) {
      const result = await payload.find({
        collection,
        locale: locale as never,
        depth: 0,
        pagination: false,
        overrideAccess: false,
        user: null,
      })
      return result.docs as unknown as RawDoc[]
    },
    async settings(locale) {
      return (await payload.findGlobal({
        slug: 'settings',
        locale: locale as never,
        depth: 0,
        draft: false,
        overrideAccess: false,
        user: null,
      })) as unknown as Record<string, unknown>
    },
    responseFacts: () => responseFacts(payload),
    async filePath(collection, filename) {
      return path.join(mediaDir, collection === 'media' ? 'images' : 'documents', filename)
    },
    // A Payload instance handed in belongs to the caller (the job runner, a test).
    close: async () => {
      if (!existing) await payload.destroy()
    },
  }
}
