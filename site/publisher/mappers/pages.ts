import { cachedText, defineMapper } from './shared'

export const pages = defineMapper({
  fields: (d, c) => {
    // Breadcrumbs: the parents' titles and addresses, nearest last.
    const crumbs: { title: string; url: string }[] = []
    let parent = d.parent
    const seen = new Set<string>([c.id])
    while (parent !== null && parent !== undefined && !seen.has(String(parent))) {
      seen.add(String(parent))
      const p = c.lookup('pages', parent)
      const purl = c.resolve('pages', String(parent))
      if (!p || !purl) break
      crumbs.unshift({ title: String(p.title), url: purl.url })
      parent = p.parent
    }
    return {
      bodyHtml: c.html(d.body),
      parentId: d.parent ? String(d.parent) : undefined,
      breadcrumbs: crumbs,
      text: cachedText(d.body),
    }
  },
})
