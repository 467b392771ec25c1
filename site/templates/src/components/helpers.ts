import { type MessageKey, t } from '@atvira/model/i18n'
import { registry as builtinRegistry } from '@atvira/model/registry'
import { snapshot } from '../lib/load'
import { contentTypes } from '../lib/types'
import type { Locale, SiteDoc } from '@atvira/model/snapshot'

/**
 * `lang` for a field shown in the default locale because it is not translated yet,
 * so screen readers switch voice. `undefined` (no attribute) otherwise.
 */
export function fbLang(doc: SiteDoc, ...fields: string[]): Locale | undefined {
  const def = snapshot().defaultLocale
  if (doc.locale === def) return undefined
  return fields.some((f) => doc.fallbackFields.includes(f)) ? def : undefined
}

/** `lang` only when it differs from the page's. */
export function otherLang(lang: Locale | undefined, pageLocale: Locale): Locale | undefined {
  return lang && lang !== pageLocale ? lang : undefined
}

/** A section's title: the catalogue's for the product's types, the registry's plural label for others. */
export function sectionTitle(collection: string, locale: Locale): string {
  if (builtinRegistry.has(collection)) return t(locale, `title.${collection}` as MessageKey)
  const labels = contentTypes().get(collection)?.labels
  return labels?.[locale]?.plural ?? labels?.en?.plural ?? collection
}

export const levelOrder = { emergency: 0, warning: 1, info: 2 } as const
