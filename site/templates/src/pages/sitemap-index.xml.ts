import type { APIRoute } from 'astro'

import { sitemapIndex } from './_lib/sitemap'

export const GET: APIRoute = () => new Response(sitemapIndex(), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
