import type { Field } from 'payload'

import { labels, type MessageKey } from '../model/i18n'

/** What the site uses when a search-engine field is left empty (site/publisher/snapshot.ts). */
const fallbacks: Record<string, MessageKey> = {
  title: 'admin.seo.title',
  description: 'admin.seo.description',
  image: 'admin.seo.image',
}

/**
 * The SEO plugin's fields as plain fields that say what the site uses when they are left
 * empty. Its own components marked empty fields red "Missing" and "0/3 checks passing"
 * although the site fills them from the title, summary and main image, and its search
 * preview and checks alarmed staff for nothing (they also broke WCAG contrast).
 */
export function seoFields({ defaultFields }: { defaultFields: Field[] }): Field[] {
  return defaultFields
    .filter((f) => !('name' in f) || !['overview', 'preview'].includes(f.name))
    .map((f) => {
      const key = 'name' in f ? fallbacks[f.name] : undefined
      if (!key) return f
      const { Field: _plugin, ...components } = (f.admin as { components?: Record<string, unknown> } | undefined)?.components ?? {}
      return { ...f, admin: { ...f.admin, components, description: labels(key) } } as Field
    })
}
