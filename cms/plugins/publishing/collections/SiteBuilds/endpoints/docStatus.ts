import type { Endpoint, PayloadRequest } from 'payload'

import { roleOf } from '../../../../../access/roles'
import { settings } from '../../../../../model/env'
import { absoluteUrl } from '../../../../../model/routes'
import { livePaths } from '../../../addresses/livePaths'
import { addressedCollections } from '../../Redirects'
import { debounceMs } from '../../../siteUpdates'

type BuildRow = { status: string; requestedAt?: string | null; startedAt?: string | null; durationMs?: number | null; error?: string | null; changes?: unknown }

export type DocSiteStatus = {
  /** Where the site shows the document now (absolute), per locale. */
  live: Record<string, string>
  /** An update that includes its latest change and has not gone live yet. */
  pending: { status: 'queued' | 'running'; etaSeconds: number } | null
  /** The newest update that included it failed (the site still shows the one before). */
  failed: { error: string } | null
}

const mentions = (row: BuildRow, collection: string, id: string) =>
  Array.isArray(row.changes) && row.changes.some((c) => (c as { collection?: unknown }).collection === collection && String((c as { id?: unknown }).id) === id)

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 15_000
}

/**
 * `GET /api/site-builds/for?collection=news&id=5`: is the document on the site, and if
 * its change is on the way, about how long until it shows (from the recent builds'
 * typical duration). Staff only; what the edit view's site box shows.
 */
export async function docSiteStatus(req: PayloadRequest, collection: string, id: string): Promise<DocSiteStatus> {
  const recent = (await req.payload.find({ collection: 'site-builds', sort: '-requestedAt', limit: 30, depth: 0, overrideAccess: true, req })).docs as unknown as BuildRow[]
  const typical = median(recent.filter((r) => r.status === 'succeeded' && typeof r.durationMs === 'number').slice(0, 10).map((r) => r.durationMs!))
  const now = Date.now()
  const open = recent.find((r) => (r.status === 'queued' || r.status === 'running') && mentions(r, collection, id))
  let pending: DocSiteStatus['pending'] = null
  if (open) {
    const started = open.startedAt ? Date.parse(open.startedAt) : NaN
    const requested = open.requestedAt ? Date.parse(open.requestedAt) : now
    const leftMs = open.status === 'running' && Number.isFinite(started) ? typical - (now - started) : typical + Math.max(0, requested + debounceMs() - now)
    pending = { status: open.status as 'queued' | 'running', etaSeconds: Math.max(1, Math.round(leftMs / 1000)) }
  }
  const newest = recent.find((r) => mentions(r, collection, id))
  const failed = !open && newest?.status === 'failed' ? { error: String(newest.error ?? '').split('\n')[0]!.slice(0, 300) } : null
  const paths = await livePaths(req, collection, id)
  const siteUrl = settings().SITE_URL
  const live = Object.fromEntries(Object.entries(paths).map(([locale, p]) => [locale, absoluteUrl(siteUrl, p)]))
  return { live, pending, failed }
}

export const docSiteStatusEndpoint: Endpoint = {
  path: '/for',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    if (roleOf(req.user) === null) return Response.json({ errors: [{ message: 'Staff only: sign in to the admin.' }] }, { status: 403 })
    const params = new URL(req.url ?? '/', 'http://cms').searchParams
    const collection = params.get('collection') ?? ''
    const id = params.get('id') ?? ''
    if (!(addressedCollections as readonly string[]).includes(collection) || !/^[\w-]{1,64}$/.test(id)) {
      return Response.json({ errors: [{ message: `Give ?collection= (one of ${addressedCollections.join(', ')}) and ?id= of a document.` }] }, { status: 400 })
    }
    return Response.json(await docSiteStatus(req, collection, id), { headers: { 'cache-control': 'no-store' } })
  },
}
