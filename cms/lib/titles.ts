import { getDefaultLocale } from '../model/locales'
import { registry } from '../model/registry'

/** A text field's value, plain or per locale (`locale: 'all'`): in `locale`, else in any language it has. */
export function textIn(value: unknown, locale: string): string | undefined {
  const byLocale = value && typeof value === 'object' ? (value as Record<string, unknown>) : { [locale]: value }
  const found = [byLocale[locale], ...Object.values(byLocale)].find((v) => typeof v === 'string' && v.trim() !== '')
  return found as string | undefined
}

/** What staff call a document in lists and e-mails: its title field (the registry's) in the default language, else `#id`. */
export function documentTitle(collection: string, doc: { id: unknown } & Record<string, unknown>): string {
  return textIn(doc[registry.get(collection)?.titleField ?? 'title'], getDefaultLocale()) ?? `#${String(doc.id)}`
}
