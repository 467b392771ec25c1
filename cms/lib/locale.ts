import type { TypedLocale } from 'payload'

/**
 * A locale code from the environment (ATVIRA_LOCALES, validated in cms/model/locales.ts)
 * as the Local API types it. The generated types list the locales of the machine that
 * generated them; the running installation may configure others, so this is the one
 * place that tells the compiler a configured code is a locale.
 */
export function asLocale(code: string): TypedLocale {
  return code as TypedLocale
}
