import { hasText } from '@payloadcms/richtext-lexical/shared'
import type { Block, Field, PayloadRequest, SanitizedConfig } from 'payload'
import { toWords } from 'payload/shared'

import { asLocale } from '../../lib/locale'
import { getDefaultLocale, getLocales } from '../../model/locales'
import { keepingLocale } from '../publishing/addresses/livePaths'

/** A required field left empty in one language: its path and its name as the edit form shows it. */
export type Gap = { path: string; label: string }

type Data = Record<string, unknown> | null | undefined
type Walk = { lang: string; blocks: Block[]; user: unknown; data: Data; localizedOnly: boolean }

/** A field's label in the admin language, as Payload's form shows it (its name in words when it has none). */
export function fieldLabel(field: { name?: string; label?: unknown }, lang: string): string {
  const label = field.label
  if (typeof label === 'string' && label !== '') return label
  if (label && typeof label === 'object') {
    const byLang = label as Record<string, unknown>
    const own = byLang[lang] ?? byLang.en ?? Object.values(byLang)[0]
    if (typeof own === 'string' && own !== '') return own
  }
  return field.name ? toWords(field.name) : ''
}

function isEmpty(field: Field, value: unknown): boolean {
  if (field.type === 'richText') return !hasText(value as never)
  if (value === null || value === undefined || value === '') return true
  return Array.isArray(value) && value.length === 0
}

/** Payload validates only the fields its admin condition shows; a condition that throws counts as shown. */
function shown(field: Field, data: Data, sibling: Data, user: unknown): boolean {
  const condition = (field as { admin?: { condition?: (...args: unknown[]) => unknown } }).admin?.condition
  if (!condition) return true
  try {
    return Boolean(condition(data ?? {}, sibling ?? {}, { user }))
  } catch {
    return true
  }
}

const isLocalized = (field: Field): boolean => Boolean((field as { localized?: boolean }).localized)

function walk(fields: Field[], sibling: Data, path: string, prefix: string, w: Walk, gaps: Gap[], inLocalized = false): void {
  for (const field of fields) {
    if (field.type === 'ui' || field.type === 'join') continue
    if (!shown(field, w.data, sibling, w.user)) continue
    if (field.type === 'row' || field.type === 'collapsible') {
      walk(field.fields, sibling, path, prefix, w, gaps, inLocalized)
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        const named = 'name' in tab && tab.name ? tab.name : undefined
        if (named) walk(tab.fields, sibling?.[named] as Data, `${path}${named}.`, `${prefix}${fieldLabel(tab, w.lang)} › `, w, gaps, inLocalized || Boolean((tab as { localized?: boolean }).localized))
        else walk(tab.fields, sibling, path, prefix, w, gaps, inLocalized)
      }
      continue
    }
    if (!('name' in field) || !field.name) {
      if (field.type === 'group') walk(field.fields, sibling, path, prefix, w, gaps, inLocalized)
      continue
    }
    const localized = inLocalized || isLocalized(field)
    const value = sibling?.[field.name]
    const here = `${path}${field.name}`
    const label = `${prefix}${fieldLabel(field, w.lang)}`
    if (field.type === 'group') {
      walk(field.fields, value as Data, `${here}.`, `${label} › `, w, gaps, localized)
      continue
    }
    if ('required' in field && field.required && isEmpty(field, value)) {
      if (localized || !w.localizedOnly) gaps.push({ path: here, label })
      continue
    }
    if (field.type === 'array' && Array.isArray(value)) {
      value.forEach((row, i) => walk(field.fields, row as Data, `${here}.${i}.`, `${label} ${i + 1} › `, w, gaps, localized))
    }
    if (field.type === 'blocks' && Array.isArray(value)) {
      const blocks = [...(field.blocks ?? []), ...w.blocks]
      value.forEach((row, i) => {
        const block = blocks.find((b) => b.slug === (row as { blockType?: string })?.blockType)
        if (block) walk(block.fields, row as Data, `${here}.${i}.`, `${label} ${i + 1} › `, w, gaps, localized)
      })
    }
  }
}

export type GapOptions = {
  /** The admin language the labels are in. */
  lang: string
  /** The config's shared blocks (blocks fields that name them by slug). */
  blocks?: Block[]
  user?: unknown
  /** Only fields whose values differ by language (localized, or inside something localized). */
  localizedOnly?: boolean
}

/**
 * The required fields a document's data (read in one language, without fallback)
 * leaves empty: what Payload's validation would refuse when publishing in that
 * language. Groups, tabs, rows and each array or block row are followed; a field its
 * admin condition hides is not required, as in Payload.
 */
export function requiredGaps(fields: Field[], data: Data, options: GapOptions): Gap[] {
  const gaps: Gap[] = []
  const w: Walk = { lang: options.lang, blocks: options.blocks ?? [], user: options.user, data, localizedOnly: Boolean(options.localizedOnly) }
  walk(fields, data, '', '', w, gaps)
  return gaps
}

