/**
 * A live build that lost part of itself (a search index deleted, cut short or damaged,
 * the dynamic routes' code missing) is found, so that start-up and the next update
 * build it again in full instead of calling it up to date.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { buildProblems as problemsWith } from '../../site/publisher/output'
import { loadTemplates, templatesDir } from '../../site/publisher/templates'
import { SearchService } from '../../site/templates/src/lib/search/query'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-live-'))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const index = (locale: string) => JSON.stringify({ locale, docs: [], index: { version: '2.3.9', fields: [], fieldVectors: [], invertedIndex: [], pipeline: [] } })

let n = 0
function build(searchFiles: Record<string, string | null>, without: string[] = []): string {
  const dir = path.join(root, `b${n++}`)
  const files: Record<string, string> = {
    'runtime-snapshot.json': '{}',
    'server/entry.mjs': '',
    'client/index.html': '<!doctype html>',
    'search/lt.json': index('lt'),
    'search/lt.terms.json': '[]',
    'search/en.json': index('en'),
    'search/en.terms.json': '[]',
  }
  for (const [name, text] of Object.entries(searchFiles)) {
    if (text === null) delete files[`search/${name}`]
    else files[`search/${name}`] = text
  }
  for (const name of without) delete files[name]
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

const templates = await loadTemplates(templatesDir())
const buildProblems = (dir: string, locales: string[], options?: { deep?: boolean }) => problemsWith(templates, dir, locales, options)

describe('buildProblems', () => {
  const whole = index('en')
  const cases: [string, Record<string, string | null>, string[], RegExp | null, RegExp | null][] = [
    ['a whole build', {}, [], null, null],
    ['an index deleted', { 'en.json': null }, [], /the search index for "en" is missing/, /the search index for "en" is missing/],
    ['an index cut short', { 'en.json': whole.slice(0, whole.length / 2) }, [], /"en" is damaged/, /"en" is damaged \(cut short\)/],
    ['an empty index', { 'en.json': '' }, [], /"en" is damaged/, /"en" is damaged/],
    ['not JSON but ending like it', { 'en.json': 'garbage}' }, [], /"en" is damaged/, null],
    ["another locale's index", { 'en.json': index('lt') }, [], /"en" is damaged \(not an index of this locale\)/, null],
    ['the fast path\'s terms gone', { 'lt.terms.json': null }, [], /search\/lt\.terms\.json is missing/, /search\/lt\.terms\.json is missing/],
    ['the dynamic routes gone', {}, ['server/entry.mjs'], /server\/entry\.mjs is missing/, /server\/entry\.mjs is missing/],
  ]
  it.each(cases)('%s', (_, search, without, deep, shallow) => {
    const dir = build(search, without)
    const found = { deep: buildProblems(dir, ['lt', 'en']), shallow: buildProblems(dir, ['lt', 'en'], { deep: false }) }
    if (deep) expect(found.deep.join('; ')).toMatch(deep)
    else expect(found.deep).toEqual([])
    if (shallow) expect(found.shallow.join('; ')).toMatch(shallow)
    else expect(found.shallow).toEqual([])
  })
})

describe('SearchService', () => {
  it('has no search for a missing, damaged or unsafe locale, and loads a whole one', () => {
    const dir = path.join(build({ 'en.json': 'garbage}' }), 'search')
    const service = new SearchService(dir)
    expect(service.get('lt')).toBeDefined()
    expect(service.get('en')).toBeUndefined()
    expect(service.get('uk')).toBeUndefined()
    expect(service.get('../search/lt')).toBeUndefined()
  })
})
