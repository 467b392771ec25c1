import { describe, expect, it } from 'vitest'

import {
  fileLinkText,
  formatDate,
  formatDateTime,
  formatFileSize,
  formatHours,
  formatPhone,
  pageTitle,
  plural,
  shiftHeadings,
  stripHtml,
} from '../../site/templates/src/lib/format'
import { tidyHtml } from '../../cms/model/html'
import type { DayHours, SiteFile } from '../../cms/model/snapshot'

// Intl puts narrow/non-breaking spaces between numbers and units; compare plain text.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')
const tz = 'Europe/Vilnius'

describe('formatDate / formatDateTime', () => {
  it.each([
    ['2026-11-21T09:53:13.763Z', 'lt', '2026 m. lapkričio 21 d.'],
    ['2026-11-21T09:53:13.763Z', 'en', 'November 21, 2026'],
    // 23:30 UTC on 31 December is already New Year in Vilnius.
    ['2026-12-31T23:30:00Z', 'en', 'January 1, 2027'],
    ['2026-12-31T23:30:00Z', 'lt', '2027 m. sausio 1 d.'],
  ])('%s in %s → %s', (iso, locale, expected) => {
    expect(plain(formatDate(iso, locale, tz))).toBe(expected)
  })

  it.each([
    ['2026-07-01T10:05:00Z', 'lt', '2026 m. liepos 1 d. 13:05'],
    ['2026-07-01T10:05:00Z', 'en', 'July 1, 2026 at 1:05 PM'],
    ['2026-01-15T10:05:00Z', 'lt', '2026 m. sausio 15 d. 12:05'],
  ])('date-time %s in %s → %s', (iso, locale, expected) => {
    expect(plain(formatDateTime(iso, locale, tz))).toBe(expected)
  })

  // A European city's English pages (ATVIRA_DATE_LOCALES=en:en-GB, the default).
  it.each([
    ['2026-11-21T09:53:13.763Z', false, '21 November 2026'],
    ['2026-07-01T10:05:00Z', true, '1 July 2026 at 13:05'],
  ])('%s in English as in Britain (with time: %s) → %s', (iso, withTime, expected) => {
    const dateLocales = { en: 'en-GB' }
    expect(plain(withTime ? formatDateTime(iso, 'en', tz, dateLocales) : formatDate(iso, 'en', tz, dateLocales))).toBe(expected)
    // Lithuanian is not listed: its own conventions.
    expect(plain(formatDate(iso, 'lt', tz, dateLocales))).toMatch(/^2026 m\. /)
  })
})

describe('formatFileSize', () => {
  it.each([
    [0, 'en', '0 byte'],
    [512, 'en', '512 byte'],
    [21008, 'en', '21 kB'],
    [21008, 'lt', '21 kB'],
    [1_200_000, 'en', '1.2 MB'],
    [1_200_000, 'lt', '1,2 MB'],
    [15_400_000, 'en', '15 MB'],
    [2_500_000_000, 'lt', '2,5 GB'],
  ])('%d bytes in %s → %s', (bytes, locale, expected) => {
    expect(plain(formatFileSize(bytes, locale)).replace(/ bytes?$/, ' byte')).toBe(expected)
  })
})

describe('fileLinkText', () => {
  const pdf = (over: Partial<SiteFile> = {}): SiteFile => ({
    url: '/files/a.pdf',
    title: 'Draft rules',
    filename: 'a.pdf',
    mimeType: 'application/pdf',
    size: 1_200_000,
    pages: 4,
    language: 'en',
    ...over,
  })
  it.each<[string, SiteFile, string, string | undefined, string]>([
    ['English leaflet', pdf(), 'en', 'Leaflet', 'Leaflet (PDF, 1.2 MB, 4 pages)'],
    ['one page', pdf({ pages: 1 }), 'en', 'Leaflet', 'Leaflet (PDF, 1.2 MB, 1 page)'],
    ['Lithuanian leaflet', pdf({ language: 'lt' }), 'lt', 'Lankstinukas', 'Lankstinukas (PDF, 1,2 MB, 4 psl.)'],
    ['Lithuanian PDF on an English page', pdf({ language: 'lt' }), 'en', 'Leaflet', 'Leaflet (PDF, 1.2 MB, 4 pages, in Lithuanian)'],
    ['English PDF on a Lithuanian page', pdf(), 'lt', 'Lankstinukas', 'Lankstinukas (PDF, 1,2 MB, 4 psl., anglų kalba)'],
    ['no page count, title as label', pdf({ pages: undefined }), 'en', undefined, 'Draft rules (PDF, 1.2 MB)'],
    [
      'spreadsheet by extension',
      pdf({ mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: 'budget.xlsx', pages: undefined, size: 48_000 }),
      'en',
      'Budget',
      'Budget (XLSX, 48 kB)',
    ],
  ])('%s', (_, file, locale, label, expected) => {
    expect(plain(fileLinkText(file, locale, label))).toBe(expected)
  })
})

