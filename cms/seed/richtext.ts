import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { SanitizedConfig } from 'payload'

type EditorConfig = Awaited<ReturnType<typeof editorConfigFactory.default>>
type Node = { type?: string; children?: Node[]; fields?: Record<string, unknown>; [k: string]: unknown }

export class UnresolvedReference extends Error {
  constructor(public readonly ref: string) {
    super(`reference "${ref}" is not loaded yet`)
  }
}

/**
 * Converts seed Markdown to Lexical. `[text](news:some-key)` becomes an internal link
 * to that document, so the site can resolve it to the right URL in every locale.
 */
export class RichText {
  private constructor(private readonly editorConfig: EditorConfig) {}

  static async create(config: SanitizedConfig): Promise<RichText> {
    return new RichText(await editorConfigFactory.default({ config }))
  }

  /** With `lenient`, a link to a document not written yet stays a plain link for now. */
  convert(markdown: string, resolve: (ref: string) => number | string | undefined, lenient = false): unknown {
    const state = convertMarkdownToLexical({ editorConfig: this.editorConfig, markdown }) as unknown as {
      root: Node
    }
    const visit = (node: Node) => {
      if ((node.type === 'link' || node.type === 'autolink') && node.fields) {
        const url = String(node.fields.url ?? '')
        const m = /^([a-z-]+):([a-z0-9-]+)$/.exec(url)
        if (m && !url.startsWith('http') && !url.startsWith('mailto') && !url.startsWith('tel')) {
          const id = resolve(url)
          if (id === undefined) {
            if (lenient) return
            throw new UnresolvedReference(url)
          }
          node.fields = {
            ...node.fields,
            linkType: 'internal',
            url: undefined,
            doc: { relationTo: m[1], value: id },
          }
        }
      }
      node.children?.forEach(visit)
    }
    visit(state.root)
    return state
  }
}
