import type { CollectionConfig, Config } from 'payload'
import { describe, expect, it } from 'vitest'

import { adminLanguagePlugin } from '../../cms/plugins/adminLanguage'
import { consultationsPlugin } from '../../cms/plugins/consultations'
import { newsletterPlugin } from '../../cms/plugins/newsletter'
import { notifySubscribersAfterChange, notifySubscribersBeforeChange, withdrawDeletedChanges } from '../../cms/plugins/newsletter/changes'
import { publishingPlugin } from '../../cms/plugins/publishing'
import { noteAddressesBeforeChange, noteAddressesBeforeDelete, recordAddressesAfterChange, recordAddressesAfterDelete } from '../../cms/plugins/publishing/addresses/hooks'
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
    expect(slugs(config)).toEqual(['news', 'services', 'consultations', 'consultation-responses', 'pages', 'users', 'site-builds', 'subscribers', 'content-changes', 'newsletter-runs', 'email-outbox', 'redirects'])
    expect(config.jobs?.tasks?.map((t) => t.slug)).toEqual(['siteUpdate', 'siteBoundary', 'newsletterFanOut', 'newsletterDigest'])
  })

  it("append their hooks after the collection's own, the site update and its old addresses before the subscribers' notice", async () => {
    const config = await apply(base(), publishingPlugin({ collections: ['news', 'pages'], globals: ['settings'] }), newsletterPlugin({ collections: ['news'] }))
    const news = find(config, 'news')
    expect(news.hooks?.beforeChange).toEqual([own, noteAddressesBeforeChange, notifySubscribersBeforeChange])
    expect(news.hooks?.afterChange).toEqual([own, siteUpdateAfterChange, recordAddressesAfterChange, notifySubscribersAfterChange])
    expect(news.hooks?.beforeDelete).toEqual([noteAddressesBeforeDelete])
    expect(news.hooks?.afterDelete).toEqual([own, siteUpdateAfterDelete, recordAddressesAfterDelete, withdrawDeletedChanges])
    expect(find(config, 'pages').hooks?.afterChange).toEqual([own, siteUpdateAfterChange, recordAddressesAfterChange])
    expect(find(config, 'services').hooks?.afterChange).toEqual([own])
    expect(config.globals?.[0]?.hooks?.afterChange).toEqual([own, siteUpdateAfterGlobalChange])
  })

  it('put what an address does once unpublished before the ownership fields of every collection with pages', async () => {
    const config = await apply(base(), publishingPlugin({ collections: ['news', 'pages'], globals: ['settings'] }))
    expect(find(config, 'news').fields.map((f) => ('name' in f ? f.name : f.type))).toEqual(['title', 'onTheSite', 'unpublishAs', 'replacedBy', 'createdBy'])
    expect(find(config, 'services').fields.map((f) => ('name' in f ? f.name : f.type))).toEqual(['title', 'createdBy'])
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

describe('the admin language plugin', () => {
  const named = async () => {
    const config = await apply(
      base(),
      consultationsPlugin({ after: 'services' }),
      publishingPlugin({ collections: ['news', 'consultations'], globals: ['settings'], after: 'users' }),
      newsletterPlugin({ collections: ['news'], after: 'site-builds' }),
    )
    config.collections = config.collections!.map((c) => ({ ...c, admin: { ...c.admin, group: 'Content' } }))
    return apply(config, adminLanguagePlugin({ timeZone: 'Europe/Vilnius', translations: { lt: { error: { userLocked: 'Užrakinta' } } } }))
  }

  it('names every collection, global and group in Lithuanian and English, from the registry and the catalogue', async () => {
    const config = await named()
    for (const c of config.collections!) {
      const { singular, plural } = c.labels as { singular: Record<string, string>; plural: Record<string, string> }
      expect(Object.keys(singular).sort(), c.slug).toEqual(['en', 'lt'])
      for (const form of [singular, plural]) for (const text of Object.values(form)) expect(text, c.slug).toMatch(/\p{L}/u)
      expect(c.admin?.group).toEqual({ en: 'Content', lt: 'Turinys' })
    }
    // Content types by their registry entry; the rest by admin.collection.* keys.
    expect(find(config, 'news').labels).toEqual({ singular: { en: 'News item', lt: 'Naujiena' }, plural: { en: 'News', lt: 'Naujienos' } })
    expect(find(config, 'subscribers').labels?.plural).toEqual({ en: 'Subscribers', lt: 'Prenumeratoriai' })
    expect(config.globals![0]!.label).toEqual({ en: 'Settings', lt: 'Nustatymai' })
  })

  it("offers Payload's Lithuanian and English (English for a client asking for neither), 24-hour dates, the city's time zone", async () => {
    const config = await named()
    expect(Object.keys(config.i18n?.supportedLanguages ?? {})).toEqual(['lt', 'en'])
    expect(config.i18n?.fallbackLanguage).toBe('en')
    expect((config.i18n?.supportedLanguages as Record<string, { translations: { general: { dashboard: string } } }>).lt!.translations.general.dashboard).not.toBe('Dashboard')
    expect(config.i18n?.translations).toMatchObject({ lt: { error: { userLocked: 'Užrakinta' } } })
    // The account page's "Payload Settings" names the tool, not what it sets.
    expect(config.i18n?.translations).toMatchObject({ lt: { general: { payloadSettings: 'Sąsajos nustatymai' } }, en: { general: { payloadSettings: 'Interface settings' } } })
    expect(config.admin?.dateFormat).toMatch(/HH:mm/)
    expect(config.admin?.dateFormat).not.toMatch(/a|h/)
    expect(config.admin?.timezones?.defaultTimezone).toBe('Europe/Vilnius')
    expect((config.admin?.timezones?.supportedTimezones as { value: string }[]).map((z) => z.value)).toEqual(['Europe/Vilnius', 'UTC'])
  })

  it('refuses a collection, global or group without names, saying what to add', async () => {
    const unnamed = { ...base(), collections: [{ slug: 'mystery', fields: [] }] } as Config
    await expect(apply(unnamed, adminLanguagePlugin({ timeZone: 'UTC' }))).rejects.toThrow(/admin\.collection\.mystery\.singular/)
    const grouped = { ...base(), collections: [{ slug: 'users', fields: [], admin: { group: 'Misc' } }] } as Config
    await expect(apply(grouped, adminLanguagePlugin({ timeZone: 'UTC' }))).rejects.toThrow(/admin group "Misc".*groupKeys/)
    const global = { ...base(), collections: [], globals: [{ slug: 'footer', fields: [] }] } as unknown as Config
    await expect(apply(global, adminLanguagePlugin({ timeZone: 'UTC' }))).rejects.toThrow(/admin\.global\.footer/)
  })
})
