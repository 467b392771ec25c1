import type { APIRoute } from 'astro'

import { t } from '@atvira/model/i18n'
import { snapshot } from '../../lib/load'
import { cleanQuery } from '../../lib/search/query'
import { clientAddress, overLimit } from '@atvira/model/rateLimit'
import { searchService } from '../../lib/server/searchService'

export const prerender = false

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  })

/** The live build's locales, or null when its runtime snapshot cannot be read (then search is unavailable, 503). */
function configuredLocales(): string[] | null {
  try {
    return snapshot().locales
  } catch {
    return null
  }
}

/** Results as JSON for the search-as-you-type enhancement; same search as the page. */
export const GET: APIRoute = async ({ url, clientAddress: peer, request }) => {
  const wait = await overLimit('search', clientAddress(peer, request.headers))
  if (wait !== null) return json({ error: 'Too many searches; try again shortly.', retryAfter: wait }, 429, { 'retry-after': String(wait) })
  const locale = url.searchParams.get('locale') ?? ''
  const configured = configuredLocales()
  if (configured && !configured.includes(locale)) return json({ error: `Unknown locale "${locale.slice(0, 10)}".` }, 400)
  const search = configured ? searchService().get(locale) : undefined
  // A configured locale without a usable index: the page says the same (503).
  if (!search) return json({ error: t(locale, 'search.unavailable') }, 503, { 'retry-after': '60' })
  const { q } = cleanQuery(url.searchParams.get('q'))
  const result = search.search({
    q,
    type: url.searchParams.get('type') ?? undefined,
    topic: url.searchParams.get('topic') ?? undefined,
    page: Number(url.searchParams.get('page') ?? 1),
  })
  return json({
    query: result.query,
    truncated: result.truncated,
    fuzzy: result.fuzzy,
    total: result.total,
    page: result.page,
    pages: result.pages,
    hits: result.hits.map(({ url: href, title, type, date, snippetHtml }) => ({ url: href, title, type, date, snippetHtml })),
  })
}
