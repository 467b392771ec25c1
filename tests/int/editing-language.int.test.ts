/**
 * The sticky editing language, on a real SQLite file through the Local API and the
 * real job runner (`payload.jobs.run`, as scripts/jobs.ts runs it): what Payload's
 * scheduled publish does with a draft whose Lithuanian required fields are empty, and
 * that it is now refused when scheduled, refused when published in another language,
 * and, when it fails anyway, kept and described in plain words.
 */
import { getUpcomingScheduledPublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { createLocalReq, getLocalI18n, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { describeFailure, outstandingFailures, whenScheduled } from '../../cms/plugins/editingLanguage/failures'
import { afterSave, fieldLabel, localeLabel, requiredGaps } from '../../cms/plugins/editingLanguage/requirements'
import { schedulePublishServerFunction } from '../../cms/scheduling/serverFunction'
import { paragraph, startCms, type TestCms } from './helpers'

/** One paragraph of rich text, for the typed Local API. */
const text = (words: string) => paragraph(words) as never

let cms: TestCms
let payload: Payload
let editor: User
let author: User

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  editor = (await payload.create({ collection: 'users', data: { email: 'editor@lang.test', password: 'a-long-editor-password', name: 'E', role: 'editor' }, overrideAccess: true })) as User
  author = (await payload.create({ collection: 'users', data: { email: 'author@lang.test', password: 'a-long-author-password', name: 'A', role: 'author' }, overrideAccess: true })) as User
})
afterAll(async () => {
  await cms?.close()
})

/** A field's name as the edit form shows it in an admin language (`a.b` for a field in an array row). */
function label(entity: string, path: string, lang: 'lt' | 'en'): string {
  let fields = (payload.collections[entity as 'news']?.config.fields ?? payload.config.globals.find((g) => g.slug === entity)!.fields) as { name?: string; fields?: unknown[] }[]
  let field: { name?: string; fields?: unknown[] } | undefined
  for (const name of path.split('.')) {
    field = fields.find((f) => f.name === name)
    fields = (field?.fields ?? []) as typeof fields
  }
  const text = fieldLabel(field as never, lang)
  expect(text).not.toBe('')
  return text
}
/** A guide's second step's field, as a message names it ("Steps 2 › Title"). */
const step2 = (field: string, lang: 'lt' | 'en' = 'en') => `${label('guides', 'steps', lang)} 2 › ${label('guides', `steps.${field}`, lang)}`
/** The news article's required fields (title, summary, body), as a message lists them. */
const newsFields = (lang: 'lt' | 'en') => ['title', 'summary', 'body'].map((f) => label('news', f, lang)).join(', ')

/** What the locale selector calls a locale in an admin language. */
const selector = (code: string, lang: 'lt' | 'en') => localeLabel(payload.config, code, lang)
const staff = (user: User) => ({ ...user, collection: 'users' }) as never
async function adminReq(user: User | null, language: 'lt' | 'en'): Promise<PayloadRequest> {
  const i18n = await getLocalI18n({ config: payload.config, language })
  return createLocalReq({ user: user ? staff(user) : undefined, req: { i18n } as never }, payload)
}

/** A draft written only in English (what the editor typed into the English fields). */
async function englishOnlyDraft(title: string) {
  return payload.create({
    collection: 'news',
    locale: 'en',
    draft: true,
    data: { title, summary: `${title}.`, body: text(`${title}.`), _status: 'draft' },
    user: staff(editor),
    overrideAccess: false,
  })
}

/** Queues the schedule exactly as Payload's own handler does (no refusal in between). */
async function queueAsPayloadDoes(id: number, localeToPublish?: string) {
  return payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'news', value: String(id) }, locale: localeToPublish, timezone: 'Europe/Vilnius', user: { relationTo: 'users', value: editor.id } },
    waitUntil: new Date(Date.now() + 400),
  } as never)
}

async function runDueJobs() {
  await new Promise((r) => setTimeout(r, 500))
  return payload.jobs.run({ queue: 'default' })
}

const statusOf = async (id: number) => (await payload.findByID({ collection: 'news', id, depth: 0, overrideAccess: true }))._status
const publishedVersions = async (id: number) =>
  (await payload.countVersions({ collection: 'news', where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] }, overrideAccess: true })).totalDocs
