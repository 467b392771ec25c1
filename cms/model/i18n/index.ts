import en from './en.json'
import lt from './lt.json'

/**
 * Interface strings: one JSON file per locale. A locale added by configuration without
 * its own file falls back to English, key by key.
 */
type Messages = Record<string, string>

const catalogs: Record<string, Messages> = { lt, en }

export function messages(locale: string): Messages {
  return { ...en, ...(catalogs[locale] ?? {}) }
}

export function hasCatalog(locale: string): boolean {
  return locale in catalogs
}

/** `t('en', 'pagination.page', { n: 2 })` → "Page 2". Missing keys fail loudly in tests. */
export function t(locale: string, key: string, vars: Record<string, string | number> = {}): string {
  const template = catalogs[locale]?.[key] ?? en[key as keyof typeof en]
  if (template === undefined) throw new Error(`Missing interface string "${key}" (${locale})`)
  return String(template).replace(/\{(\w+)\}/g, (_, name: string) =>
    vars[name] === undefined ? `{${name}}` : String(vars[name]),
  )
}
