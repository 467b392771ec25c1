import { getTranslation } from '@payloadcms/translations'
import { Button, Card } from '@payloadcms/ui'
import { EntityType, getNavGroups, getVisibleEntities } from '@payloadcms/ui/shared'
import { getAccessResults, type PayloadRequest } from 'payload'
import React from 'react'

import { countsOf } from './counts'

/**
 * The dashboard's collection cards with what is in each ("Paskelbta: 12 · juodraščiai:
 * 3"), counted with the staff member's own access. Payload's own widget, otherwise
 * (its "create" button was named "[object Object]" for translated labels).
 */
export async function CollectionCards({ req }: { req: PayloadRequest }) {
  const { i18n, payload } = req
  const lang = i18n.language
  const admin = payload.config.routes.admin
  const permissions = await getAccessResults({ req })
  const groups = getNavGroups(permissions, getVisibleEntities({ req }), payload.config, i18n)
  const slugs = groups.flatMap((g) => g.entities.filter((e) => e.type === EntityType.collection).map((e) => e.slug))
  const counts = new Map(await Promise.all(slugs.map(async (slug) => [slug, await countsOf(req, slug, lang)] as const)))
  return (
    <div className="collections atvira-collections">
      <div className="collections__wrap">
        {groups.map((group) => (
          <div className="collections__group" key={group.label}>
            <h2 className="collections__label">{group.label}</h2>
            <ul className="collections__card-list">
              {group.entities.map(({ slug, type, label }) => {
                const title = getTranslation(label, i18n)
                const collection = type === EntityType.collection
                const count = counts.get(slug)
                const canCreate = collection && permissions.collections?.[slug]?.create
                return (
                  <li key={slug}>
                    <Card
                      id={`card-${slug}`}
                      href={`${admin}/${collection ? 'collections' : 'globals'}/${slug}`}
                      buttonAriaLabel={
                        collection
                          ? i18n.t('general:showAllLabel', { label: title })
                          : i18n.t('general:editLabel', { label: title })
                      }
                      title={
                        (
                          <>
                            {title}
                            {count && <span className="atvira-card-count">{count}</span>}
                          </>
                        ) as unknown as string
                      }
                      titleAs="h3"
                      actions={
                        canCreate ? (
                          <Button
                            aria-label={i18n.t('general:createNewLabel', { label: title })}
                            buttonStyle="icon-label"
                            el="link"
                            icon="plus"
                            iconStyle="with-border"
                            round
                            to={`${admin}/collections/${slug}/create`}
                          />
                        ) : undefined
                      }
                    />
                  </li>
                )
              })}
            </ul>
          </div>
        ))}
      </div>
    </div>
  )
}
