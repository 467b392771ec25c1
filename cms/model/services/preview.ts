import type { ContentTypeDef } from '../registry'
import type { SiteDoc } from '../snapshot'

/**
 * Draft previews, supplied to the templates' `/preview` route as `Astro.locals.previews`
 * by the site server (site/publisher/preview.ts asks the CMS with the editor's session).
 * The templates render what it returns and never import how it is read.
 */
export type PreviewService = {
  /** The CMS's public address, for the sign-in link and the live-preview origin. */
  cmsUrl(): string
  /** The editor's CMS session from the request (cookie or `Authorization: JWT …`). */
  credential(request: Request): string | null
  /** The signed-in staff member, or null (not signed in, or not staff). */
  staffUser(authorization: string): Promise<{ email: string; role: string } | null>
  /** The draft rendered into the site's document shape, linked against the live build. */
  previewDoc(options: {
    authorization: string
    collection: string
    id: string
    locale: string
    /** `types`: the live build's own content types beyond the product's (its snapshot's). */
    live: { locales: string[]; defaultLocale: string; siteUrl: string; timeZone: string; types?: ContentTypeDef[] }
  }): Promise<(SiteDoc & { previewStatus: 'draft' | 'published' }) | null>
  /** The product's content types a preview can show (the live build's own previewable types too). */
  collections: readonly string[]
}
