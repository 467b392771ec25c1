import type { Payload, PayloadRequest } from 'payload'
import React from 'react'

import { panelBox } from '../../../lib/adminPanel'
import { documentTitle } from '../../../lib/titles'
import { roleOf } from '../../../access/roles'
import { t } from '../../../model/i18n'
import { collectionLabels } from '../../adminLanguage'

type Item = { collection: string; id: number | string; title: string; at?: string | null; comment?: string | null }

async function inReview(payload: Payload, collections: readonly string[], state: 'submitted' | 'returned', by?: number | string): Promise<Item[]> {
  const items: Item[] = []
  for (const collection of collections) {
    const where = by === undefined ? { 'review.state': { equals: state } } : { and: [{ 'review.state': { equals: state } }, { createdBy: { equals: by } }] }
    const found = await payload.find({ collection: collection as 'news', where: where as never, draft: true, depth: 0, limit: 50, overrideAccess: true })
    for (const d of found.docs as unknown as Record<string, unknown>[]) {
      const review = (d.review ?? {}) as { at?: string | null; comment?: string | null }
      items.push({ collection, id: d.id as number | string, title: documentTitle(collection, d as { id: unknown }), at: review.at, comment: review.comment })
    }
  }
  return items.sort((a, b) => String(a.at ?? '').localeCompare(String(b.at ?? '')))
}

/**
 * The dashboard's first panel: what needs someone's attention now. Editors and admins:
 * drafts waiting for review (oldest first) and a failed site build newer than the last
 * good one. Authors: their drafts an editor returned, with the comment.
 */
export async function AttentionPanel({ payload, user, i18n, collections }: { payload: Payload; user?: PayloadRequest['user']; i18n?: { language?: string }; collections: readonly string[] }) {
  const role = roleOf(user)
  if (role === null) return null
  const lang = i18n?.language ?? 'en'
  const items = role === 'author' ? await inReview(payload, collections, 'returned', user!.id) : await inReview(payload, collections, 'submitted')
  const builds = role === 'author' ? [] : (await payload.find({ collection: 'site-builds', sort: '-requestedAt', limit: 20, depth: 0, overrideAccess: true })).docs
  const lastGood = builds.findIndex((b) => b.status === 'succeeded')
  const failed = builds.slice(0, lastGood < 0 ? builds.length : lastGood).find((b) => b.status === 'failed')
  const heading = role === 'author' ? 'admin.attention.returned' : 'admin.attention.waiting'
  return (
    <section className="atvira-attention" style={panelBox} aria-labelledby="atvira-attention-title">
      <h2 id="atvira-attention-title" style={{ marginTop: 0 }}>
        {t(lang, 'admin.attention.title')}
      </h2>
      <h3>
        {t(lang, heading)} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p>{t(lang, 'admin.attention.none')}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={`${item.collection}:${String(item.id)}`}>
              <a href={`/admin/collections/${item.collection}/${String(item.id)}`}>{item.title}</a> ({collectionLabels(item.collection).singular[lang === 'lt' ? 'lt' : 'en']})
              {role === 'author' && item.comment ? <>: {item.comment}</> : null}
            </li>
          ))}
        </ul>
      )}
      {failed && (
        <p role="alert">
          {t(lang, 'admin.attention.buildFailed')} <a href={`/admin/collections/site-builds/${String(failed.id)}`}>{String(failed.summary ?? failed.id)}</a>
        </p>
      )}
    </section>
  )
}
