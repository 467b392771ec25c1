import type { APIRoute } from 'astro'

import { snapshot } from '../lib/load'
import { absoluteUrl } from '@atvira/model/routes'

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(snapshot().siteUrl, '/sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
