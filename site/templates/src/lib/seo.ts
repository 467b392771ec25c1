import { stripHtml } from './format'
import { absoluteUrl } from '@atvira/model/routes'
import type { GuideDoc, HandbookDoc, Locale, NewsDoc, ServiceDoc, SiteImage, SiteSettings } from '@atvira/model/snapshot'

/**
 * Structured data (schema.org JSON-LD) for the page types search engines and
 * assistants understand. Built from the snapshot only; URLs are absolute.
 */

type Ld = Record<string, unknown>

/** og:locale wants `lt_LT`; a bare language code is the safe fallback. */
export function ogLocale(locale: Locale): string {
  try {
    const max = new Intl.Locale(locale).maximize()
    return max.region ? `${max.language}_${max.region}` : locale
  } catch {
    return locale
  }
}

function org(settings: SiteSettings, siteUrl: string): Ld {
  return { '@type': 'GovernmentOrganization', name: settings.cityName, url: absoluteUrl(siteUrl, '/') }
}

/** The breadcrumbs as schema.org's BreadcrumbList: every step by name, with its absolute address. */
export function breadcrumbLd(steps: { title: string; url: string }[], siteUrl: string): Ld {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: steps.map((step, i) => ({ '@type': 'ListItem', position: i + 1, name: step.title, item: absoluteUrl(siteUrl, step.url) })),
  }
}

/** The home page: the site with its search (a SearchAction search engines can offer), and the municipality. */
export function homeLd(settings: SiteSettings, siteUrl: string, locale: Locale, paths: { home: string; search: string }): Ld[] {
  const home = absoluteUrl(siteUrl, paths.home)
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: settings.cityName,
      url: home,
      inLanguage: locale,
      potentialAction: { '@type': 'SearchAction', target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(siteUrl, paths.search)}?q={search_term_string}` }, 'query-input': 'required name=search_term_string' },
    },
    {
      '@context': 'https://schema.org',
      ...org(settings, siteUrl),
      ...(settings.logo ? { logo: absoluteUrl(siteUrl, settings.logo.src) } : {}),
    },
  ]
}

function imageUrl(image: SiteImage | undefined, siteUrl: string): string | undefined {
  return image ? absoluteUrl(siteUrl, image.src) : undefined
}

export function newsArticleLd(doc: NewsDoc, settings: SiteSettings, siteUrl: string): Ld {
  const image = imageUrl(doc.hero ?? doc.seo.image ?? settings.logo, siteUrl)
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: doc.title,
    description: doc.summary,
    inLanguage: doc.locale,
    url: absoluteUrl(siteUrl, doc.url),
    datePublished: doc.publishedAt,
    dateModified: doc.updatedAt,
    ...(image ? { image: [image] } : {}),
    author: org(settings, siteUrl),
    publisher: org(settings, siteUrl),
  }
}

export function faqLd(entries: HandbookDoc[], locale: Locale): Ld {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    inLanguage: locale,
    mainEntity: entries.map((e) => ({
      '@type': 'Question',
      name: e.question,
      acceptedAnswer: { '@type': 'Answer', text: stripHtml(e.answerHtml) },
    })),
  }
}

export function howToLd(doc: GuideDoc, siteUrl: string): Ld {
  const url = absoluteUrl(siteUrl, doc.url)
  return {
    '@context': 'https://schema.org',
    '@type': 'HowTo',
    name: doc.title,
    description: doc.summary,
    inLanguage: doc.locale,
    url,
    step: doc.steps.map((s, i) => ({
      '@type': 'HowToStep',
      position: i + 1,
      name: s.title,
      text: stripHtml(s.html),
      url: `${url}#${s.anchor}`,
    })),
  }
}

const schemaDays = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' }

export function governmentServiceLd(doc: ServiceDoc, settings: SiteSettings, siteUrl: string): Ld {
  const a = doc.address
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: doc.title,
    description: doc.description,
    url: absoluteUrl(siteUrl, doc.url),
    provider: org(settings, siteUrl),
    availableChannel: {
      '@type': 'ServiceChannel',
      availableLanguage: doc.locale,
      ...(doc.phones[0] ? { servicePhone: { '@type': 'ContactPoint', telephone: doc.phones[0].number } } : {}),
      ...(doc.website ? { serviceUrl: doc.website } : {}),
      ...(a
        ? {
            serviceLocation: {
              '@type': 'Place',
              address: {
                '@type': 'PostalAddress',
                streetAddress: a.street,
                postalCode: a.postcode,
                addressLocality: a.city,
              },
              openingHoursSpecification: doc.hours
                .filter((h) => h.ranges.length)
                .flatMap((h) =>
                  h.ranges.map((r) => ({
                    '@type': 'OpeningHoursSpecification',
                    dayOfWeek: schemaDays[h.day],
                    opens: r.opens,
                    closes: r.closes,
                  })),
                ),
            },
          }
        : {}),
    },
    ...(doc.email ? { email: doc.email } : {}),
  }
}

/** Safe inside <script>: no `</script>` or `<!--` can break out. */
export function ldJson(data: Ld): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
