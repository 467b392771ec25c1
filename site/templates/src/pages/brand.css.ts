import type { APIRoute } from 'astro'

import { brandCss } from '../lib/brand'
import { snapshot } from '../lib/load'

/**
 * The city's colours from Settings as custom properties, after /atvira.css (the site's
 * CSP allows no inline styles). Built with the pages: a change of Settings rebuilds all.
 */
export const GET: APIRoute = () => {
  const s = snapshot()
  return new Response(brandCss(s.content[s.defaultLocale]?.settings.brand ?? {}), { headers: { 'Content-Type': 'text/css; charset=utf-8' } })
}
