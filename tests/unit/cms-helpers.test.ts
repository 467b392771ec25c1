import { describe, expect, it } from 'vitest'

import { deriveConsultationStatus, nextStatusChange } from '../../cms/plugins/consultations/collections/Consultations/status'
import { parseDatabaseUrl } from '../../cms/model/env'
import { parseLocales } from '../../cms/model/locales'
import { slugify } from '../../cms/model/slugify'
import { validateDateOrder, validateHoursRange, validateLink, validatePhone } from '../../cms/model/validators'
import { resolveSeedDate } from '../../cms/seed/dates'

const opens = '2026-06-01T09:00:00.000Z'
const closes = '2026-06-30T21:00:00.000Z'
const outcomeAt = '2026-07-15T08:00:00.000Z'
const summary = { root: { children: [] } }

describe('consultation status at the boundaries', () => {
  it.each([
    ['a millisecond before opening', '2026-06-01T08:59:59.999Z', {}, 'upcoming'],
    ['exactly at opening', opens, {}, 'open'],
    ['a millisecond before closing', '2026-06-30T20:59:59.999Z', {}, 'open'],
    ['exactly at closing', closes, {}, 'closed'],
    ['closed, outcome scheduled later', '2026-07-15T07:59:59.999Z', { outcome: { publishedAt: outcomeAt, summary } }, 'closed'],
    ['exactly at outcome publication', outcomeAt, { outcome: { publishedAt: outcomeAt, summary } }, 'outcome'],
    ['outcome date without a summary', '2026-08-01T00:00:00.000Z', { outcome: { publishedAt: outcomeAt } }, 'closed'],
    ['no dates at all', '2026-06-10T00:00:00.000Z', { opensAt: null, closesAt: null }, 'upcoming'],
  ] as const)('%s → %s', (_label, now, extra, expected) => {
    expect(deriveConsultationStatus({ opensAt: opens, closesAt: closes, ...extra }, new Date(now))).toBe(expected)
  })

  it('schedules the next change at the next boundary', () => {
    const input = { opensAt: opens, closesAt: closes, outcome: { publishedAt: outcomeAt, summary } }
    expect(nextStatusChange(input, new Date('2026-05-01T00:00:00Z'))?.toISOString()).toBe(opens)
    expect(nextStatusChange(input, new Date(opens))?.toISOString()).toBe(closes)
    expect(nextStatusChange(input, new Date('2026-08-01T00:00:00Z'))).toBeNull()
  })
})

describe('validators', () => {
  it.each([
    ['+370 460 12345', true],
    ['1860', true],
    ['+370 (460) 12-345', true],
    ['call us', false],
    ['+370 460 12345 ext', false],
    ['12', false],
    ['+1234567890123456', false],
  ])('phone %s → %s', (value, ok) => {
    expect(validatePhone(value) === true).toBe(ok)
  })

  it.each([
    ['08:00', '17:00', true],
    ['00:00', '24:00', true],
    ['17:00', '08:00', false],
    ['08:00', '08:00', false],
    ['8:00', '17:00', false],
    ['08:00', '25:00', false],
  ])('hours %s–%s → %s', (o, c, ok) => {
    expect(validateHoursRange(o, c) === true).toBe(ok)
  })

  it.each([
    ['https://pajuris.example.org/x', true],
    ['/naujienos/', true],
    ['//evil.example', false],
    ['javascript:alert(1)', false],
    ['not a link', false],
  ])('link %s → %s', (value, ok) => {
    expect(validateLink(value) === true).toBe(ok)
  })

  it('requires an end strictly after the start', () => {
    expect(validateDateOrder(opens, closes, 'End')).toBe(true)
    expect(validateDateOrder(closes, opens, 'End')).toMatch(/after/)
    expect(validateDateOrder(opens, opens, 'End')).toMatch(/after/)
  })
})

describe('slugify', () => {
  it.each([
    ['Šildymo sezonas prasideda', 'sildymo-sezonas-prasideda'],
    ['Mokesčių lengvatos 2027 m.', 'mokesciu-lengvatos-2027-m'],
    ['  Ąžuolų   gatvė — remontas ', 'azuolu-gatve-remontas'],
    ['Опалювальний сезон', 'opalyuvalnij-sezon'],
    ['Δημοτικός φόρος', 'dhmotikos-foros'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })
})

describe('configuration parsing', () => {
  it('parses locales with the first as default and rejects bad codes', () => {
    expect(parseLocales(undefined).map((l) => l.code)).toEqual(['lt', 'en'])
    expect(parseLocales('lt,en,uk,el').map((l) => l.label)).toEqual(['Lietuvių', 'English', 'Українська', 'Ελληνικά'])
    expect(() => parseLocales('lt,english')).toThrow(/not a locale code/)
  })

  it('selects the database engine from DATABASE_URL', () => {
    expect(parseDatabaseUrl(undefined)).toMatchObject({ kind: 'sqlite' })
    expect(parseDatabaseUrl('file:./data/x.db').kind).toBe('sqlite')
    expect(parseDatabaseUrl('mongodb://127.0.0.1:27017/atvira?replicaSet=rs0').kind).toBe('mongodb')
    expect(() => parseDatabaseUrl('postgres://127.0.0.1/atvira')).toThrow(/must start with/)
    expect(() => parseDatabaseUrl('file:')).toThrow(/no file path/)
  })

  it('resolves relative seed dates', () => {
    const now = new Date('2026-11-21T10:00:00.000Z')
    expect(resolveSeedDate('now', now)).toBe('2026-11-21T10:00:00.000Z')
    expect(resolveSeedDate('now-3d', now)).toBe('2026-11-18T10:00:00.000Z')
    expect(resolveSeedDate('now+90m', now)).toBe('2026-11-21T11:30:00.000Z')
    expect(resolveSeedDate('2026-03-01T09:00:00+02:00', now)).toBe('2026-03-01T07:00:00.000Z')
    expect(() => resolveSeedDate('tomorrow', now)).toThrow(/not a date/)
  })
})
