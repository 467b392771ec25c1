import path from 'node:path'

import { SearchService } from '../search/query'

/**
 * The built site's search indexes live beside it (`<outDir>/search/`), so a new build
 * brings its own. The server entry is `<outDir>/server/entry.mjs`.
 */
export function searchDir(): string {
  if (process.env.ATVIRA_SEARCH_DIR) return path.resolve(process.env.ATVIRA_SEARCH_DIR)
  const entry = process.argv[1] ? path.resolve(process.argv[1]) : path.resolve('site/dist/server/entry.mjs')
  return path.resolve(path.dirname(entry), '../search')
}

let service: SearchService | undefined

export function searchService(): SearchService {
  service ??= new SearchService(searchDir())
  return service
}
