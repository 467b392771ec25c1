import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { z } from 'zod'

import { registry, type SourceCollection } from '../model/registry'
import { keyPattern, schemas, type Schemas, type SeedDoc } from './schema'

/** Types the seed keeps one document per file in `content/<slug>/` (cms/model/registry.ts). */
export type DocCollection = Exclude<SourceCollection, 'topics'>

// Types others link to first, so fewer documents wait for a retry (the order also fixes ids).
const writtenFirst: string[] = ['services', 'pages']
const rank = (slug: string) => (writtenFirst.includes(slug) ? writtenFirst.indexOf(slug) : writtenFirst.length)

/** Collections stored one document per file, in the order they are written. */
export const folderCollections = registry
  .slugs((type) => type.seedFolder)
  .sort((a, b) => rank(a) - rank(b)) as DocCollection[]

export type Entry<K extends keyof Schemas = keyof Schemas> = {
  collection: K
  key: string
  file: string
  hash: string
  data: K extends 'topics' | 'media' | 'documents' ? z.infer<Schemas[K]>[number] : SeedDoc<K>
}

export type ContentSet = {
  topics: Entry<'topics'>[]
  media: Entry<'media'>[]
  documents: Entry<'documents'>[]
  docs: Entry<DocCollection>[]
  settings: Entry<'settings'> | null
  /** `staff.json`: the demo accounts' names and addresses (else Pajūris's). */
  staff: SeedDoc<'staff'> | null
}

export class SeedValidationError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Seed content has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'SeedValidationError'
  }
}

function sha(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex')
}

function formatIssues(file: string, prefix: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
    return `${file}: ${field ? `field "${field}": ` : ''}${issue.message}`
  })
}

function readJson(file: string, rel: string, problems: string[]): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    problems.push(`${rel}: not valid JSON (${(error as Error).message})`)
    return undefined
  }
}

const linkPattern = /\]\(([a-z-]+):([a-z0-9-]+)\)/g

/** Every `[text](collection:key)` target in the Markdown strings of a value. */
export function markdownRefs(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    for (const m of value.matchAll(linkPattern)) out.push(`${m[1]}:${m[2]}`)
  } else if (Array.isArray(value)) {
    for (const v of value) markdownRefs(v, out)
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) markdownRefs(v, out)
  }
  return out
}

/**
 * Reads and validates everything under `contentDir`. Nothing is written unless the
 * whole set is valid; every problem is reported with its file and field.
 */
