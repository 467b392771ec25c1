import {
  convertLexicalToHTML,
  defaultHTMLConverters,
  type HTMLConverters,
  LinkHTMLConverter,
} from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { SerializedEditorState } from 'lexical'

import { tidyHtml } from './html'

export type LinkTarget = { url: string; lang?: string } | null

/**
 * Rich text to HTML at build time. Internal links resolve to the target's URL in the
 * page's locale; a link to something not published becomes plain text, never a
 * broken link. Headings shift down when the page's own structure needs it.
 */
export function richTextToHtml(
  data: unknown,
  resolve: (relationTo: string, id: string) => LinkTarget,
  options: { headingOffset?: number } = {},
): string {
  if (!isEditorState(data)) return ''
  const internal = (node: { fields: { doc?: { relationTo: string; value: unknown } } }): LinkTarget => {
    const doc = node.fields.doc
    if (!doc) return null
    const id = typeof doc.value === 'object' && doc.value !== null ? (doc.value as { id: unknown }).id : doc.value
    return resolve(doc.relationTo, String(id))
  }
  const offset = options.headingOffset ?? 0
  // The stock converter sanitises URLs (no javascript:) for external links.
  const externalLink = LinkHTMLConverter({}).link
  const converters: HTMLConverters = {
    ...defaultHTMLConverters,
    ...LinkHTMLConverter({ internalDocToHref: ({ linkNode }) => internal(linkNode as never)?.url ?? '#' }),
    link: (args) => {
      const node = args.node as unknown as { fields: { linkType?: string; doc?: { relationTo: string; value: unknown } } }
      if (node.fields.linkType === 'internal') {
        const target = internal(node as never)
        const text = args.nodesToHTML({ nodes: args.node.children }).join('')
        if (!target) return text
        return `<a href="${escapeAttr(target.url)}"${target.lang ? ` hreflang="${target.lang}"` : ''}>${text}</a>`
      }
      const html = (externalLink as (a: unknown) => string)(args)
      // A link the sanitiser refused (javascript:, an unknown scheme) is kept as text.
      if (/^<a[^>]*href="#"/.test(html)) return args.nodesToHTML({ nodes: args.node.children }).join('')
      return html
    },
    heading: (args) => {
      const node = args.node as unknown as { tag: string }
      const level = Math.min(6, Number(node.tag.slice(1)) + offset)
      const text = args.nodesToHTML({ nodes: args.node.children }).join('')
      return `<h${level}>${text}</h${level}>`
    },
  }
  return tidyHtml(convertLexicalToHTML({ data, converters, disableContainer: true, disableIndent: true, disableTextAlign: true }))
}


export function richTextToText(data: unknown): string {
  if (!isEditorState(data)) return ''
  return convertLexicalToPlaintext({ data }).replace(/\s+/g, ' ').trim()
}

function isEditorState(data: unknown): data is SerializedEditorState {
  return typeof data === 'object' && data !== null && 'root' in data
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
