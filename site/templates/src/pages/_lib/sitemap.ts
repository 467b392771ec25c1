import { escapeXml } from '../../lib/format'
import { snapshot } from '../../lib/load'
import { absoluteUrl } from '@atvira/model/routes'
import { contentTypes } from '../../lib/types'
import { allRoutes } from './routes'

/** One sitemap file is enough up to 50,000 URLs; the index leaves room to split. */
export function sitemapIndex(): string {
  const s = snapshot()
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    `<sitemap><loc>${escapeXml(absoluteUrl(s.siteUrl, '/sitemap-0.xml'))}</loc><lastmod>${s.generatedAt}</lastmod></sitemap>`,
    '</sitemapindex>',
    '',
  ].join('\n')
}

export function sitemap(): string {
  const s = snapshot()
  const abs = (p: string) => escapeXml(absoluteUrl(s.siteUrl, p))
  // Documents of the types `inSitemap` in the registry; every section and list page.
  const types = contentTypes()
  const listed = allRoutes().filter((r) => r.kind !== 'doc' || types.get(r.doc.collection)?.flags.inSitemap)
  const urls = listed.map((r) => {
    const alternates = Object.entries(r.alternates)
    const links = alternates.length > 1
      ? alternates.map(([l, p]) => `<xhtml:link rel="alternate" hreflang="${escapeXml(l)}" href="${abs(p)}"/>`).join('')
      : ''
    const lastmod = r.kind === 'doc' ? `<lastmod>${r.doc.updatedAt}</lastmod>` : ''
    return `<url><loc>${abs(r.path)}</loc>${lastmod}${links}</url>`
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n')
}
