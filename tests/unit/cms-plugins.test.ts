import type { CollectionConfig, Config } from 'payload'
import { describe, expect, it } from 'vitest'

import { consultationsPlugin } from '../../cms/plugins/consultations'
import { newsletterPlugin } from '../../cms/plugins/newsletter'
import { notifySubscribersAfterChange, notifySubscribersBeforeChange, withdrawDeletedChanges } from '../../cms/plugins/newsletter/changes'
import { publishingPlugin } from '../../cms/plugins/publishing'
import { siteUpdateAfterChange, siteUpdateAfterDelete, siteUpdateAfterGlobalChange } from '../../cms/plugins/publishing/hooks/siteUpdates'

const own = () => undefined
const content = (slug: string): CollectionConfig => ({
  slug,
  fields: [
    { name: 'title', type: 'text' },
    { name: 'createdBy', type: 'text' },
  ],
  hooks: { beforeChange: [own], afterChange: [own], afterDelete: [own] },
})
const base = (): Config =>
  ({
    collections: [content('news'), content('services'), content('pages'), { slug: 'users', fields: [] }],
    globals: [{ slug: 'settings', fields: [], hooks: { afterChange: [own] } }],
    jobs: { tasks: [] },
  }) as unknown as Config

const apply = async (config: Config, ...plugins: ((c: Config) => Config | Promise<Config>)[]) => {
  for (const plugin of plugins) config = await plugin(config)
  return config
}
const slugs = (c: Config) => (c.collections ?? []).map((x) => x.slug)
const find = (c: Config, slug: string) => c.collections!.find((x) => x.slug === slug)!

describe('the feature plugins', () => {
  it('place their collections where the admin navigation had them', async () => {
    const config = await apply(
      base(),
      consultationsPlugin({ after: 'services' }),
      publishingPlugin({ collections: ['news', 'consultations'], globals: ['settings'], after: 'users' }),
      newsletterPlugin({ collections: ['news'], after: 'site-builds' }),
    )
    expect(slugs(config)).toEqual(['news', 'services', 'consultations', 'consultation-responses', 'pages', 'users', 'site-builds', 'subscribers', 'content-changes', 'newsletter-runs', 'email-outbox'])
    expect(config.jobs?.tasks?.map((t) => t.slug)).toEqual(['siteUpdate', 'siteBoundary', 'newsletterFanOut', 'newsletterDigest'])
  })

  it("append their hooks after the collection's own, the site update before the subscribers' notice", async () => {
    const config = await apply(base(), publishingPlugin({ collections: ['news', 'pages'], globals: ['settings'] }), newsletterPlugin({ collections: ['news'] }))
    const news = find(config, 'news')
    expect(news.hooks?.beforeChange).toEqual([own, notifySubscribersBeforeChange])
    expect(news.hooks?.afterChange).toEqual([own, siteUpdateAfterChange, notifySubscribersAfterChange])
    expect(news.hooks?.afterDelete).toEqual([own, siteUpdateAfterDelete, withdrawDeletedChanges])
    expect(find(config, 'pages').hooks?.afterChange).toEqual([own, siteUpdateAfterChange])
    expect(find(config, 'services').hooks?.afterChange).toEqual([own])
    expect(config.globals?.[0]?.hooks?.afterChange).toEqual([own, siteUpdateAfterGlobalChange])
  })

  it('put the notify tick before the ownership fields of the collections subscribers hear about', async () => {
    const config = await apply(base(), newsletterPlugin({ collections: ['news'] }))
    expect(find(config, 'news').fields.map((f) => ('name' in f ? f.name : f.type))).toEqual(['title', 'notifySubscribers', 'createdBy'])
    expect(find(config, 'pages').fields.map((f) => ('name' in f ? f.name : f.type))).toEqual(['title', 'createdBy'])
  })

  it('refuse collections and globals the config does not have, saying where to fix it', async () => {
    await expect(apply(base(), newsletterPlugin({ collections: ['newz'] }))).rejects.toThrow(/newsletter plugin was given collections the config does not have: newz.*cms\/payload\.config\.ts/)
    await expect(apply(base(), publishingPlugin({ collections: [], globals: ['setings'] }))).rejects.toThrow(/globals the config does not have: setings/)
    await expect(apply(base(), consultationsPlugin({ after: 'servces' }))).rejects.toThrow(/after "servces": no such collection/)
  })
})
