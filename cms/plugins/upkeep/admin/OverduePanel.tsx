import type { Payload, PayloadRequest } from 'payload'
import React from 'react'

import { panelBox } from '../../../lib/adminPanel'
import { roleOf } from '../../../access/roles'
import { t } from '../../../model/i18n'
import { collectionLabels } from '../../adminLanguage'
import { cityDay, overdueReviews } from '../overdue'

/** The dashboard's list of live pages past their review-by date (editors and admins). */
export async function OverduePanel({ payload, user, i18n, collections }: { payload: Payload; user?: PayloadRequest['user']; i18n?: { language?: string }; collections: readonly string[] }) {
  const role = roleOf(user)
  if (role !== 'editor' && role !== 'admin') return null
  const lang = i18n?.language === 'lt' ? 'lt' : 'en'
  const items = await overdueReviews(payload, collections)
  return (
    <section className="atvira-overdue" style={panelBox} aria-labelledby="atvira-overdue-title">
      <h2 id="atvira-overdue-title" style={{ marginTop: 0 }}>
        {t(lang, 'admin.upkeep.overdue')} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p>{t(lang, 'admin.upkeep.none')}</p>
      ) : (
        <ul>
          {items.slice(0, 20).map((item) => (
            <li key={`${item.collection}:${String(item.id)}`}>
              <a href={`/admin/collections/${item.collection}/${String(item.id)}`}>{item.title}</a> ({collectionLabels(item.collection).singular[lang]}):{' '}
              {t(lang, 'admin.upkeep.due', { date: cityDay(item.reviewBy) })}
              {item.owner ? <>, {t(lang, 'admin.upkeep.owner', { owner: item.owner })}</> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
