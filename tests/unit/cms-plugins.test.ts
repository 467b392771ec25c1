import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { CollectionConfig, Config, Field, SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { seoPlugin } from '@payloadcms/plugin-seo'

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

  it('names every collection, global and group in Lithuanian, English and Ukrainian, from the registry and the catalogue', async () => {
    const config = await named()
    for (const c of config.collections!) {
      const { singular, plural } = c.labels as { singular: Record<string, string>; plural: Record<string, string> }
      expect(Object.keys(singular).sort(), c.slug).toEqual(['en', 'lt', 'uk'])
      for (const form of [singular, plural]) for (const text of Object.values(form)) expect(text, c.slug).toMatch(/\p{L}/u)
      expect(c.admin?.group).toMatchObject({ en: 'Content', lt: 'Turinys' })
    }
    // Content types by their registry entry; the rest by admin.collection.* keys.
    expect(find(config, 'news').labels).toEqual({ singular: { en: 'News item', lt: 'Naujiena', uk: 'Новина' }, plural: { en: 'News', lt: 'Naujienos', uk: 'Новини' } })
    expect(find(config, 'subscribers').labels?.plural).toMatchObject({ en: 'Subscribers', lt: 'Prenumeratoriai', uk: expect.stringMatching(/\p{Script=Cyrillic}/u) })
    expect(config.globals![0]!.label).toMatchObject({ en: 'Settings', lt: 'Nustatymai', uk: expect.stringMatching(/\p{Script=Cyrillic}/u) })
  })

  it("offers Payload's Lithuanian, English and Ukrainian (English for a client asking for none), 24-hour dates, the city's time zone", async () => {
    const config = await named()
    expect(Object.keys(config.i18n?.supportedLanguages ?? {})).toEqual(['lt', 'en', 'uk'])
    expect(config.i18n?.fallbackLanguage).toBe('en')
    expect((config.i18n?.supportedLanguages as Record<string, { translations: { general: { dashboard: string } } }>).lt!.translations.general.dashboard).not.toBe('Dashboard')
    expect(config.i18n?.translations).toMatchObject({ lt: { error: { userLocked: 'Užrakinta' } } })
    // The account page's "Payload Settings" names the tool, not what it sets.
    expect(config.i18n?.translations).toMatchObject({ lt: { general: { payloadSettings: 'Sąsajos nustatymai' } }, en: { general: { payloadSettings: 'Interface settings' } } })
    expect(config.admin?.dateFormat).toMatch(/HH:mm/)
    expect(config.admin?.dateFormat).not.toMatch(/a|h/)
    // Date fields too (Payload's default picker reads "gruod. 2, 2026 3:04 popiet").
    const dates = config.collections!.flatMap((c) => (c.fields as { type: string; name?: string; hidden?: boolean; admin?: { hidden?: boolean; disabled?: boolean; date?: { displayFormat?: string; timeFormat?: string; pickerAppearance?: string } } }[]).filter((f) => f.type === 'date' && !f.hidden && !f.admin?.hidden && !f.admin?.disabled).map((f) => [`${c.slug}.${f.name}`, f.admin?.date] as const))
    expect(dates.length).toBeGreaterThan(2)
    for (const [name, date] of dates) {
      expect(date?.displayFormat, name).toBe(date?.pickerAppearance === 'dayAndTime' ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd')
      expect(date?.timeFormat, name).toBe('HH:mm')
    }
    expect(config.admin?.timezones?.defaultTimezone).toBe('Europe/Vilnius')
    expect((config.admin?.timezones?.supportedTimezones as { value: string }[]).map((z) => z.value)).toEqual(['Europe/Vilnius', 'UTC'])
  })

  it("keeps the plugins' own translations beside Atvira's words (the SEO fields in Lithuanian, not raw keys)", async () => {
    const withSeo = await apply(base(), seoPlugin({ collections: ['news'], tabbedUI: false }))
    withSeo.collections = withSeo.collections!.map((c) => ({ ...c, admin: { ...c.admin, group: 'Content' } }))
    const config = await apply(withSeo, adminLanguagePlugin({ timeZone: 'UTC', translations: { lt: { error: { userLocked: 'Užrakinta' } } } }))
    const lt = config.i18n?.translations?.lt as Record<string, Record<string, string>>
    expect(lt['plugin-seo']?.missing).toMatch(/\p{L}/u)
    expect(lt['plugin-seo']?.missing).not.toBe((config.i18n?.translations?.en as Record<string, Record<string, string>>)['plugin-seo']?.missing)
    expect(lt.error?.userLocked).toBe('Užrakinta')
    expect(lt.general?.payloadSettings).toBe('Sąsajos nustatymai')
    expect([lt.general?.true, lt.general?.false]).toEqual(['Taip', 'Ne'])
    expect([lt.version?.publishAllLocales, lt.version?.schedulePublish]).toEqual(['Paskelbti visomis kalbomis', 'Suplanuoti paskelbimą'])
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

type Words = { en: string; lt: string; uk: string }
type Loose = {
  name?: string
  type: string
  label?: unknown
  labels?: { singular?: unknown; plural?: unknown }
  hidden?: boolean
  admin?: { hidden?: boolean; disabled?: boolean; description?: unknown }
  options?: (string | { label: unknown; value: string })[]
  fields?: Field[]
  tabs?: { name?: string; label?: unknown; fields: Field[] }[]
  blocks?: { slug: string; labels?: { singular?: unknown; plural?: unknown }; fields: Field[] }[]
}

/** Every field staff can see, with its data path (rows and collapsibles add nothing to it). */
function* visibleFields(fields: Field[], parent: string[] = []): Generator<{ field: Loose; path: string }> {
  for (const field of fields as Loose[]) {
    if (field.hidden || field.admin?.hidden || field.admin?.disabled) continue
    const at = field.name ? [...parent, field.name] : parent
    if (field.name) yield { field, path: at.join('.') }
    if (field.fields) yield* visibleFields(field.fields, at)
    for (const tab of field.tabs ?? []) yield* visibleFields(tab.fields, tab.name ? [...at, tab.name] : at)
    for (const block of field.blocks ?? []) yield* visibleFields(block.fields, [...at, block.slug])
  }
}

/** Names, brands and codes that are the same word in both languages. */
const sameInBoth = new Set(['Facebook', 'Instagram', 'YouTube', 'X', 'LinkedIn', 'Mastodon'])

/** What is wrong with a label meant for both admin languages, or nothing. */
function wordsProblem(label: unknown): string | undefined {
  if (typeof label !== 'object' || label === null) return `not in both languages: ${JSON.stringify(label)}`
  const { en, lt, uk, ...other } = label as Partial<Words>
  if (Object.keys(other).length > 0 || typeof en !== 'string' || typeof lt !== 'string' || typeof uk !== 'string') return `not exactly { en, lt, uk }: ${JSON.stringify(label)}`
  if (!/\p{L}/u.test(en) || !/\p{L}/u.test(lt) || !/\p{L}/u.test(uk)) return `empty: ${JSON.stringify(label)}`
  if (en === lt && !sameInBoth.has(en)) return `the same in both languages: "${en}"`
  if (!sameInBoth.has(en) && !/\p{Script=Cyrillic}/u.test(uk)) return `not in Ukrainian: "${uk}"`
  return undefined
}

/** Every label, description and option of what staff see that is not in both languages. */
function untranslated(config: SanitizedConfig): string[] {
  const problems: string[] = []
  const note = (where: string, problem: string | undefined) => problem && problems.push(`${where}: ${problem}`)
  const entities = [...config.collections.filter((c) => c.admin?.hidden !== true), ...config.globals.filter((g) => g.admin?.hidden !== true)]
  for (const entity of entities) {
    const description = entity.admin?.description
    if (typeof description === 'string') note(entity.slug, `description "${description}"`)
    for (const { field, path } of visibleFields(entity.fields)) {
      const where = `${entity.slug}.${path}`
      // Payload's own fields (the e-mail, the API key switch, the draft status) translate themselves.
      if (['email', 'enableAPIKey', '_status'].includes(path) && typeof field.label === 'function') continue
      note(where, wordsProblem(field.label))
      if (field.admin?.description !== undefined) note(`${where} (description)`, wordsProblem(field.admin.description))
      for (const o of field.options ?? []) note(`${where} (option ${typeof o === 'string' ? o : o.value})`, wordsProblem(typeof o === 'string' ? o : o.label))
      if (field.type === 'array' || field.type === 'blocks') for (const form of ['singular', 'plural'] as const) note(`${where} (row ${form})`, wordsProblem(field.labels?.[form]))
    }
  }
  return problems
}

/** The config `npm start` runs, assembled from cms/payload.config.ts on a throwaway directory. */
async function assembledConfig(): Promise<SanitizedConfig> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-labels-'))
  Object.assign(process.env, { PAYLOAD_SECRET: 'x'.repeat(40), DATABASE_URL: `file:${path.join(dir, 'test.db')}`, MEDIA_DIR: path.join(dir, 'media') })
  return (await import('../../cms/payload.config')).default
}

const fieldAt = (config: SanitizedConfig, slug: string, at: string): Loose => {
  const entity = [...config.collections, ...config.globals].find((e) => e.slug === slug)!
  const found = [...visibleFields(entity.fields)].find((f) => f.path === at)
  if (!found) throw new Error(`${slug} has no visible field ${at}`)
  return found.field
}
const optionOf = (field: Loose, value: string) => (field.options as { label: unknown; value: string }[]).find((o) => o.value === value)?.label

describe("the admin's field labels", () => {
  let config: SanitizedConfig
  beforeAll(async () => {
    config = await assembledConfig()
  })

  it('are in Lithuanian, English and Ukrainian for every field, description and option staff see in the assembled config', () => {
    expect(untranslated(config)).toEqual([])
    // The walk above saw the fields it vouches for.
    expect([...visibleFields(config.collections.find((c) => c.slug === 'consultations')!.fields)].map((f) => f.path)).toContain('outcome.whatYouSaid.said')
  })

  it.each([
    // A field's own key, the shared key by its name, nested in groups and arrays, in a global.
    ['news', 'title', { en: 'Title', lt: 'Pavadinimas' }],
    ['news', 'summary', { en: 'Summary', lt: 'Santrauka' }],
    ['news', 'slug', { en: 'Slug', lt: 'Adreso dalis' }],
    ['news', 'publishedAt', { en: 'Publication date', lt: 'Paskelbimo data' }],
    ['news', 'heroImage', { en: 'Hero image', lt: 'Pagrindinis paveikslėlis' }],
    ['news', 'urgent', { en: 'Urgent news', lt: 'Skubi naujiena' }],
    ['subscribers', 'urgent', { en: 'Urgent alerts', lt: 'Skubūs pranešimai' }],
    ['services', 'name', { en: 'Name', lt: 'Pavadinimas' }],
    ['users', 'name', { en: 'Name', lt: 'Vardas ir pavardė' }],
    ['services', 'address.street', { en: 'Street', lt: 'Gatvė ir namo numeris' }],
    ['consultations', 'outcome.whatYouSaid.said', { en: 'What you said', lt: 'Ką pasakėte' }],
    ['settings', 'contact.address.city', { en: 'City', lt: 'Miestas' }],
    // The SEO plugin's fields, and the API key field Payload merges with ours.
    ['pages', 'meta.image', { en: 'Image', lt: 'Paveikslėlis' }],
    ['users', 'apiKey', { en: 'API key', lt: 'API raktas' }],
  ])('%s.%s reads %j', (slug, at, words) => {
    expect(fieldAt(config, slug, at).label).toEqual({ ...words, uk: expect.stringMatching(/\p{Script=Cyrillic}/u) })
  })

  it.each([
    ['subscribers', 'status', 'pending', { en: 'Pending', lt: 'Laukia patvirtinimo' }],
    ['site-builds', 'status', 'queued', { en: 'Queued', lt: 'Laukia eilėje' }],
    ['site-builds', 'status', 'running', { en: 'Building', lt: 'Atnaujinama' }],
    ['alerts', 'level', 'emergency', { en: 'Emergency', lt: 'Skubu' }],
    ['consultations', 'status', 'open', { en: 'Open for comments', lt: 'Vyksta, laukiama nuomonių' }],
    ['users', 'role', 'editor', { en: 'Editor', lt: 'Redaktorius' }],
    // Languages by their names in the staff's language, for any configured code.
    ['documents', 'language', 'en', { en: 'English', lt: 'anglų' }],
    ['subscribers', 'locale', 'lt', { en: 'Lithuanian', lt: 'lietuvių' }],
  ])('%s.%s offers %s as %j', (slug, at, value, words) => {
    expect(optionOf(fieldAt(config, slug, at), value)).toEqual({ ...words, uk: expect.stringMatching(/\p{Script=Cyrillic}/u) })
  })

  it('describe fields, rows and collections in both languages, in full', () => {
    expect(fieldAt(config, 'news', 'summary').admin?.description).toMatchObject({
      en: 'One or two plain sentences shown in lists, search results and emails.',
      lt: 'Vienas ar du paprasti sakiniai, rodomi sąrašuose, paieškos rezultatuose ir laiškuose.',
    })
    expect(fieldAt(config, 'guides', 'steps').labels).toMatchObject({ singular: { en: 'Step', lt: 'Žingsnis' }, plural: { en: 'Steps', lt: 'Žingsniai' } })
    expect(config.collections.find((c) => c.slug === 'site-builds')!.admin.description).toMatchObject({ lt: expect.stringMatching(/^Paskelbus dokumentą, vieša svetainė atnaujinama automatiškai\./) })
  })

  it.each(['news', 'guides', 'pages'])('%s: the search-engine fields say what the site uses when empty, without the SEO plugin\'s red "Missing" and checks', (slug) => {
    const fields = fieldAt(config, slug, 'meta').fields as { name?: string; admin?: { components?: Record<string, unknown> } }[]
    expect(fields.map((f) => f.name)).toEqual(['title', 'description', 'image'])
    for (const f of fields) expect(f.admin?.components?.Field, f.name).toBeUndefined()
    expect(fieldAt(config, slug, 'meta.description').admin?.description).toMatchObject({ lt: expect.stringContaining('santrauką'), en: expect.stringContaining('summary') })
    expect(fieldAt(config, slug, 'meta.image').admin?.description).toMatchObject({ lt: expect.stringContaining('pagrindinė nuotrauka') })
  })

  it.each([
    ['news', 'summary', 'lt', 431, 'Santrauka: per ilgas tekstas – ne daugiau kaip 400 simbolių (dabar 431). Sutrumpinkite.'],
    ['news', 'title', 'en', 201, 'Title: too long – at most 200 characters (now 201). Please shorten it.'],
    ['alerts', 'message', 'lt', 1000, 'Pranešimas: per ilgas tekstas – ne daugiau kaip 300 simbolių (dabar 1\u00a0000). Sutrumpinkite.'],
  ])('%s.%s too long, in %s, says which field, the limit and the length now', (slug, at, language, length, message) => {
    const validate = (fieldAt(config, slug, at) as { validate?: unknown }).validate as (value: string, options: object) => unknown
    expect(validate('x'.repeat(length), { req: { i18n: { language, fallbackLanguage: 'en' } } })).toBe(message)
  })

  it('name the content languages in the staff language: the field marker reads the code, not "— Lietuvių"', () => {
    const locales = (config.localization as { locales: { code: string; label: unknown }[] }).locales
    expect(locales.map((l) => [l.code, l.label])).toEqual([
      ['lt', { en: 'Lithuanian', lt: 'lietuvių', uk: 'литовська' }],
      ['en', { en: 'English', lt: 'anglų', uk: 'англійська' }],
    ])
    // The switcher's "Locale" ("Lokalė") is the document's language.
    expect(config.i18n.translations).toMatchObject({ lt: { general: { locale: 'Turinio kalba' } }, en: { general: { locale: 'Content language' } } })
  })

  it.each(['payload-jobs', 'payload-kv', 'payload-preferences', 'payload-locked-documents', 'payload-migrations', 'seed-records'])('leave %s alone: the admin never shows it', (slug) => {
    expect(config.collections.find((c) => c.slug === slug)?.admin.hidden).toBe(true)
  })
})

describe("the admin language plugin's field words", () => {
  const withNews = (news: Partial<CollectionConfig>, globals: Config['globals'] = []) =>
    apply({ ...base(), collections: [{ slug: 'news', fields: [], ...news }], globals } as Config, adminLanguagePlugin({ timeZone: 'UTC' }))

  it.each([
    ['a label', [{ name: 'colour', type: 'text' }], /admin\.field\.news\.colour \(or admin\.field\.colour, for every colour\)/],
    ['a label inside a shared group', [{ name: 'address', type: 'group', fields: [{ name: 'floor', type: 'number' }] }], /admin\.field\.news\.address\.floor \(or admin\.field\.floor/],
    ['a description', [{ name: 'title', type: 'text', admin: { description: 'Shout it.' } }], /admin\.description\.news\.title \(or admin\.description\.title, for every title\): now "Shout it\."/],
    ['an option', [{ name: 'status', type: 'select', options: ['fresh'] }], /admin\.option\.news\.status\.fresh \(or admin\.option\.status\.fresh/],
    ['an array row', [{ name: 'steps', type: 'array', fields: [{ name: 'title', type: 'text' }] }], /admin\.row\.news\.steps \(or admin\.row\.steps/],
    ['a collapsible', [{ type: 'collapsible', label: 'More details', fields: [{ name: 'title', type: 'text' }] }], /admin\.field\.news\.moreDetails/],
    ['a tab', [{ type: 'tabs', tabs: [{ name: 'extra', fields: [{ name: 'title', type: 'text' }] }] }], /admin\.field\.news\.extra /],
    ['a field in a tab', [{ type: 'tabs', tabs: [{ label: { en: 'Extra', lt: 'Papildomai' }, fields: [{ name: 'mood', type: 'text' }] }] }], /admin\.field\.news\.mood /],
    ['a block', [{ name: 'layout', type: 'blocks', blocks: [{ slug: 'quote', fields: [{ name: 'said', type: 'text' }] }] }], /admin\.field\.news\.layout\.quote\.said[\s\S]*admin\.row\.news\.layout\.quote /],
  ] as [string, Field[], RegExp][])('stop the start without %s, naming the key and the files', async (_, fields, key) => {
    const start = withNews({ fields })
    await expect(start).rejects.toThrow(key)
    await expect(start).rejects.toThrow(/cms\/model\/i18n\/lt\.json and en\.json/)
  })

  it("stop the start without a collection's or a global's description or a global's field, listing every key at once", async () => {
    await expect(withNews({ admin: { description: 'All the news.' } })).rejects.toThrow(/admin\.collection\.news\.description: now "All the news\."/)
    const start = withNews({ fields: [{ name: 'colour', type: 'text' }] }, [{ slug: 'settings', fields: [{ name: 'motto', type: 'text' }] }])
    await expect(start).rejects.toThrow(/admin\.field\.news\.colour[\s\S]*admin\.field\.settings\.motto/)
  })

  it.each([
    ['a hidden field', { name: 'secret', type: 'text', hidden: true, admin: { description: 'Not shown.' } }],
    ["a field the admin hides", { name: 'internal', type: 'select', options: ['raw'], admin: { hidden: true } }],
    ['a field without a label', { name: 'quiet', type: 'text', label: false }],
    ['a label Payload computes', { name: 'computed', type: 'text', label: ({ t }: { t: (k: string) => string }) => t('general:title') }],
    ['a label in both languages', { name: 'own', type: 'text', label: { en: 'Own', lt: 'Savas' }, options: [{ value: 'a', label: { en: 'A', lt: 'A' } }] }],
  ] as [string, Field][])('leave %s as it is', async (_, field) => {
    const config = await withNews({ fields: [field] })
    expect(find(config, 'news').fields[0]).toEqual(field)
  })

  it('leave a collection the admin hides as it is', async () => {
    const hiddenCollection = { slug: 'seed-records', admin: { hidden: true }, fields: [{ name: 'weird', type: 'text' }] } as CollectionConfig
    const config = await apply({ ...base(), collections: [hiddenCollection] } as Config, adminLanguagePlugin({ timeZone: 'UTC' }))
    expect(find(config, 'seed-records').fields).toEqual(hiddenCollection.fields)
  })
})
