import type { FlattenedField } from 'payload'

/** The upload collections whose files are public only while live content uses them. */
export const fileCollections = ['media', 'documents'] as const
export type FileCollection = (typeof fileCollections)[number]

export type FileRefs = Record<FileCollection, Set<string>>

const isFileCollection = (slug: unknown): slug is FileCollection =>
  typeof slug === 'string' && (fileCollections as readonly string[]).includes(slug)

function idOf(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'string') return String(value)
  if (value && typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id)
  return null
}

function addRelation(refs: FileRefs, relationTo: string | string[], value: unknown): void {
  for (const item of Array.isArray(value) ? value : [value]) {
    if (item == null) continue
    if (Array.isArray(relationTo)) {
      // Polymorphic: { relationTo, value }.
      const { relationTo: to, value: v } = item as { relationTo?: unknown; value?: unknown }
      const id = idOf(v)
      if (isFileCollection(to) && id) refs[to].add(id)
    } else if (isFileCollection(relationTo)) {
      const id = idOf(item)
      if (id) refs[relationTo].add(id)
    }
  }
}

/** Upload nodes inside Lexical rich text: `{ type: 'upload', relationTo, value }`. */
function addRichText(refs: FileRefs, node: unknown): void {
  if (!node || typeof node !== 'object') return
  if (Array.isArray(node)) {
    for (const child of node) addRichText(refs, child)
    return
  }
  const n = node as { type?: unknown; relationTo?: unknown; value?: unknown; root?: unknown; children?: unknown }
  if (n.type === 'upload' && isFileCollection(n.relationTo)) {
    const id = idOf(n.value)
    if (id) refs[n.relationTo].add(id)
  }
  if (n.root) addRichText(refs, n.root)
  if (n.children) addRichText(refs, n.children)
}

/**
 * With `locale: 'all'` a localized field holds `{ lt: …, en: … }`: every locale's value
 * counts. Without it the value is the plain one.
 */
function localeValues(field: FlattenedField, value: unknown, locales: readonly string[]): unknown[] {
  if (
    'localized' in field &&
    field.localized &&
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).every((k) => locales.includes(k))
  ) {
    return Object.values(value)
  }
  return [value]
}

function walk(refs: FileRefs, fields: FlattenedField[], data: unknown, locales: readonly string[]): void {
  if (!data || typeof data !== 'object') return
  const row = data as Record<string, unknown>
  for (const field of fields) {
    if (!('name' in field) || !(field.name in row)) continue
    for (const value of localeValues(field, row[field.name], locales)) {
      if (value == null) continue
      switch (field.type) {
        case 'upload':
        case 'relationship':
          addRelation(refs, field.relationTo as string | string[], value)
          break
        case 'richText':
          addRichText(refs, value)
          break
        case 'group':
        case 'tab':
          walk(refs, field.flattenedFields, value, locales)
          break
        case 'array':
          for (const item of Array.isArray(value) ? value : []) walk(refs, field.flattenedFields, item, locales)
          break
        case 'blocks':
          for (const item of Array.isArray(value) ? value : []) {
            const type = (item as { blockType?: unknown })?.blockType
            const block = (field.blocks ?? []).find((b) => b.slug === type)
            if (block) walk(refs, block.flattenedFields, item, locales)
          }
          break
        default:
          break
      }
    }
  }
}

/** Every image and document a document (read at depth 0) refers to, in any locale. */
export function fileRefs(fields: FlattenedField[], doc: unknown, locales: readonly string[]): FileRefs {
  const refs: FileRefs = { media: new Set(), documents: new Set() }
  walk(refs, fields, doc, locales)
  return refs
}
