import type { Block, CollectionConfig, Field, GlobalConfig, Tab } from 'payload'

import { isMessageKey, labels, sameLabel, type AdminLabel } from '../../model/i18n'
import { withLengthMessage } from './validation'

/**
 * Every field's words in the admin's languages, from the catalogue (`cms/model/i18n`):
 * its label, its description and its options' labels, at any depth (groups, arrays,
 * rows, collapsibles, tabs, blocks). A field's own key names its collection (or global)
 * and its path: `admin.field.news.summary`, `admin.description.services.phones.number`,
 * `admin.option.subscribers.status.pending`. Words many collections share are written
 * once, by the field's name: `admin.field.title`, `admin.description.slug`; a field's own
 * key wins. Array rows and blocks are named by `admin.row.*` (the "Add …" button, "Step 01").
 *
 * Left as they are: labels already in every language (`{ en, lt }` objects), labels
 * Payload or a plugin computes (`({ t }) => …`, already translated), `label: false`, and
 * hidden fields, which staff never see.
 */

type Walk = { owner: string; missing: string[] }
type Kind = 'field' | 'description' | 'row'

type Loose = {
  name?: string
  type: string
  label?: unknown
  labels?: { singular?: unknown; plural?: unknown }
  hidden?: boolean
  admin?: { hidden?: unknown; disabled?: unknown; description?: unknown; date?: { pickerAppearance?: string; displayFormat?: string; timeFormat?: string } }
  options?: (string | { label?: unknown; value: string })[]
  fields?: Field[]
  tabs?: Tab[]
  blocks?: Block[]
}

/**
 * Date fields in the order Lithuanian writes them (ISO 8601, 24-hour): Payload's default
 * is the US "Dec 2, 2026 3:04 PM", which its Lithuanian locale renders "gruod. 2, 2026
 * 3:04 popiet".
 */
export const dateFormats: Record<string, string> = { dayAndTime: 'yyyy-MM-dd HH:mm', dayOnly: 'yyyy-MM-dd', timeOnly: 'HH:mm', monthOnly: 'yyyy-MM' }

function withDateFormat(date: NonNullable<Loose['admin']>['date']): NonNullable<Loose['admin']>['date'] {
  const appearance = date?.pickerAppearance ?? 'dayOnly'
  return { displayFormat: dateFormats[appearance] ?? dateFormats.dayOnly, timeFormat: 'HH:mm', ...date }
}

/** A label still to write: absent (Payload would make one from the name) or a plain string. */
const untranslated = (label: unknown): label is string | undefined => label === undefined || typeof label === 'string'

const hidden = (f: Loose) => f.hidden === true || f.admin?.hidden === true || f.admin?.disabled === true

/** "Contact details" → "contactDetails": the key of a container that has a label but no name. */
const keyName = (label: string) => label.toLowerCase().replace(/[^\p{L}\p{N}]+(.)/gu, (_, c: string) => c.toUpperCase()).replace(/[^\p{L}\p{N}]/gu, '')

/** The field's own key, else the key shared by every field of that name; else note both as missing. */
function lookup(walk: Walk, kind: Kind | 'option', path: string[], today: unknown, value?: string): AdminLabel {
  const tail = value === undefined ? [] : [value]
  const own = ['admin', kind, walk.owner, ...path, ...tail].join('.')
  const shared = ['admin', kind, path.at(-1), ...tail].join('.')
  if (isMessageKey(own)) return labels(own)
  if (isMessageKey(shared)) return labels(shared)
  walk.missing.push(`${own} (or ${shared}, for every ${path.at(-1)})${typeof today === 'string' && today ? `: now "${today}"` : ''}`)
  return sameLabel(own)
}

function withOptions(walk: Walk, f: Loose, path: string[]): Loose['options'] {
  return f.options?.map((o) => {
    const option = typeof o === 'string' ? { label: o, value: o } : o
    return untranslated(option.label) ? { ...option, label: lookup(walk, 'option', path, option.label, option.value) } : o
  })
}

