import type { CollectionConfig, Field } from 'payload'

import { internalNoteField, publishedAtField, summaryField, topicsField } from '../fields/common'
import { slugField } from '../fields/slug'
import { extendRegistry, registry, type ContentTypeDef } from '../model/registry'
import { contentCollection } from './shared'

/**
 * A collection for a content type from its registry entry alone: title, summary, rich
 * text body, slug, publication date and topics, with everything published content shares
 * (access, drafts, site updates, previews, the newsletter when the entry says so). What
 * the site's generic mapper and view expect. A type with fields of its own adds them.
 */
export function collectionFromType(type: ContentTypeDef, fields: Field[] = []): CollectionConfig {
  const title = type.titleField
  return contentCollection(
    {
      slug: type.slug,
      // The admin is English today; the registry holds every locale's labels for when it is not.
      labels: { singular: (type.labels.en ?? Object.values(type.labels)[0])!.singular, plural: (type.labels.en ?? Object.values(type.labels)[0])!.plural },
      admin: { useAsTitle: title, defaultColumns: [title, '_status', 'updatedAt'], group: 'Content' },
      indexes: [{ fields: ['_status', 'publishedAt'] }],
      fields: [
        { name: title, type: 'text', localized: true, required: true, maxLength: 200 },
        summaryField,
        { name: 'body', type: 'richText', localized: true, required: true },
        ...fields,
        slugField({ from: title }),
        publishedAtField,
        topicsField,
        internalNoteField,
      ],
    },
    registry.has(type.slug) ? registry : extendRegistry(registry, [type]),
  )
}