export function loadContent(contentDir: string, locales: string[], defaultLocale: string): ContentSet {
  const S = schemas(locales, defaultLocale)
  const problems: string[] = []
  const rel = (f: string) => path.relative(process.cwd(), f) || f
  if (!fs.existsSync(contentDir)) {
    throw new SeedValidationError([`${rel(contentDir)}: content folder not found`])
  }

  const set: ContentSet = { topics: [], media: [], documents: [], docs: [], settings: null, staff: null }

  for (const name of ['topics', 'media', 'documents'] as const) {
    const file = path.join(contentDir, `${name}.json`)
    if (!fs.existsSync(file)) {
      problems.push(`${rel(file)}: missing (an array of ${name}, see docs/content-format.md)`)
      continue
    }
    const raw = readJson(file, rel(file), problems)
    if (raw === undefined) continue
    const parsed = S[name].safeParse(raw)
    if (!parsed.success) {
      problems.push(...formatIssues(rel(file), '', parsed.error))
      continue
    }
    const seen = new Set<string>()
    parsed.data.forEach((item, i) => {
      if (seen.has(item.key)) problems.push(`${rel(file)}: item ${i}: key "${item.key}" is used twice`)
      seen.add(item.key)
      ;(set[name] as Entry[]).push({
        collection: name,
        key: item.key,
        file: rel(file),
        hash: sha(JSON.stringify(item)),
        data: item,
      } as Entry)
    })
  }

  for (const collection of folderCollections) {
    const dir = path.join(contentDir, collection)
    if (!fs.existsSync(dir)) continue
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith('.json')) continue
      const file = path.join(dir, name)
      const key = name.slice(0, -'.json'.length)
      if (!keyPattern.test(key)) {
        problems.push(`${rel(file)}: file name must be a key of lowercase letters, digits and hyphens`)
        continue
      }
      const text = fs.readFileSync(file, 'utf8')
      const raw = readJson(file, rel(file), problems)
      if (raw === undefined) continue
      const parsed = S[collection].safeParse(raw)
      if (!parsed.success) {
        problems.push(...formatIssues(rel(file), '', parsed.error))
        continue
      }
      set.docs.push({ collection, key, file: rel(file), hash: sha(text), data: parsed.data } as Entry<DocCollection>)
    }
  }

  const settingsFile = path.join(contentDir, 'settings.json')
  if (fs.existsSync(settingsFile)) {
    const raw = readJson(settingsFile, rel(settingsFile), problems)
    if (raw !== undefined) {
      const parsed = S.settings.safeParse(raw)
      if (parsed.success) {
        set.settings = {
          collection: 'settings',
          key: 'settings',
          file: rel(settingsFile),
          hash: sha(JSON.stringify(parsed.data)),
          data: parsed.data,
        }
      } else problems.push(...formatIssues(rel(settingsFile), '', parsed.error))
    }
  }

  const staffFile = path.join(contentDir, 'staff.json')
  if (fs.existsSync(staffFile)) {
    const raw = readJson(staffFile, rel(staffFile), problems)
    if (raw !== undefined) {
      const parsed = S.staff.safeParse(raw)
      if (parsed.success) set.staff = parsed.data
      else problems.push(...formatIssues(rel(staffFile), '', parsed.error))
    }
  }

  if (problems.length === 0) problems.push(...checkReferences(set))
  if (problems.length) throw new SeedValidationError(problems)
  return set
}

/** Cross-file checks: every key a file names must exist, every heading level fits. */
function checkReferences(set: ContentSet): string[] {
  const problems: string[] = []
  const keys = new Set<string>([
    ...set.topics.map((e) => `topics:${e.key}`),
    ...set.media.map((e) => `media:${e.key}`),
    ...set.documents.map((e) => `documents:${e.key}`),
    ...set.docs.map((e) => `${e.collection}:${e.key}`),
  ])
  const need = (file: string, field: string, ref: string) => {
    if (!keys.has(ref)) problems.push(`${file}: field "${field}": "${ref}" does not exist`)
  }
  for (const e of set.docs) {
    const d = e.data as Record<string, unknown>
    const list = (field: string, collection: string) => {
      const value = d[field]
      if (Array.isArray(value)) value.forEach((k, i) => need(e.file, `${field}.${i}`, `${collection}:${k}`))
      else if (typeof value === 'string') need(e.file, field, `${collection}:${value}`)
    }
    list('topics', 'topics')
    list('topic', 'topics')
    list('heroImage', 'media')
    if (d.pdf && typeof d.pdf === 'object') {
      for (const [locale, k] of Object.entries(d.pdf as Record<string, string>)) need(e.file, `pdf.${locale}`, `documents:${k}`)
    } else list('pdf', 'documents')
    list('documents', 'documents')
    list('relatedServices', 'services')
    if (e.collection === 'pages') list('parent', 'pages')
    const outcome = d.outcome as { documents?: string[] } | undefined
    outcome?.documents?.forEach((k, i) => need(e.file, `outcome.documents.${i}`, `documents:${k}`))
    ;(d.related as string[] | undefined)?.forEach((r, i) => need(e.file, `related.${i}`, r))
    for (const ref of markdownRefs(d)) need(e.file, 'a Markdown link', ref)
    for (const [field, value] of Object.entries(d)) {
      const strings = JSON.stringify(value)
      if (/(^|\\n)# /.test(strings)) {
        problems.push(`${e.file}: field "${field}": use "## " headings; "# " is the page title`)
      }
    }
  }
  if (set.settings?.data.logo) need(set.settings.file, 'logo', `media:${set.settings.data.logo}`)
  set.settings?.data.topTasks?.forEach((task, i) => need(set.settings!.file, `topTasks.${i}.doc`, task.doc))
  return problems
}
