import type { Field, Validate } from 'payload'

import { brandColourProblem, minimumContrast, taskCollections, taskIconKeys, type ColourScheme } from '../model/identity'
import { adminLocale, t, type MessageKey } from '../model/i18n'
import { sectionCollections } from '../model/routes'

/**
 * The city's identity in Settings: brand colours, the top tasks on the home page and
 * the order of the main menu. Field labels come from the catalogue (adminLanguage).
 */

/** A brand colour that would make links or buttons unreadable is refused at save, saying why and what to do. */
export function brandColourMessage(value: unknown, scheme: ColourScheme, language: string): true | string {
  if (value == null || value === '') return true
  const locale = adminLocale(language)
  const problem = brandColourProblem(String(value).trim(), scheme)
  if (!problem) return true
  if (problem.kind === 'format') return t(locale, 'admin.validation.colourFormat', { value: problem.value })
  const number = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n)
  return t(locale, `admin.validation.colourContrast.${scheme}`, {
    value: problem.value,
    where: t(locale, `admin.colourOn.${scheme}.${problem.background}` as MessageKey),
    ratio: number(problem.ratio),
    min: number(minimumContrast),
  })
}

const colourValidate =
  (scheme: ColourScheme): Validate =>
  (value, { req }) =>
    brandColourMessage(value, scheme, req.i18n?.language ?? 'en')

/** No section twice in the menu. */
const uniqueSections: Validate = (value, { req }) => {
  const rows = Array.isArray(value) ? (value as { section?: string }[]) : []
  const seen = new Set<string>()
  for (const row of rows) {
    if (!row?.section) continue
    if (seen.has(row.section)) {
      const language = adminLocale(req.i18n?.language)
      return t(language, 'admin.validation.navigationTwice', { section: t(language, `nav.${row.section}` as MessageKey) })
    }
    seen.add(row.section)
  }
  return true
}

export const identityFields: Field[] = [
  {
    name: 'brand',
    type: 'group',
    fields: [
      { name: 'colour', type: 'text', maxLength: 7, validate: colourValidate('light') },
      { name: 'colourDark', type: 'text', maxLength: 7, validate: colourValidate('dark') },
    ],
  },
  {
    name: 'topTasks',
    type: 'array',
    maxRows: 8,
    fields: [
      { name: 'doc', type: 'relationship', relationTo: [...taskCollections], required: true },
      { name: 'icon', type: 'select', required: true, defaultValue: 'document', options: taskIconKeys.map((value) => ({ value, label: value })) },
      { name: 'label', type: 'text', localized: true, maxLength: 60 },
    ],
  },
  {
    name: 'navigation',
    type: 'array',
    maxRows: sectionCollections.length,
    validate: uniqueSections,
    fields: [{ name: 'section', type: 'select', required: true, options: sectionCollections.map((value) => ({ value, label: value })) }],
  },
]
