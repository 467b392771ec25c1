import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { rootDir, settings } from '../../cms/model/env'
import { parseRouteScheme, type RouteScheme } from '../../cms/model/routes'
import type { SiteDoc, Snapshot } from '../../cms/model/snapshot'
import { treeHash } from './processes'

/**
 * The templates the publisher renders, and the code it takes from them: never the
 * installation's by name, always the directory it renders (a city's copy may change its
 * routes and search). Their entry for the publisher is `src/publishing.ts`.
 */

/**
 * The Astro project that renders the site: `site/templates` unless ATVIRA_TEMPLATES_DIR
 * points at a city's own copy (with its `public/` beside it, as in the repository).
 */
export function templatesDir(env?: NodeJS.ProcessEnv): string {
  return settings(env).ATVIRA_TEMPLATES_DIR
}

/**
 * The static files (styles, scripts, icons) the templates ship: a copy's own `public/`
 * when it has one, the installation's otherwise.
 */
export function publicDirOf(dir: string): string {
  const own = path.join(dir, 'public')
  return fs.existsSync(own) ? own : path.join(rootDir, 'public')
}

/** The templates, styles and dependencies that turn content into pages. */
export function templatesHash(env?: NodeJS.ProcessEnv): string {
  const dir = templatesDir(env)
  return treeHash([path.join(dir, 'src'), path.join(dir, 'astro.config.mjs'), publicDirOf(dir), path.join(rootDir, 'cms/model'), 'package-lock.json'])
}

/** A page the templates build, as far as planning needs to know it (their `Route`). */
export type PlannedRoute = { locale: string; path: string; alternates: Record<string, string> } & (
  | { kind: 'home' | 'handbook' | 'services' | 'consultations' | 'topics' }
  | { kind: 'list'; collection: string; pager: { kind: string; n?: number | null }; items: SiteDoc[]; topic?: SiteDoc }
  | { kind: 'doc'; doc: SiteDoc }
)

/** A search index row as the templates' indexer keeps it: its key first. */
export type TermRow = [key: string, ...rest: unknown[]]

/** What `src/publishing.ts` of a templates directory exports. */
export type Templates = {
  allRoutes(): PlannedRoute[]
  useSnapshot(file: string, snapshot: Snapshot): void
  BODY_WORDS: number
  searchable(doc: SiteDoc): boolean
  /** Searchable under a snapshot's own registry (`snapshot.types`, a city's extra types). */
  searchableIn(types?: Snapshot['types']): (doc: SiteDoc) => boolean
  rowKey(doc: SiteDoc): string
  rowKeyOfHash(hash: string): string
  termRow(locale: string, doc: SiteDoc, hash?: string): TermRow
  indexOfRows(locale: string, rows: readonly TermRow[]): unknown
  buildLocaleIndexWithTerms(locale: string, docs: SiteDoc[], reuse?: ReadonlyMap<string, TermRow>, types?: Snapshot['types']): { index: unknown; terms: TermRow[] }
  searchIndexProblem(dir: string, locale: string, options?: { deep?: boolean }): string | null
}

export const publishingEntry = 'src/publishing.ts'

/**
 * Loads a templates directory's code for the publisher (under tsx, which runs every
 * entry point). Loaded once per process and directory: the job runner takes new
 * templates code on its next start (a template change takes a full build meanwhile,
 * rendered by Astro from the files as they are).
 */
export async function loadTemplates(dir: string): Promise<Templates> {
  const entry = path.join(dir, publishingEntry)
  if (!fs.existsSync(entry)) {
    throw new Error(`The templates at ${dir} have no ${publishingEntry}: copy it from site/templates/${publishingEntry} (the publisher takes the routes and search code from it).`)
  }
  return (await import(pathToFileURL(entry).href)) as Templates
}

export const routeSchemeFile = 'src/routes.json'

/** The templates' URL scheme (`src/routes.json`), checked; the defaults when there is none. */
export function readRouteScheme(dir: string): RouteScheme {
  const file = path.join(dir, routeSchemeFile)
  if (!fs.existsSync(file)) return {}
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}): fix it, or remove it for the default URLs.`, { cause: error })
  }
  return parseRouteScheme(raw, file)
}
