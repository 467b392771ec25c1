import { getDefaultLocale, getLocaleCodes } from '../../../cms/model/locales'
import { settings } from '../../../cms/model/env'
import { restSource } from './rest'
import type { ContentSource, OpenSource } from '../../../cms/model/source'

export type { ContentSource } from '../../../cms/model/source'

/**
 * The site's one way to the CMS: a remote Payload over REST when CMS_URL is set (with
 * CMS_API_KEY when the CMS requires one), else the local database through `local`,
 * which whoever starts the publisher hands in (scripts/ open Payload and wire it).
 */
export async function openContentSource(
  env?: NodeJS.ProcessEnv,
  local?: OpenSource,
  options: { reuse?: boolean } = {},
): Promise<ContentSource> {
  // CMS_URL is checked by the environment schema (an http(s) address).
  const { CMS_URL: url, CMS_API_KEY, SITE_CACHE_DIR } = settings(env)
  if (!url) {
    if (!local) throw new Error('No content source: set CMS_URL to read a remote CMS, or run this where the CMS database is (npm run site:build, npm start, npm run jobs).')
    return local({ reuse: options.reuse === true })
  }
  return restSource({
    url,
    apiKey: CMS_API_KEY,
    cacheDir: SITE_CACHE_DIR,
    locales: getLocaleCodes(),
    defaultLocale: getDefaultLocale(),
  })
}