const jobsFor = async (id: number) =>
  (await payload.count({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { 'input.doc.value': { equals: String(id) } }] }, overrideAccess: true })).totalDocs

type Job = { id: number; hasError: boolean; error?: { message?: string }; waitUntil?: string; completedAt?: string | null }
const jobById = async (id: number | string) => (await payload.findByID({ collection: 'payload-jobs', id, depth: 0, overrideAccess: true })) as unknown as Job

describe("Payload's scheduled publish of a draft whose Lithuanian required fields are empty", () => {
  it('publishing every language fails in the job: the job is kept with its error, the drawer no longer lists it, the draft stays a draft', async () => {
    const draft = await englishOnlyDraft('Sticky all')
    const job = await queueAsPayloadDoes(draft.id as number)
    const run = await runDueJobs()
    expect(run.jobStatus?.[String(job.id)]?.status).toBe('error-reached-max-retries')
    const kept = await jobById(job.id)
    expect(kept.hasError).toBe(true)
    // Payload's own validation in the default language (the job sends no locale).
    expect(kept.error?.message).toBe(`The following fields are invalid: ${newsFields('en')}`)
    expect(new Date(kept.waitUntil!).getTime()).toBeLessThan(Date.now())
    // What the drawer's "Upcoming events" shows (Payload's own server function): nothing.
    expect(await getUpcomingScheduledPublishHandler({ id: draft.id, collectionSlug: 'news', req: await adminReq(editor, 'en') } as never)).toEqual([])
    expect(await statusOf(draft.id as number)).toBe('draft')
    expect(await publishedVersions(draft.id as number)).toBe(0)

    // Now never silent: the failure is found and said in plain words.
    const [failure] = await outstandingFailures(payload, { collection: 'news', id: draft.id })
    expect(failure?.jobId).toBe(job.id)
    expect(failure?.error).toBe(`The following fields are invalid: ${newsFields('en')}`)
    const at = whenScheduled(kept.waitUntil!, 'Europe/Vilnius')
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(await describeFailure(await adminReq(editor, 'lt'), failure!)).toBe(
      `Suplanuotas paskelbimas ${at} nepavyko. Neužpildyti laukai (lietuvių kalba): ${newsFields('lt')}. Ištaisykite ir suplanuokite dar kartą.`,
    )
    expect(await describeFailure(await adminReq(editor, 'en'), failure!)).toBe(
      `The scheduled publish at ${at} failed. These fields are empty in Lithuanian: ${newsFields('en')}. Fix it and schedule again.`,
    )
    expect((await outstandingFailures(payload)).map((f) => f.jobId)).toContain(job.id)
  })

  it('publishing English only fails too (Payload alone would put it live with no Lithuanian page), with the reason', async () => {
    const draft = await englishOnlyDraft('Sticky en')
    const job = await queueAsPayloadDoes(draft.id as number, 'en')
    const run = await runDueJobs()
    expect(run.jobStatus?.[String(job.id)]?.status).toBe('error-reached-max-retries')
    expect((await jobById(job.id)).error?.message).toBe(
      `This cannot be published while these fields are empty in Lithuanian (switch the language to “${selector('lt', 'en')}”, fill them in and publish again): ${newsFields('en')}`,
    )
    expect(await statusOf(draft.id as number)).toBe('draft')
    expect(await publishedVersions(draft.id as number)).toBe(0)
    const [failure] = await outstandingFailures(payload, { collection: 'news', id: draft.id })
    expect(failure?.locale).toBe('en')
    expect(await describeFailure(await adminReq(editor, 'en'), failure!)).toContain(`These fields are empty in Lithuanian: ${newsFields('en')}.`)
  })

  it('a failure stops mattering once the document is published, or scheduled again', async () => {
    const draft = await englishOnlyDraft('Fixed later')
    await queueAsPayloadDoes(draft.id as number)
    await runDueJobs()
    expect(await outstandingFailures(payload, { collection: 'news', id: draft.id })).toHaveLength(1)
    await payload.update({ collection: 'news', id: draft.id, locale: 'lt', draft: true, data: { title: 'Vėliau', summary: 'Santrauka.', body: text('Tekstas.') }, overrideAccess: true })
    // The reason now is Payload's own message: nothing is empty any more.
    const [still] = await outstandingFailures(payload, { collection: 'news', id: draft.id })
    expect(await describeFailure(await adminReq(editor, 'en'), still!)).toContain(`The system said: “The following fields are invalid: ${newsFields('en')}”.`)
    const again = await schedulePublishServerFunction({ req: await adminReq(editor, 'en'), type: 'publish', date: new Date(Date.now() + 3_600_000), doc: { relationTo: 'news', value: String(draft.id) } } as never)
    expect(again).toEqual({ message: 'Success' })
    expect(await outstandingFailures(payload, { collection: 'news', id: draft.id })).toHaveLength(0)

    const other = await englishOnlyDraft('Published later')
    await queueAsPayloadDoes(other.id as number)
    await runDueJobs()
    expect(await outstandingFailures(payload, { collection: 'news', id: other.id })).toHaveLength(1)
    await payload.update({ collection: 'news', id: other.id, locale: 'lt', data: { title: 'Paskelbta', summary: 'Santrauka.', body: text('Tekstas.'), _status: 'published' }, overrideAccess: true })
    expect(await outstandingFailures(payload, { collection: 'news', id: other.id })).toHaveLength(0)
  })
})

