/**
 * The URL scheme a city's templates may change (src/routes.json): checked with a message
 * that says what to write, and applied to every path the site builds.
 */
import { afterEach, describe, expect, it } from 'vitest'

import { docPath, listPath, newsArchivePath, pageSize, parseRouteScheme, sectionPath, useRouteScheme } from '../../cms/model/routes'

const ctx = { defaultLocale: 'lt' }
afterEach(() => useRouteScheme(undefined))

describe('route scheme', () => {
  it('changes section segments per locale and the page size; the rest keeps the defaults', () => {
    useRouteScheme(parseRouteScheme({ pageSize: 12, segments: { lt: { news: 'aktualijos' }, en: { news: 'updates' } } }))
    expect(sectionPath('news', 'lt', ctx)).toBe('/aktualijos/')
    expect(sectionPath('news', 'en', ctx)).toBe('/en/updates/')
    expect(docPath('news', ['a'], 'lt', ctx)).toBe('/aktualijos/a/')
    expect(newsArchivePath('lt', 2, ctx)).toBe('/aktualijos/archyvas/2/')
    expect(listPath('guides', 'lt', 2, ctx)).toBe('/gidai/psl/2/')
    expect(pageSize()).toBe(12)
    useRouteScheme(undefined)
    expect([sectionPath('news', 'lt', ctx), pageSize()]).toEqual(['/naujienos/', 10])
  })

  it.each([
    [[], /must be a JSON object/],
    [{ pageSize: 0 }, /"pageSize" must be a whole number from 1 to 100, not 0/],
    [{ pageSize: '10' }, /"pageSize" must be a whole number/],
    [{ pages: 10 }, /unknown key "pages"/],
    [{ segments: { lt: { nws: 'x' } } }, /"segments.lt.nws": no such section/],
    [{ segments: { lt: { news: 'Naujienos/' } } }, /lower-case letters, digits and single hyphens/],
    [{ segments: { lt: { news: 'a', guides: 'a' } } }, /"a" is given to both news and guides/],
    [{ segments: { lt: 'news' } }, /"segments.lt" must map sections/],
  ])('rejects %j, saying what to write', (raw, message) => {
    expect(() => parseRouteScheme(raw, 'src/routes.json')).toThrow(message)
  })
})
