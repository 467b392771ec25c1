/**
 * What the publisher takes from these templates, loaded at run time from the directory
 * it renders (ATVIRA_TEMPLATES_DIR, or site/templates): the route list it plans fast
 * updates with, and the search code it builds the indexes with. A city's copy that
 * changes its routes or its search is thus planned and indexed as it renders.
 *
 * The URL scheme a copy may change (section segments per locale, the list page size)
 * is `src/routes.json` beside this file, e.g.
 *   {"pageSize": 12, "segments": {"lt": {"news": "aktualijos"}, "en": {"news": "updates"}}}
 * The publisher reads and checks it and writes it into the snapshot; `lib/load.ts`
 * applies it when a page renders.
 */
export { allRoutes } from './pages/_lib/routes'
export { useSnapshot } from './lib/load'
export {
  BODY_WORDS,
  buildLocaleIndexWithTerms,
  indexOfRows,
  rowKey,
  rowKeyOfHash,
  searchable,
  searchableIn,
  termRow,
} from './lib/search/indexer'
export { searchIndexProblem } from './lib/search/query'
