import fs from 'node:fs'
import path from 'node:path'

import { handoff } from '@atvira/model/env'
import { SearchService } from '../search/query'

/**
 * The built site's search indexes live beside it (`<outDir>/search/`), so a new build
 * brings its own. The server entry is `<outDir>/server/entry.mjs`.
 */
export function searchDir(): string {
  const { ATVIRA_SEARCH_DIR, ATVIRA_SITE_DIR } = handoff()
  if (ATVIRA_SEARCH_DIR) return path.resolve(ATVIRA_SEARCH_DIR)
  // The site server: the live build (it changes on publish, with its indexes).
  if (ATVIRA_SITE_DIR) return path.join(fs.realpathSync(ATVIRA_SITE_DIR), 'search')
  return path.resolve('site/dist/search')
}

let service: { dir: string; search: SearchService } | undefined

/** One service per build: a new build's indexes replace the old ones in memory. */
export function searchService(): SearchService {
  const dir = searchDir()
  if (service?.dir !== dir) service = { dir, search: new SearchService(dir) }
  return service.search
}
