import { cachedText, defineMapper, str, type Raw } from './shared'
import type { DocLink } from '../../../cms/model/snapshot'

export const news = defineMapper({
  hero: (d, c) => c.image(d.heroImage),
  fields: (d, c, hero) => ({
    bodyHtml: c.html(d.body),
    hero,
    department: str(d.department),
    urgent: Boolean(d.urgent),
    related: ((d.related ?? []) as { relationTo: string; value: unknown }[])
      .map((r) => c.docLink(r.relationTo, typeof r.value === 'object' ? (r.value as Raw)?.id : r.value))
      .filter((l): l is DocLink => l !== undefined),
    text: cachedText(d.body),
  }),
})
