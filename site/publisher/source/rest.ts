import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { politeFetch } from './politeFetch'
import type { ContentSource, RawDoc, ResponseFacts, SourceCollection } from '../../../cms/model/source'

export type RestOptions = {
  url: string
  apiKey?: string
  /** A signed-in editor's credential (previews): `JWT <token>`. */
  authorization?: string
  /** Previews: this document is read as its latest draft, everything else as published. */
  draftOf?: { collection: string; id: string }
  cacheDir: string
  locales: string[]
  defaultLocale: string
  fetch?: typeof fetch
}

/**
 * Reads a remote Payload over REST, so the site can be built on another machine. Every
 * query asks for published documents explicitly, whatever the API key may read.
 */
export function restSource(options: RestOptions): ContentSource {
  const base = options.url.replace(/\/$/, '')
  const doFetch = options.fetch ?? fetch
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.apiKey) headers.authorization = `users API-Key ${options.apiKey}`
  if (options.authorization) headers.authorization = options.authorization

  const politely = (url: string | URL, timeoutMs: number) => politeFetch(url, { headers, timeoutMs }, { fetchImpl: doFetch })

  async function get(pathAndQuery: string): Promise<unknown> {
    const url = `${base}${pathAndQuery}`
    let res: Response
    try {
      res = await politely(url, 30_000)
    } catch (error) {
      throw new Error(`Cannot reach the CMS at ${base} (${(error as Error).message}). Check CMS_URL.`, { cause: error })
    }
    if (!res.ok) {
      throw new Error(`The CMS answered ${res.status} for ${url}. Check CMS_URL and CMS_API_KEY.`)
    }
    return res.json()
  }

  async function all(collection: string, query: Record<string, string>): Promise<RawDoc[]> {
    const docs: RawDoc[] = []
    for (let page = 1; ; page++) {
      const qs = new URLSearchParams({ ...query, depth: '0', limit: '100', page: String(page) })
      const body = (await get(`/api/${collection}?${qs}`)) as { docs: RawDoc[]; hasNextPage: boolean }
      docs.push(...body.docs)
      if (!body.hasNextPage) return docs
    }
  }

  return {
    name: `CMS at ${base}`,
    locales: () => ({ locales: options.locales, defaultLocale: options.defaultLocale }),
    async published(collection: SourceCollection, locale: string, fallback: boolean) {
      const docs = await all(collection, {
        locale,
        'fallback-locale': fallback ? options.defaultLocale : 'none',
        draft: 'false',
        'where[_status][equals]': 'published',
      })
      const draft = options.draftOf
      if (draft?.collection !== collection) return docs
      const qs = new URLSearchParams({ locale, 'fallback-locale': fallback ? options.defaultLocale : 'none', draft: 'true', depth: '0' })
      const latest = (await get(`/api/${collection}/${encodeURIComponent(draft.id)}?${qs}`)) as RawDoc
      // Shown as if published, so the page renders exactly as it will go live.
      return [...docs.filter((d) => String(d.id) !== String(latest.id)), { ...latest, _status: 'published' }]
    },
    uploads(collection, locale) {
      return all(collection, { locale })
    },
    async settings(locale) {
      return (await get(`/api/globals/settings?locale=${encodeURIComponent(locale)}&depth=0&draft=false`)) as Record<
        string,
        unknown
      >
    },
    redirects() {
      return all('redirects', { sort: 'from' })
    },
    async responseFacts() {
      return (await get('/api/consultation-responses/public')) as ResponseFacts
    },
    async filePath(collection, filename, url) {
      // Downloaded once and kept between builds: a file name changes when its content does.
      const dir = path.join(options.cacheDir, collection)
      const file = path.join(dir, filename)
      if (fs.existsSync(file)) return file
      fs.mkdirSync(dir, { recursive: true })
      const res = await politely(new URL(url ?? `/api/${collection}/file/${filename}`, `${base}/`), 60_000)
      if (!res.ok) throw new Error(`Could not download ${filename} from the CMS (${res.status}).`)
      const tmp = `${file}.${crypto.randomBytes(4).toString('hex')}.tmp`
      fs.writeFileSync(tmp, Buffer.from(await res.arrayBuffer()))
      fs.renameSync(tmp, file)
      return file
    },
    close: async () => {},
  }
}
