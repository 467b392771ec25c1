import { defaultEditorFeatures } from '@payloadcms/richtext-lexical'
import { describe, expect, it } from 'vitest'

import { editorFeatures, removedFeatures } from '../../cms/fields/editor'

describe('the rich-text editor staff get', () => {
  const features = editorFeatures(['news', 'pages'])({ defaultFeatures: defaultEditorFeatures, resolvedFeatures: new Map() } as never) as {
    key: string
    serverFeatureProps?: { enabledHeadingSizes?: string[]; enabledCollections?: string[] }
  }[]
  const keys = features.map((f) => f.key)

  it('has a fixed toolbar above the text, and the selection toolbar too, with named buttons', () => {
    expect(keys).toContain('toolbarFixed')
    expect(keys).toContain('toolbarInline')
    expect(keys).toContain('toolbarLabels')
  })

  it('offers headings H2 to H4 only: the page title is the H1', () => {
    const heading = features.filter((f) => f.key === 'heading')
    expect(heading).toHaveLength(1)
    expect(heading[0]!.serverFeatureProps?.enabledHeadingSizes).toEqual(['h2', 'h3', 'h4'])
  })

  it.each(removedFeatures)('leaves out %s', (key) => {
    expect(defaultEditorFeatures.map((f) => f.key)).toContain(key)
    expect(keys).not.toContain(key)
  })

  it('keeps lists, quotes, uploads, and links to the linkable types only, each once', () => {
    for (const key of ['bold', 'italic', 'unorderedList', 'orderedList', 'blockquote', 'upload', 'link']) expect(keys, key).toContain(key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(features.find((f) => f.key === 'link')?.serverFeatureProps?.enabledCollections).toEqual(['news', 'pages'])
  })
})
