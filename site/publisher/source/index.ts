import path from 'node:path'

import { getDefaultLocale, getLocaleCodes } from '../../../cms/model/locales'
import { restSource } from './rest'
import type { ContentSource, OpenSource } from '../../../cms/model/source'

export type { ContentSource } from '../../../cms/model/source'

/**
 * The site's one way to the CMS: a remote Payload over REST when CMS_URL is set (with
 * CMS_API_KEY when the CMS requires one), else the local database through `local`,
 * which whoever starts the publisher hands in (scripts/ open Payload and wire it).
 */
export async function openContentSource(
  env: NodeJS.ProcessEnv = process.env,
  local?: OpenSource,
  options: { reuse?: boolean } = {},
): Promise<ContentSource> {
  const url = (env.CMS_URL ?? '').trim()
  if (!url) {
    if (!local) throw new Error('No content source: set CMS_URL to read a remote CMS, or run this where the CMS database is (npm run site:build, npm start, npm run jobs).')
    return local({ reuse: options.reuse === true })
  }
  try {
    const u = new URL(url)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol')
  } catch {
    throw new Error(`CMS_URL must be the CMS's http(s) address, e.g. https://cms.example.org; got "${url}".`)
  }
  return restSource({
    url,
    apiKey: env.CMS_API_KEY?.trim() || undefined,
    cacheDir: path.resolve(env.SITE_CACHE_DIR || 'data/site-cache'),
    locales: getLocaleCodes(),
    defaultLocale: getDefaultLocale(),
  })
}