function localizedField(walk: Walk, field: Field, parent: string[]): Field {
  const f = field as Loose
  if (hidden(f)) return field
  const path = f.name ? [...parent, f.name] : parent
  const out: Loose = { ...f }
  if (f.name && untranslated(f.label)) out.label = lookup(walk, 'field', path, f.label)
  // Collapsibles have a label and no name: the key follows the label's words.
  if (!f.name && typeof f.label === 'string') out.label = lookup(walk, 'field', [...path, keyName(f.label)], f.label)
  if (typeof f.admin?.description === 'string') out.admin = { ...f.admin, description: lookup(walk, 'description', path, f.admin.description) }
  if ((f.type === 'select' || f.type === 'radio') && f.options) out.options = withOptions(walk, f, path)
  if (f.type === 'date') out.admin = { ...out.admin, date: withDateFormat(f.admin?.date) }
  if (f.type === 'array' || f.type === 'blocks') {
    const { singular, plural } = f.labels ?? {}
    if (untranslated(singular) || untranslated(plural)) {
      const rows = typeof out.label === 'object' && out.label ? out.label : lookup(walk, 'field', path, plural)
      out.labels = { singular: untranslated(singular) ? lookup(walk, 'row', path, singular) : singular, plural: untranslated(plural) ? rows : plural }
    }
  }
  // Rows and collapsibles add nothing to the path; groups, arrays and named tabs do.
  if (f.fields) out.fields = localizedFields(walk, f.fields, path)
  if (f.tabs) out.tabs = f.tabs.map((tab) => localizedTab(walk, tab, path))
  if (f.blocks) out.blocks = f.blocks.map((block) => localizedBlock(walk, block, path))
  return withLengthMessage(out) as Field
}

function localizedTab(walk: Walk, tab: Tab, parent: string[]): Tab {
  const t = tab as Tab & { name?: string; label?: unknown; description?: unknown }
  const path = t.name ? [...parent, t.name] : [...parent, ...(typeof t.label === 'string' ? [keyName(t.label)] : [])]
  const out = { ...t, fields: localizedFields(walk, t.fields, t.name ? path : parent) }
  if (untranslated(t.label) && (t.name || t.label)) out.label = lookup(walk, 'field', path, t.label)
  if (typeof t.description === 'string') out.description = lookup(walk, 'description', path, t.description)
  return out as Tab
}

/** A block is named like an array row: `admin.row.<owner>.<path>.<slug>` and `admin.field.…` for its plural. */
function localizedBlock(walk: Walk, block: Block, parent: string[]): Block {
  const path = [...parent, block.slug]
  const { singular, plural } = block.labels ?? {}
  return {
    ...block,
    labels: {
      singular: untranslated(singular) ? lookup(walk, 'row', path, singular) : singular,
      plural: untranslated(plural) ? lookup(walk, 'field', path, plural) : plural,
    } as Block['labels'],
    fields: localizedFields(walk, block.fields, path),
  }
}

function localizedFields(walk: Walk, fields: Field[], parent: string[]): Field[] {
  return fields.map((field) => localizedField(walk, field, parent))
}

/** A collection's or global's own description: `admin.collection.<slug>.description`, `admin.global.<slug>.description`. */
function withDescription<T extends { admin?: { description?: unknown } }>(walk: Walk, entity: T, key: string): T {
  const today = entity.admin?.description
  if (typeof today !== 'string') return entity
  if (isMessageKey(key)) return { ...entity, admin: { ...entity.admin, description: labels(key) } }
  walk.missing.push(`${key}: now "${today}"`)
  return entity
}

/** Every collection and global with its fields' words; what the catalogue lacks stops the start, every key listed. */
export function localizedEntities(collections: CollectionConfig[], globals: GlobalConfig[]): { collections: CollectionConfig[]; globals: GlobalConfig[] } {
  const missing: string[] = []
  const localized = <T extends CollectionConfig | GlobalConfig>(entity: T, kind: 'collection' | 'global'): T => {
    // What the admin never shows (the seed records) has no words to translate. Payload's own
    // collections (jobs, preferences, locks, migrations, key-value) come after the plugins, all hidden.
    if (entity.admin?.hidden === true) return entity
    const walk = { owner: entity.slug, missing }
    return { ...withDescription(walk, entity, `admin.${kind}.${entity.slug}.description`), fields: localizedFields(walk, entity.fields, []) }
  }
  const out = { collections: collections.map((c) => localized(c, 'collection')), globals: globals.map((g) => localized(g, 'global')) }
  if (missing.length > 0) {
    throw new Error(
      `The admin has no Lithuanian and English words for ${missing.length === 1 ? 'this label, description or option' : 'these labels, descriptions and options'}: add each key (or the shared key named after it) ` +
        `to cms/model/i18n/lt.json and en.json (docs/i18n.md):\n  ${[...new Set(missing)].sort().join('\n  ')}`,
    )
  }
  return out
}
