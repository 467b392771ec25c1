import type { Payload } from 'payload'
import path from 'node:path'

import { getDefaultLocale, getLocaleCodes } from '../../../cms/model/locales'
import { localSource } from '../../../cms/plugins/publishing/localSource'
import { restSource } from './rest'
import type { ContentSource } from '../../../cms/model/source'

export type { ContentSource } from '../../../cms/model/source'

/**
 * The site's one way to the CMS: the local database by default, or a remote Payload
 * over REST when CMS_URL is set (with CMS_API_KEY when the CMS requires one).
 */
export async function openContentSource(
  env: NodeJS.ProcessEnv = process.env,
  payload?: Payload,
): Promise<ContentSource> {
  const url = (env.CMS_URL ?? '').trim()
  if (!url) return localSource(payload)
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
