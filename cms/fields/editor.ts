import { FixedToolbarFeature, HeadingFeature, LinkFeature, type lexicalEditor } from '@payloadcms/richtext-lexical'

import { ToolbarLabelsFeature } from './toolbarLabels'

type FeaturesOption = Extract<NonNullable<NonNullable<Parameters<typeof lexicalEditor>[0]>['features']>, (...args: never[]) => unknown>

/**
 * The rich-text editor for communications staff, not specialists: a fixed toolbar of
 * labelled buttons above the text (names and tooltips: ./toolbarLabels), headings H2–H4 only (the page's title is its H1), and
 * none of what a city's pages never need (check lists, subscript, superscript, inline
 * code). Links go to the content types the registry marks linkable.
 */
export const removedFeatures = ['checklist', 'subscript', 'superscript', 'inlineCode'] as const

export function editorFeatures(linkable: readonly string[]): FeaturesOption {
  return ({ defaultFeatures }) => [
    ...defaultFeatures.filter((f) => !['link', 'heading', ...removedFeatures].includes(f.key)),
    HeadingFeature({ enabledHeadingSizes: ['h2', 'h3', 'h4'] }),
    FixedToolbarFeature(),
    ToolbarLabelsFeature(),
    LinkFeature({ enabledCollections: linkable as never }),
  ]
}