const rowId = (row: unknown): unknown => (row && typeof row === 'object' ? (row as { id?: unknown }).id : undefined)

/**
 * One language of a document as a save will leave it: the stored values of what is
 * localized, and what the save sends for the rest (shared by every language, so a
 * save in any language changes them). Array and block rows follow the save's rows,
 * each with the stored row of the same id.
 */
export function afterSave(fields: Field[], stored: Data, incoming: Data, blocks: Block[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(stored ?? {}) }
  for (const field of fields) {
    if (field.type === 'ui' || field.type === 'join') continue
    if (field.type === 'row' || field.type === 'collapsible' || (field.type === 'group' && !('name' in field && field.name))) {
      Object.assign(out, afterSave(field.fields, stored, incoming, blocks))
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        const named = 'name' in tab && tab.name ? tab.name : undefined
        if (!named) Object.assign(out, afterSave(tab.fields, stored, incoming, blocks))
        else if (!(tab as { localized?: boolean }).localized && incoming && named in incoming) out[named] = afterSave(tab.fields, stored?.[named] as Data, incoming[named] as Data, blocks)
      }
      continue
    }
    if (!('name' in field) || !field.name || isLocalized(field) || !incoming || !(field.name in incoming)) continue
    const sent = incoming[field.name]
    const kept = stored?.[field.name]
    if (field.type === 'group') out[field.name] = afterSave(field.fields, kept as Data, sent as Data, blocks)
    else if ((field.type === 'array' || field.type === 'blocks') && Array.isArray(sent)) {
      const keptRows = Array.isArray(kept) ? kept : []
      out[field.name] = sent.map((row) => {
        const before = keptRows.find((k) => rowId(k) !== undefined && rowId(k) === rowId(row)) as Data
        const rowFields =
          field.type === 'array'
            ? field.fields
            : ([...(field.blocks ?? []), ...blocks].find((b) => b.slug === (row as { blockType?: string })?.blockType)?.fields ?? [])
        return afterSave(rowFields, before, row as Data, blocks)
      })
    } else out[field.name] = sent
  }
  return out
}

export type Target = { collection: string; id: number | string } | { global: string }

/**
 * One language of a document or global as stored: its latest draft read in that
 * language alone (no fallback); null when there is no such document. Read inside the
 * request (its transaction), giving the request back its locale.
 */
export async function storedIn(req: PayloadRequest, target: Target, locale: string): Promise<{ fields: Field[]; data: Record<string, unknown> } | null> {
  if ('global' in target) {
    const config = req.payload.config.globals.find((g) => g.slug === target.global)
    if (!config) return null
    const data = await keepingLocale(req, () =>
      req.payload.findGlobal({ slug: target.global as 'settings', locale: asLocale(locale), fallbackLocale: false as never, draft: true, depth: 0, overrideAccess: true, req }),
    )
    return { fields: config.fields, data: data as unknown as Record<string, unknown> }
  }
  const config = req.payload.collections[target.collection as 'news']?.config
  if (!config) return null
  const data = await keepingLocale(req, () =>
    req.payload.findByID({
      collection: target.collection as 'news',
      id: target.id,
      locale: asLocale(locale),
      fallbackLocale: false as never,
      draft: true,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    }),
  )
  if (!data) return null
  return { fields: config.fields, data: data as unknown as Record<string, unknown> }
}

/** What one language of a stored document still lacks for a publish there (null: no such document). */
export async function gapsIn(req: PayloadRequest, target: Target, locale: string, options: { localizedOnly?: boolean } = {}): Promise<Gap[] | null> {
  const stored = await storedIn(req, target, locale)
  if (!stored) return null
  return requiredGaps(stored.fields, stored.data, { lang: req.i18n?.language ?? 'en', blocks: req.payload.config.blocks ?? [], user: req.user, ...options })
}

/** A language's name in the admin language, as a sentence uses it ("Lithuanian"; lt: "lietuvių"). */
export function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

/** What the locale selector calls a locale in an admin language ("Lietuvių"): the configured label, else its own name. */
export function localeLabel(config: SanitizedConfig, code: string, lang: string): string {
  const configured = config.localization ? config.localization.locales.find((l) => l.code === code)?.label : undefined
  if (typeof configured === 'string' && configured !== '') return configured
  if (configured && typeof configured === 'object') {
    const byLang = configured as Record<string, unknown>
    const own = byLang[lang] ?? byLang.en ?? Object.values(byLang)[0]
    if (typeof own === 'string' && own !== '') return own
  }
  return getLocales().find((l) => l.code === code)?.label ?? code.toUpperCase()
}

export const capitalized = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1)

export const listOf = (gaps: Gap[]): string => gaps.map((g) => g.label).join(', ')

export { getDefaultLocale }
