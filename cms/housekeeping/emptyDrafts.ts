import type { Field, Payload, Where } from 'payload'

/**
 * "Create new" saves a draft at once (autosave), named by its number in the list; one
 * left without a word typed piles up. Drafts that were never published, in which nothing
 * was typed in any language, and that nobody touched for a day are deleted (with their
 * versions). Anything typed keeps a draft: a title, a sentence of the body, a chosen
 * image or a related page. Choices alone (dates, ticks, lists) do not count: they have
 * defaults a fresh draft already holds.
 */
export const emptyDraftAgeHours = 24

type Loose = { name?: string; type: string; localized?: boolean; hidden?: boolean; admin?: { readOnly?: boolean; hidden?: boolean }; fields?: Field[]; tabs?: { name?: string; fields: Field[] }[] }

const typedText = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0
const embeds = new Set(['upload', 'relationship', 'block', 'inlineBlock'])
const typedRichText = (v: unknown): boolean => {
  if (!v || typeof v !== 'object') return false
  const node = v as { text?: unknown; type?: string; root?: unknown; children?: unknown[] }
  // A word, or an image or document placed in the text.
  if (typedText(node.text) || (node.type !== undefined && embeds.has(node.type))) return true
  return [node.root, ...(node.children ?? [])].some(typedRichText)
}

function typedValue(field: Loose, value: unknown): boolean {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return Array.isArray(value) ? value.some(typedText) : typedText(value)
    case 'richText':
      return typedRichText(value)
    case 'relationship':
    case 'upload':
      return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined
    case 'array':
    case 'blocks':
      return Array.isArray(value) && value.length > 0
    case 'group':
      return !!value && typeof value === 'object' && typedIn(field.fields ?? [], value as Record<string, unknown>)
    default:
      return false
  }
}

/** Whether anyone typed something into these fields (read with `locale: 'all'`). */
export function typedIn(fields: Field[], data: Record<string, unknown>): boolean {
  return fields.some((f) => {
    const field = f as Loose
    // What only the system writes (owner, review state, first publication) is not typing.
    if (field.hidden || field.admin?.hidden || field.admin?.readOnly) return false
    if (!field.name) {
      if (field.tabs) return field.tabs.some((tab) => typedIn(tab.fields, tab.name ? ((data[tab.name] as Record<string, unknown>) ?? {}) : data))
      return typedIn(field.fields ?? [], data)
    }
    const value = data[field.name]
    if (field.localized && value && typeof value === 'object' && !Array.isArray(value) && field.type !== 'richText' && field.type !== 'group')
      return Object.values(value).some((v) => typedValue(field, v))
    if (field.localized && field.type === 'richText' && value && typeof value === 'object' && !('root' in value))
      return Object.values(value).some((v) => typedValue(field, v))
    return typedValue(field, value)
  })
}

/** Deletes the empty drafts described above; returns how many, per collection. */
export async function deleteEmptyDrafts(payload: Payload, now = new Date()): Promise<Record<string, number>> {
  const before = new Date(now.getTime() - emptyDraftAgeHours * 3600_000).toISOString()
  const deleted: Record<string, number> = {}
  for (const collection of payload.config.collections.filter((c) => c.versions?.drafts && c.admin?.hidden !== true)) {
    const where: Where = { and: [{ _status: { equals: 'draft' } }, { updatedAt: { less_than: before } }] }
    if (collection.fields.some((f) => 'name' in f && f.name === 'firstPublishedAt')) where.and!.push({ firstPublishedAt: { exists: false } })
    // Found first, deleted after: deleting while paging would skip every other page.
    const empty: (number | string)[] = []
    for (let page = 1; ; page++) {
      const batch = await payload.find({ collection: collection.slug as never, where, draft: true, locale: 'all', depth: 0, limit: 100, page, overrideAccess: true })
      for (const doc of batch.docs as unknown as Record<string, unknown>[]) if (!typedIn(collection.fields, doc)) empty.push(doc.id as number)
      if (!batch.hasNextPage) break
    }
    for (const id of empty) {
      // Published once (a version says so) means it had content: never ours to delete.
      const published = await payload.countVersions({ collection: collection.slug as never, where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] }, overrideAccess: true })
      if (published.totalDocs > 0) continue
      await payload.delete({ collection: collection.slug as never, id, overrideAccess: true })
      deleted[collection.slug] = (deleted[collection.slug] ?? 0) + 1
    }
  }
  return deleted
}
