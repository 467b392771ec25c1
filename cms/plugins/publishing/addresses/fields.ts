import type { Field } from 'payload'

import { labels, t } from '../../../model/i18n'

type Data = { firstPublishedAt?: unknown; unpublishAs?: unknown; id?: unknown }
const language = (req: { i18n?: { language?: string } }) => req.i18n?.language ?? 'en'

/**
 * What the document's address does once it is no longer live: says the page was
 * withdrawn (410), or leads to the page that replaces it (301). Shown once the
 * document has been live; the editor sets it before unpublishing or deleting.
 */
export function retirementFields(collections: string[]): Field[] {
  const wasPublished = (data: Data) => Boolean(data?.firstPublishedAt)
  return [
    // The page's live addresses, and how soon a change shows (admin/SiteBox.tsx).
    { name: 'onTheSite', type: 'ui', admin: { position: 'sidebar', components: { Field: '/plugins/publishing/admin/SiteBox#SiteBox' } } },
    {
      name: 'unpublishAs',
      type: 'radio',
      defaultValue: 'withdrawn',
      label: labels('admin.retire.label'),
      options: [
        { value: 'withdrawn', label: labels('admin.retire.withdrawn') },
        { value: 'replaced', label: labels('admin.retire.replaced') },
      ],
      admin: { position: 'sidebar', condition: wasPublished, description: labels('admin.retire.help') as never },
    },
    {
      name: 'replacedBy',
      type: 'relationship',
      relationTo: collections as never,
      label: labels('admin.retire.replacedBy'),
      admin: { position: 'sidebar', condition: (data: Data) => wasPublished(data) && data?.unpublishAs === 'replaced' },
      validate: (value: unknown, { collectionSlug, data, req }: { collectionSlug?: string; data: Data; req: { i18n?: { language?: string } } }) => {
        if (data?.unpublishAs !== 'replaced') return true
        const ref = value as { relationTo?: string; value?: unknown } | null | undefined
        if (!ref?.value) return t(language(req), 'admin.retire.replacedByRequired')
        const id = typeof ref.value === 'object' ? (ref.value as { id?: unknown }).id : ref.value
        if (data.id !== undefined && ref.relationTo === collectionSlug && String(id) === String(data.id)) return t(language(req), 'admin.retire.notItself')
        return true
      },
    },
  ]
}
