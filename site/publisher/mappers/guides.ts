import { cachedText, defineMapper, type Raw } from './shared'
import type { DocLink } from '../../../cms/model/snapshot'

export const guides = defineMapper({
  fields: (d, c) => ({
    steps: ((d.steps ?? []) as Raw[]).map((s, i) => ({
      title: String(s.title ?? ''),
      anchor: `step-${i + 1}`,
      html: c.html(s.body, 1),
    })),
    relatedServices: ((d.relatedServices ?? []) as unknown[])
      .map((sid) => c.docLink('services', sid))
      .filter((l): l is DocLink => l !== undefined),
    text: ((d.steps ?? []) as Raw[]).map((s) => `${String(s.title ?? '')} ${cachedText(s.body)}`).join(' '),
  }),
})
