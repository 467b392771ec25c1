import type { Payload } from 'payload'

import { getDefaultLocale, getLocaleCodes } from '../../../cms/model/locales'
import { settings } from '../../../cms/model/env'
import { localSource } from '../../../cms/plugins/publishing/localSource'
import { restSource } from './rest'
import type { ContentSource } from '../../../cms/model/source'

export type { ContentSource } from '../../../cms/model/source'

/**
 * The site's one way to the CMS: the local database by default, or a remote Payload
 * over REST when CMS_URL is set (with CMS_API_KEY when the CMS requires one).
 */
export async function openContentSource(
  env?: NodeJS.ProcessEnv,
  payload?: Payload,
): Promise<ContentSource> {
  const { CMS_URL: url, CMS_API_KEY, SITE_CACHE_DIR } = settings(env)
  if (!url) return localSource(payload)
  return restSource({
    url,
    apiKey: CMS_API_KEY,
    cacheDir: SITE_CACHE_DIR,
    locales: getLocaleCodes(),
    defaultLocale: getDefaultLocale(),
  })
}
