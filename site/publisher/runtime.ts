import type { SiteDoc, Snapshot } from '../../cms/model/snapshot'

/** Documents the on-demand pages read in full: topic lists, the privacy page's URL, consultations' questions. */
const onDemandCollections = new Set<SiteDoc['collection']>(['topics', 'pages', 'consultations'])

/**
 * The snapshot the site server's on-demand pages read from the live build: settings and
 * alerts for the header and footer, plus those documents without their bodies, so it
 * stays small however large the site grows.
 */
export function runtimeSnapshot(snapshot: Snapshot): Snapshot {
  return {
    ...snapshot,
    files: {},
    content: Object.fromEntries(
      Object.entries(snapshot.content).map(([locale, c]) => [
        locale,
        {
          ...c,
          docs: [
            ...c.docs
              .filter((d) => onDemandCollections.has(d.collection))
              .map((d) => ({ ...d, ...('bodyHtml' in d ? { bodyHtml: '' } : {}), ...('text' in d ? { text: '' } : {}) }) as SiteDoc),
            // Pages missing in a language, by address and title only: the language switcher
            // leads from them to the page that says so (src/untranslated).
            ...c.docs
              .filter((d) => !onDemandCollections.has(d.collection) && snapshot.locales.some((l) => !d.alternates[l]))
              .map((d) => ({ id: d.id, collection: d.collection, locale: d.locale, title: d.title, slug: d.slug, url: d.url, alternates: d.alternates }) as SiteDoc),
          ],
        },
      ]),
    ),
  }
}
