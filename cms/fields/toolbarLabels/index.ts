import { createServerFeature } from '@payloadcms/richtext-lexical'

import { type MessageKey, stringsIn } from '../../model/i18n'

/** The toolbar's buttons (by Lexical's item key) and dropdowns (by group key). */
export const toolbarLabelKeys = {
  bold: 'admin.editor.bold',
  italic: 'admin.editor.italic',
  underline: 'admin.editor.underline',
  strikethrough: 'admin.editor.strikethrough',
  link: 'admin.editor.link',
  indentDecrease: 'admin.editor.indentDecrease',
  indentIncrease: 'admin.editor.indentIncrease',
  'dropdown:text': 'admin.editor.textType',
  'dropdown:add': 'admin.editor.insert',
  'dropdown:align': 'admin.editor.align',
} as const satisfies Record<string, MessageKey>

export type ToolbarLabels = Record<string, Record<keyof typeof toolbarLabelKeys, string>>

/**
 * Names for the rich-text toolbar's icon buttons, read aloud and shown as tooltips:
 * Payload's Lexical toolbar renders them with an icon only (axe `button-name`), and its
 * dropdowns are named in English ("text dropdown") whatever the admin's language.
 */
export const ToolbarLabelsFeature = createServerFeature<undefined, ToolbarLabels, ToolbarLabels>({
  feature: {
    ClientFeature: '/fields/toolbarLabels/client#ToolbarLabelsClient',
    clientFeatureProps: { lt: stringsIn('lt', toolbarLabelKeys), en: stringsIn('en', toolbarLabelKeys) },
  },
  key: 'toolbarLabels',
})
