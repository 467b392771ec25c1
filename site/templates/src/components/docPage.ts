import { sectionPath } from '@atvira/model/routes'
import type { Locale, SiteDoc } from '@atvira/model/snapshot'

import { snapshot } from '../lib/load'
import { contentTypes } from '../lib/types'
import type { Route } from '../pages/_lib/routes'
import { sectionTitle } from './helpers'

/**
 * What every document view gives the layout (`<Base {...docBase(route, doc, {…})}>`):
 * the document's title, description, address and translations, plus the view's own.
 * A helper, not a wrapping component: a slot passed through one more component would
 * change the pages' whitespace.
 */
export function docBase<T extends Record<string, unknown>>(route: Pick<Route, 'path' | 'alternates'>, doc: SiteDoc, extra: T = {} as T) {
  return { locale: doc.locale, title: doc.seo.title, description: doc.seo.description, path: route.path, alternates: route.alternates, ...extra }
}

/** The breadcrumbs' first step: the document's section. */
export function sectionTrail(section: string, locale: Locale): { title: string; url: string }[] {
  const ctx = { defaultLocale: snapshot().defaultLocale, registry: contentTypes() }
  return [{ title: sectionTitle(section, locale), url: sectionPath(section, locale, ctx) }]
}