describe('plural', () => {
  it.each([
    ['en', 1, '1 step'],
    ['en', 3, '3 steps'],
    ['lt', 1, '1 žingsnis'],
    ['lt', 3, '3 žingsniai'],
    ['lt', 10, '10 žingsnių'],
    ['lt', 21, '21 žingsnis'],
  ])('%s %d', (locale, n, expected) => {
    expect(plural(locale, 'guide.stepCount', n)).toBe(expected)
  })
})

describe('formatHours', () => {
  const week: DayHours[] = [
    { day: 'mon', ranges: [{ opens: '08:00', closes: '17:00' }] },
    { day: 'tue', ranges: [{ opens: '08:00', closes: '12:00' }, { opens: '13:00', closes: '17:00' }] },
    { day: 'sat', ranges: [] },
  ]
  it.each([
    ['en', [['Monday', '08:00–17:00', false], ['Tuesday', '08:00–12:00, 13:00–17:00', false], ['Saturday', 'Closed', true]]],
    ['lt', [['Pirmadienis', '08:00–17:00', false], ['Antradienis', '08:00–12:00, 13:00–17:00', false], ['Šeštadienis', 'Nedirba', true]]],
  ] as const)('%s', (locale, rows) => {
    expect(formatHours(week, locale).map((r) => [r.name, r.text, r.closed])).toEqual(rows)
  })
})

describe('HTML helpers', () => {
  it.each([
    ['<h3>A</h3><p>x</p><h4>B</h4>', -1, '<h2>A</h2><p>x</p><h3>B</h3>'],
    ['<h2>A</h2>', 1, '<h3>A</h3>'],
    ['<h2>A</h2>', -1, '<h2>A</h2>'],
    ['<h6>A</h6>', 1, '<h6>A</h6>'],
  ])('shiftHeadings(%s, %d)', (html, by, expected) => {
    expect(shiftHeadings(html, by)).toBe(expected)
  })

  it('tidyHtml drops the empty attributes the list converter writes', () => {
    expect(tidyHtml('<ul class="list-bullet"><li\n class=""\n style=""\n value="1"\n>a</li></ul>')).toBe('<ul class="list-bullet"><li>a</li></ul>')
  })

  it('tidyHtml unlinks links to unpublished targets', () => {
    expect(tidyHtml('<p>apie <a href="#">baigtus darbus</a> rašėme</p>')).toBe('<p>apie baigtus darbus rašėme</p>')
  })

  it('stripHtml keeps text and decodes entities', () => {
    expect(stripHtml('<p>Tom &amp; Jerry</p><ul><li>a</li></ul>')).toBe('Tom & Jerry a')
  })

  it('formatPhone never breaks a number', () => {
    expect(formatPhone('+370 460 50-410')).toBe('+370\u00a0460\u00a050\u2011410')
  })
})

describe('pageTitle', () => {
  it.each([
    ['Atvira', 'Atvira', 'Atvira'],
    ['News', 'Pajūris', 'News – Pajūris'],
    ['x'.repeat(65), 'Pajūris', 'x'.repeat(65)],
  ])('%s', (title, city, expected) => {
    expect(pageTitle(title, city)).toBe(expected)
  })
  it('shortens at a word boundary', () => {
    const out = pageTitle('How to declare and pay the property and land tax for your flat and your garden plot', 'Pajūris')
    expect(out.length).toBeLessThanOrEqual(70)
    expect(out.endsWith('…')).toBe(true)
    expect(out).not.toMatch(/\s…$/)
  })
})