describe('scheduling refuses a publish the document is not ready for', () => {
  it('names the languages as the locale selector does', () => {
    expect(selector('lt', 'lt')).toMatch(/^[Ll]ietuvių$/)
    expect(selector('lt', 'en')).toMatch(/^(Lietuvių|Lithuanian)$/)
    expect(selector('en', 'en')).toBe('English')
  })

  const schedule = async (user: User | null, language: 'lt' | 'en', args: Record<string, unknown>) =>
    schedulePublishServerFunction({ req: await adminReq(user, language), date: new Date(Date.now() + 3_600_000), ...args } as never)

  it('says which Lithuanian fields are empty, whether every language or English only is to be published, and queues nothing', async () => {
    const draft = await englishOnlyDraft('Refused')
    const doc = { relationTo: 'news', value: String(draft.id) }
    expect(await schedule(editor, 'lt', { type: 'publish', doc })).toEqual({
      error: `Suplanuoti negalima, nes lietuvių kalba neužpildyti laukai: ${newsFields('lt')}. Perjunkite kalbą į „${selector('lt', 'lt')}“, užpildykite juos ir suplanuokite dar kartą.`,
    })
    expect(await schedule(editor, 'en', { type: 'publish', doc, localeToPublish: 'en' })).toEqual({
      error: `This cannot be scheduled because these fields are empty in Lithuanian: ${newsFields('en')}. Switch the language to “${selector('lt', 'en')}”, fill them in and schedule again.`,
    })
    expect(await jobsFor(draft.id as number)).toBe(0)
    // Unpublishing needs nothing written.
    expect(await schedule(editor, 'en', { type: 'unpublish', doc })).toEqual({ message: 'Success' })
    expect(await jobsFor(draft.id as number)).toBe(1)
  })

  it('names the one language to publish when that one lacks its fields, and accepts a ready document', async () => {
    const doc = await payload.create({ collection: 'news', locale: 'lt', draft: true, data: { title: 'Tik lietuviškai', summary: 'S.', body: text('T.'), _status: 'draft' }, overrideAccess: true })
    const ref = { relationTo: 'news', value: String(doc.id) }
    expect(await schedule(editor, 'en', { type: 'publish', doc: ref, localeToPublish: 'en' })).toEqual({
      error: `This cannot be scheduled because these fields are empty in English: ${newsFields('en')}. Switch the language to “${selector('en', 'en')}”, fill them in and schedule again.`,
    })
    expect(await schedule(editor, 'en', { type: 'publish', doc: ref })).toEqual({ message: 'Success' })
    expect(await schedule(editor, 'en', { type: 'publish', doc: ref, localeToPublish: 'lt' })).toEqual({ message: 'Success' })
    expect(await jobsFor(doc.id as number)).toBe(2)
  })

  it('follows array rows (a guide step) and names the row', async () => {
    const topic = await payload.create({ collection: 'topics', locale: 'lt', data: { name: 'Tema', _status: 'published' }, overrideAccess: true })
    const guide = await payload.create({
      collection: 'guides',
      locale: 'lt',
      draft: true,
      data: { title: 'Gidas', summary: 'S.', steps: [{ title: 'Pirmas', body: text('T.') }, { title: '', body: text('') }], topics: [topic.id], _status: 'draft' },
      overrideAccess: true,
    })
    expect(await schedule(editor, 'en', { type: 'publish', doc: { relationTo: 'guides', value: String(guide.id) } })).toEqual({
      error: `This cannot be scheduled because these fields are empty in Lithuanian: ${step2('title')}, ${step2('body')}. Switch the language to “${selector('lt', 'en')}”, fill them in and schedule again.`,
    })
  })

  it('checks the settings too (a global): the city name in Lithuanian', async () => {
    await payload.updateGlobal({ slug: 'settings', locale: 'en', draft: true, data: { cityName: 'Seaside' }, overrideAccess: true })
    expect(await schedule(editor, 'en', { type: 'publish', global: 'settings' })).toEqual({
      error: `This cannot be scheduled because these fields are empty in Lithuanian: ${label('settings', 'cityName', 'en')}. Switch the language to “${selector('lt', 'en')}”, fill them in and schedule again.`,
    })
    await payload.updateGlobal({ slug: 'settings', locale: 'lt', draft: true, data: { cityName: 'Pajūris' }, overrideAccess: true })
    expect(await schedule(editor, 'en', { type: 'publish', global: 'settings' })).toEqual({ message: 'Success' })
  })

  it('answers a missing document or a nonsense target with words, not a crash; authors and the signed-out are refused', async () => {
    expect(await schedule(editor, 'en', { type: 'publish', doc: { relationTo: 'news', value: '999999' } })).toEqual({ error: 'This cannot be scheduled: the document was not found.' })
    expect(await schedule(editor, 'en', { type: 'publish', doc: { relationTo: 'no-such-collection', value: '1' } })).toEqual({ error: 'This cannot be scheduled: the document was not found.' })
    expect(await schedule(editor, 'en', { type: 'publish', doc: { relationTo: 'news', value: 'not-a-number' } })).toEqual({ error: 'This cannot be scheduled: the document was not found.' })
    // Nonsense the admin never sends: not a document (Payload's handler then queues what it is given).
    const before = (await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, overrideAccess: true })).totalDocs
    for (const doc of [{ relationTo: 'news', value: { id: 1 } }, { relationTo: ['news'], value: '1' }, { relationTo: 'news', value: '' }]) {
      expect(await schedule(editor, 'en', { type: 'publish', doc, date: 'not a date' })).toHaveProperty('error', expect.any(String))
    }
    expect((await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, overrideAccess: true })).totalDocs).toBe(before)
    const ready = await payload.create({ collection: 'news', locale: 'lt', draft: true, data: { title: 'Parengta', summary: 'S.', body: text('T.'), _status: 'draft' }, overrideAccess: true })
    // A language that is not configured: the job would publish every language, so that is what is checked.
    expect(await schedule(editor, 'en', { type: 'publish', doc: { relationTo: 'news', value: String(ready.id) }, localeToPublish: 'xx' })).toEqual({ message: 'Success' })
    const draft = await englishOnlyDraft('Author try')
    expect((await schedule(author, 'en', { type: 'publish', doc: { relationTo: 'news', value: String(draft.id) } })) as { error?: string }).toHaveProperty('error', expect.stringMatching(/Authors cannot schedule/))
    await expect(schedule(null, 'en', { type: 'publish', doc: { relationTo: 'news', value: String(draft.id) } })).rejects.toThrow()
    expect(await jobsFor(draft.id as number)).toBe(0)
  })
})

