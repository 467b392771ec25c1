import type { Payload, PayloadRequest } from 'payload'

export type SiteChange = {
  collection: string
  id?: string | number
  title?: string
  operation: 'publish' | 'update' | 'unpublish' | 'delete' | 'schedule'
  at: string
}

/** How long a burst of saves is collected into one build. */
export function debounceMs(): number {
  const n = Number(process.env.SITE_BUILD_DEBOUNCE_MS ?? 1500)
  return Number.isFinite(n) && n >= 0 ? n : 1500
}

/**
 * Asks for a site update. Saves arriving while an update is still queued join it, so
 * a burst of twenty saves makes one build (two if one was already running).
 */
export async function requestSiteUpdate(payload: Payload, change: SiteChange, req?: PayloadRequest): Promise<void> {
  const pending = await payload.find({
    collection: 'site-builds',
    where: { status: { equals: 'queued' } },
    sort: 'requestedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const existing = pending.docs[0]
  if (existing) {
    const changes = Array.isArray(existing.changes) ? (existing.changes as SiteChange[]) : []
    await payload.update({
      collection: 'site-builds',
      id: existing.id,
      data: { changes: [...changes, change].slice(-200), summary: summarize([...changes, change]) },
      depth: 0,
      overrideAccess: true,
      req,
    })
    return
  }
  const row = await payload.create({
    collection: 'site-builds',
    data: { status: 'queued', requestedAt: new Date().toISOString(), changes: [change], summary: summarize([change]) },
    depth: 0,
    overrideAccess: true,
    req,
  })
  await payload.jobs.queue({
    task: 'siteUpdate',
    queue: 'site',
    input: { buildId: String(row.id) },
    waitUntil: new Date(Date.now() + debounceMs()),
    req,
  } as never)
}

function summarize(changes: SiteChange[]): string {
  const first = changes[0]
  if (!first) return 'Site update'
  const label = `${first.operation} ${first.collection}${first.title ? `: ${first.title}` : ''}`
  return changes.length > 1 ? `${label} (+${changes.length - 1} more)` : label
}
