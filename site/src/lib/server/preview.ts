import { snapshot } from '../load'
import { buildSnapshot } from '../snapshot'
import { restSource } from '../source/rest'
import type { SiteDoc } from '../types'

/**
 * Draft previews ask the CMS, with the visitor's own CMS session, for the draft: the
 * CMS decides who may see it (staff only), so the site server holds no secret.
 */

export function cmsUrl(): string {
  return (process.env.CMS_URL || process.env.PAYLOAD_PUBLIC_SERVER_URL || 'http://localhost:3000').replace(/\/$/, '')
}

/** The CMS session from the `payload-token` cookie (same host or shared cookie domain). */
export function credential(request: Request): string | null {
  const header = request.headers.get('authorization')
  if (header && /^JWT \S+$/.test(header)) return header
  const cookie = request.headers.get('cookie') ?? ''
  const match = /(?:^|;\s*)payload-token=([^;]+)/.exec(cookie)
  return match ? `JWT ${decodeURIComponent(match[1]!)}` : null
}

export async function staffUser(authorization: string): Promise<{ email: string; role: string } | null> {
  try {
    const res = await fetch(`${cmsUrl()}/api/users/me`, {
      headers: { authorization, accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    })
    if (!res.ok) return null
    const body = (await res.json()) as { user?: { email: string; role?: string } | null }
    return body.user && body.user.role ? { email: body.user.email, role: body.user.role } : null
  } catch {
    return null
  }
}

export const previewCollections = ['news', 'guides', 'leaflets', 'handbook', 'services', 'consultations', 'pages', 'topics'] as const

/** The draft rendered into the site's own document shape, with links resolved. */
export async function previewDoc(options: {
  authorization: string
  collection: (typeof previewCollections)[number]
  id: string
  locale: string
}): Promise<SiteDoc | null> {
  // Locales and time zone of the live build; templates never import the CMS's code.
  const live = snapshot()
  const source = restSource({
    url: cmsUrl(),
    authorization: options.authorization,
    draftOf: { collection: options.collection, id: options.id },
    cacheDir: process.env.SITE_CACHE_DIR || 'data/site-cache',
    locales: live.locales,
    defaultLocale: live.defaultLocale,
  })
  const draft = await buildSnapshot(source, { siteUrl: live.siteUrl, timeZone: live.timeZone })
  const docs = draft.content[options.locale]?.docs ?? draft.content[draft.defaultLocale]?.docs ?? []
  return docs.find((d) => d.collection === options.collection && d.id === String(options.id)) ?? null
}
