import type { CheckboxField, CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { Consultation, Guide, Leaflet, News } from '../../payload-types'

import { docPath } from '../../model/routes'
import type { Collection } from '../../model/snapshot'
import { isSeeding } from '../../hooks/context'
import { isDraftSave } from '../../hooks/draftSave'
import { wasLive } from '../../hooks/wasLive'
import { getDefaultLocale, getLocaleCodes } from '../../model/locales'
import { newsletterConfig } from './config'
import type { ChangeEntry } from './store/types'
import { asLocale } from '../../lib/locale'

/** What subscribers can hear about: the collections given to the newsletter plugin. */
type NotifiableSlug = 'news' | 'guides' | 'leaflets' | 'consultations'
type Notifiable = News | Guide | Leaflet | Consultation

const NOTIFY_UPDATE = 'atviraNotifyUpdate'

export const notifyField: CheckboxField = {
  name: 'notifySubscribers',
  type: 'checkbox',
  defaultValue: false,
  label: 'Notify subscribers of this update',
  admin: {
    position: 'sidebar',
    description: 'Subscribers hear about a document when it is first published. Tick this before publishing a major update to tell them again.',
  },
}

/** The tick is a one-off request: consumed by the publish that carries it. */
export const notifySubscribersBeforeChange: CollectionBeforeChangeHook<Notifiable> = ({ data, context }) => {
  if (data?.notifySubscribers && data._status === 'published') {
    context[NOTIFY_UPDATE] = true
    data.notifySubscribers = false
  }
  return data
}

export const notifySubscribersAfterChange: CollectionAfterChangeHook<Notifiable> = async ({ doc, previousDoc, req, collection, context }) => {
  if (isSeeding(context) || isDraftSave(context)) return doc
  const before = wasLive(context, collection.slug, doc, previousDoc)
  if (doc._status !== 'published') {
    // Unpublished: whatever is still waiting to be sent about it must not go out.
    if (before) await setWithdrawn(req, collection.slug, doc.id, new Date())
    return doc
  }
  // Published again after an unpublish: it may be announced again where it was not yet.
  if (!before) await setWithdrawn(req, collection.slug, doc.id, null)
  const update = Boolean(context[NOTIFY_UPDATE])
  if (update) {
    await recordChange(req, collection.slug as NotifiableSlug, doc, 'updated')
    return doc
  }
  // Consultations are announced when they open and when their outcome is out.
  if (collection.slug === 'consultations') {
    await recordConsultationMoments(req, doc as Consultation)
    return doc
  }
  if (before) return doc
  await recordChange(req, collection.slug as NotifiableSlug, doc, 'published')
  return doc
}

/**
 * A deleted document is never mentioned in an email again. Its changes also stop naming
 * its id: SQLite gives a deleted row's id to the next document created, which must be
 * announced as new (its keys free) and whose unpublishing and publishing again must not
 * touch the deleted one's changes.
 */
export const withdrawDeletedChanges: CollectionAfterDeleteHook<Notifiable> = async ({ collection, context, doc, req }) => {
  if (isSeeding(context)) return doc
  const now = new Date()
  const { docs } = await req.payload.find({
    collection: 'content-changes',
    where: { and: [{ docCollection: { equals: collection.slug } }, { docId: { equals: String(doc.id) } }] },
    pagination: false,
    depth: 0,
    req,
    overrideAccess: true,
  })
  const deleted = `deleted:${now.getTime()}`
  for (const change of docs) {
    await req.payload.update({
      collection: 'content-changes',
      id: change.id,
      data: { key: `${change.key}:${deleted}`, docId: `${change.docId}:${deleted}`, withdrawnAt: change.withdrawnAt ?? now.toISOString() },
      depth: 0,
      req,
      overrideAccess: true,
    })
  }
  return doc
}

/**
 * Marks (or, with `at` null, unmarks) every recorded change of a document as withdrawn.
 * Digests built later leave it out, and the dispatcher checks again before each send,
 * so a digest already queued does not carry it either.
 */
async function setWithdrawn(req: PayloadRequest, collection: string, id: unknown, at: Date | null): Promise<void> {
  await req.payload.update({
    collection: 'content-changes',
    where: {
      and: [
        { docCollection: { equals: collection } },
        { docId: { equals: String(id) } },
        at ? { withdrawnAt: { exists: false } } : { withdrawnAt: { exists: true } },
      ],
    },
    data: { withdrawnAt: at ? at.toISOString() : null },
    depth: 0,
    req,
    overrideAccess: true,
  })
}

/**
 * "Consultation opened" once it is open, "outcome published" once the outcome is out.
 * Called on every publish and at the opening and outcome times (cms/plugins/consultations/moments.ts);
 * the change keys make each announcement happen once.
 */
export async function recordConsultationMoments(req: PayloadRequest, doc: Consultation, now = new Date()): Promise<void> {
  if (doc._status !== 'published') return
  const opensAt = Date.parse(String(doc.opensAt))
  const closesAt = Date.parse(String(doc.closesAt))
  if (opensAt <= now.getTime() && now.getTime() < closesAt) await recordChange(req, 'consultations', doc, 'opened', now)
  const outcome = doc.outcome
  if (outcome?.publishedAt && outcome.summary && Date.parse(outcome.publishedAt) <= now.getTime()) await recordChange(req, 'consultations', doc, 'outcome', now)
}

/**
 * Records what subscribers will be told: the document's title, summary and URL in every
 * locale it is published in, as of now. The key makes a first publication count once,
 * however often the document is unpublished and published again.
 */
async function recordChange(
  req: PayloadRequest,
  collection: NotifiableSlug,
  doc: Notifiable,
  kind: 'published' | 'updated' | 'opened' | 'outcome',
  now = new Date(),
): Promise<string | null> {
  const id = String(doc.id)
  const key = kind === 'updated' ? `updated:${collection}:${id}:${now.getTime()}` : `${kind}:${collection}:${id}`
  const existing = await req.payload.find({ collection: 'content-changes', where: { key: { equals: key } }, limit: 1, depth: 0, req, overrideAccess: true })
  if (existing.docs.length > 0) return null

  const { siteUrl } = newsletterConfig()
  const defaultLocale = getDefaultLocale()
  const entries: Record<string, ChangeEntry> = {}
  for (const locale of getLocaleCodes()) {
    // Without fallback, a field not translated into this locale reads as empty.
    const localized: Partial<Notifiable> = await req.payload.findByID({
      collection,
      id,
      locale: asLocale(locale),
      fallbackLocale: false,
      depth: 0,
      req,
      overrideAccess: true,
    })
    const title = typeof localized.title === 'string' ? localized.title.trim() : ''
    const slug = typeof localized.slug === 'string' ? localized.slug : ''
    // A document exists in a locale when its title is translated (as on the site).
    if (!title || !slug) continue
    entries[locale] = {
      title,
      summary: typeof localized.summary === 'string' ? localized.summary : '',
      url: siteUrl + docPath(collection as Collection, [slug], locale, { defaultLocale }),
    }
  }
  if (Object.keys(entries).length === 0) return null
  const topicIds = (doc.topics ?? []).map((t) => String(typeof t === 'object' && t ? t.id : t))
  const created = await req.payload.create({
    collection: 'content-changes',
    data: {
      key,
      kind,
      title: entries[defaultLocale]?.title ?? Object.values(entries)[0]!.title,
      docCollection: collection,
      docId: id,
      urgent: collection === 'news' && 'urgent' in doc && doc.urgent === true,
      topicIds,
      entries,
      publishedAt: now.toISOString(),
    },
    req,
    overrideAccess: true,
  })
  await req.payload.jobs.queue({ task: 'newsletterFanOut', input: { changeId: String(created.id) }, queue: 'newsletter', req })
  req.payload.logger.info(`Newsletter: subscribers will hear that ${collection} ${id} was ${kind} (content change ${String(created.id)}).`)
  return String(created.id)
}
