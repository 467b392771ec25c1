import type { PayloadRequest } from 'payload'

import { t } from '../../model/i18n'

/** What a card says under its name: published and draft documents, or how many there are. */
export async function countsOf(req: PayloadRequest, slug: string, lang: string): Promise<string | null> {
  const config = req.payload.collections[slug as 'news']?.config
  if (!config) return null
  const count = async (where?: Record<string, unknown>) =>
    (await req.payload.count({ collection: slug as 'news', where: where as never, overrideAccess: false, req }))
      .totalDocs
  try {
    if (config.versions?.drafts) {
      const [published, drafts] = await Promise.all([
        count({ _status: { equals: 'published' } }),
        count({ _status: { equals: 'draft' } }),
      ])
      return `${t(lang, 'admin.dashboard.count.published', { n: published })} · ${t(lang, 'admin.dashboard.count.drafts', { n: drafts })}`
    }
    return t(lang, 'admin.dashboard.count.total', { n: await count() })
  } catch {
    // A collection this role may open but not count (e.g. a read access that needs the
    // document): the card without a count.
    return null
  }
}