describe('publishing in another language waits for the Lithuanian text', () => {
  const asEditor = { user: staff({} as User), overrideAccess: false }
  beforeAll(() => {
    asEditor.user = staff(editor)
  })

  async function refusal(promise: Promise<unknown>): Promise<{ status?: number; message?: string; data?: unknown }> {
    try {
      await promise
    } catch (error) {
      return error as { status?: number; message?: string; data?: unknown }
    }
    throw new Error('expected the publish to be refused, but it went through')
  }

  it('refuses publishing an English-only draft, naming the Lithuanian fields; the draft still saves', async () => {
    const draft = await englishOnlyDraft('Publish en')
    const refused = await refusal(payload.update({ collection: 'news', id: draft.id, locale: 'en', data: { _status: 'published' }, ...asEditor }))
    expect(refused.status).toBe(400)
    expect(refused.message).toBe(`This cannot be published while these fields are empty in Lithuanian (switch the language to “${selector('lt', 'en')}”, fill them in and publish again): ${newsFields('en')}`)
    expect(refused.data).toMatchObject({ locale: 'lt', missing: [{ path: 'title' }, { path: 'summary' }, { path: 'body' }] })
    // "Publish in English" (Payload's publishSpecificLocale) is refused the same way.
    expect((await refusal(payload.update({ collection: 'news', id: draft.id, locale: 'en', publishSpecificLocale: 'en', data: { _status: 'published' }, ...asEditor }))).status).toBe(400)
    expect(await publishedVersions(draft.id as number)).toBe(0)
    const saved = await payload.update({ collection: 'news', id: draft.id, locale: 'en', draft: true, data: { title: 'Publish en, edited' }, ...asEditor })
    expect(saved.title).toBe('Publish en, edited')
  })

  it('refuses creating a published document in English; publishes once Lithuanian is written', async () => {
    const refused = await refusal(payload.create({ collection: 'news', locale: 'en', data: { title: 'New en', summary: 'S.', body: text('T.'), _status: 'published' }, ...asEditor }))
    expect(refused.message).toMatch(/^This cannot be published while these fields are empty in Lithuanian \(/)
    expect(refused.message?.endsWith(`: ${newsFields('en')}`)).toBe(true)
    const draft = await englishOnlyDraft('Then Lithuanian')
    await payload.update({ collection: 'news', id: draft.id, locale: 'lt', draft: true, data: { title: 'Tada lietuviškai', summary: 'S.', body: text('T.') }, ...asEditor })
    const live = await payload.update({ collection: 'news', id: draft.id, locale: 'en', data: { _status: 'published' }, ...asEditor })
    expect(live._status).toBe('published')
    // Publishing in Lithuanian does not wait for English.
    const ltOnly = await payload.create({ collection: 'news', locale: 'lt', data: { title: 'Tik LT', summary: 'S.', body: text('T.'), _status: 'published' }, ...asEditor })
    expect(ltOnly._status).toBe('published')
  })

  it('counts what the save itself sends for fields all languages share (a guide step added in English needs its Lithuanian text)', async () => {
    const guides = payload.collections.guides.config.fields
    const stored = { title: 'Gidas', summary: 'S.', steps: [{ id: 'a', title: 'Pirmas', body: text('T.') }] }
    expect(requiredGaps(guides, afterSave(guides, stored, { steps: [{ id: 'a' }] }), { lang: 'en', localizedOnly: true })).toEqual([])
    expect(requiredGaps(guides, afterSave(guides, stored, { steps: [{ id: 'a' }, { id: 'b' }] }), { lang: 'en', localizedOnly: true })).toEqual([
      { path: 'steps.1.title', label: step2('title') },
      { path: 'steps.1.body', label: step2('body') },
    ])
    // A step removed in English takes its empty Lithuanian text with it.
    expect(requiredGaps(guides, afterSave(guides, { ...stored, steps: [...stored.steps, { id: 'b', title: '' }] }, { steps: [{ id: 'a' }] }), { lang: 'en', localizedOnly: true })).toEqual([])
    // Not localized: Payload checks those in every language, so they are not named as Lithuanian.
    expect(requiredGaps(guides, afterSave(guides, { title: 'G', summary: 'S' }, { steps: [] }), { lang: 'en', localizedOnly: true })).toEqual([])
    expect(requiredGaps(guides, { title: 'G', summary: 'S', steps: [] }, { lang: 'lt' })).toEqual([{ path: 'steps', label: label('guides', 'steps', 'lt') }])
  })
})
