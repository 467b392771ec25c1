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

describe('the CMS follows the live build', () => {
  it("reads the live build's scheme for its links, again when another build goes live", async () => {
    const fs = await import('node:fs')
    const os = await import('node:os')
    const path = await import('node:path')
    const { liveRouteScheme } = await import('../../cms/plugins/publishing/routeScheme')
    const { provideRouteScheme } = await import('../../cms/model/routes')
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-scheme-'))
    const build = (name: string, routes?: object) => {
      fs.mkdirSync(path.join(root, 'builds', name), { recursive: true })
      fs.writeFileSync(path.join(root, 'builds', name, 'runtime-snapshot.json'), JSON.stringify({ routes }))
      fs.rmSync(path.join(root, 'current'), { force: true })
      fs.symlinkSync(path.join('builds', name), path.join(root, 'current'))
    }
    try {
      provideRouteScheme(liveRouteScheme(root))
      expect(docPath('news', ['a'], 'lt', ctx)).toBe('/naujienos/a/') // no live build yet
      build('a', { segments: { lt: { news: 'aktualijos' } } })
      expect(docPath('news', ['a'], 'lt', ctx)).toBe('/aktualijos/a/')
      build('b')
      expect(docPath('news', ['a'], 'lt', ctx)).toBe('/naujienos/a/')
      // One set by the publisher wins.
      useRouteScheme({ segments: { lt: { news: 'zinios' } } })
      expect(docPath('news', ['a'], 'lt', ctx)).toBe('/zinios/a/')
    } finally {
      provideRouteScheme(undefined)
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})
