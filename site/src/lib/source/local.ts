import path from 'node:path'

import type { Payload } from 'payload'

import type { ContentSource, RawDoc, SourceCollection } from './types'

/**
 * Reads the local database through Payload's Local API *with the public's access
 * rules* (`overrideAccess: false`, no user), so only published documents can come out.
 */
export async function localSource(existing?: Payload): Promise<ContentSource> {
  let payload: Payload
  if (existing) payload = existing
  else {
    const { getPayload } = await import('payload')
    const config = (await import('../../../../cms/payload.config')).default
    payload = await getPayload({ config })
  }
  const mediaDir = path.resolve(process.env.MEDIA_DIR || path.join(process.cwd(), 'data/media'))
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

/**
 * What the site may show about consultation responses, which are staff-only: read with
 * the CMS's authority, but only counts (spam left out) and the quotes staff marked for
 * publishing leave this function. Also behind `GET /api/consultation-responses/public`.
 */
export async function responseFacts(payload: Payload): Promise<Record<string, { count: number; quotes: string[] }>> {
  const consultations = await payload.find({ collection: 'consultations', where: { _status: { equals: 'published' } }, limit: 0, pagination: false, depth: 0, overrideAccess: true, select: { title: true } })
  const facts: Record<string, { count: number; quotes: string[] }> = {}
  for (const c of consultations.docs) {
    const counted = await payload.count({ collection: 'consultation-responses', where: { and: [{ consultation: { equals: c.id } }, { status: { not_equals: 'spam' } }] }, overrideAccess: true })
    const quoted = await payload.find({
      collection: 'consultation-responses',
      where: { and: [{ consultation: { equals: c.id } }, { status: { equals: 'reviewed' } }, { publishQuote: { equals: true } }] },
      sort: 'createdAt',
      limit: 50,
      depth: 0,
      overrideAccess: true,
      select: { quote: true },
    })
    facts[String(c.id)] = { count: counted.totalDocs, quotes: quoted.docs.map((r) => String(r.quote ?? '').trim()).filter(Boolean) }
  }
  return facts
}
