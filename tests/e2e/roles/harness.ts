import type { Payload, Where } from 'payload'
import { PDFDocument } from 'pdf-lib'

import type { User } from '../../../cms/payload-types'
import { storeFor } from '../../../cms/plugins/newsletter/store'
import { paragraph } from '../../int/helpers'
import type { Actor, ContentCollection } from './table'

/** What every cell shares: one running admin, one database, the staff accounts and their tokens. */
export type Harness = {
  url: string
  payload: Payload
  users: Record<'author' | 'author2' | 'editor' | 'admin', User>
  tokens: Partial<Record<Actor, string>>
  topicId: number | string
  consultationId: number | string
}

type Owner = keyof Harness['users']
let seq = 0
export const unique = (label: string) => `${label} ${Date.now().toString(36)}-${++seq}`
/** Fixtures skip site updates and subscriber emails: only the request under test has effects. */
const quiet = { atviraSeeding: true }

export const titleField: Record<ContentCollection, string> = {
  news: 'title',
  guides: 'title',
  leaflets: 'title',
  handbook: 'question',
  services: 'name',
  consultations: 'title',
  pages: 'title',
  topics: 'name',
  alerts: 'message',
}

/** GraphQL names (Payload's: from the slug, or the collection's graphQL option). */
export const graphQLNames: Record<ContentCollection, { one: string; many: string }> = {
  news: { one: 'NewsArticle', many: 'News' },
  guides: { one: 'Guide', many: 'Guides' },
  leaflets: { one: 'Leaflet', many: 'Leaflets' },
  handbook: { one: 'Handbook', many: 'Handbooks' },
  services: { one: 'Service', many: 'Services' },
  consultations: { one: 'Consultation', many: 'Consultations' },
  pages: { one: 'Page', many: 'Pages' },
  topics: { one: 'Topic', many: 'Topics' },
  alerts: { one: 'Alert', many: 'Alerts' },
}

/** The least valid document of each collection, titled `title`. */
export function contentData(h: Harness, collection: ContentCollection, title: string): Record<string, unknown> {
  const day = 86_400_000
  const body = paragraph('Tekstas')
  const data: Record<ContentCollection, Record<string, unknown>> = {
    news: { summary: 'S', body },
    guides: { summary: 'S', steps: [{ title: 'Žingsnis', body }] },
    leaflets: { summary: 'S', body },
    handbook: { answer: body, topic: h.topicId },
    services: { description: 'Aprašymas' },
    consultations: { summary: 'S', body, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 10 * day).toISOString() },
    pages: { body },
    topics: {},
    alerts: { level: 'info', startsAt: new Date(Date.now() - day).toISOString(), endsAt: new Date(Date.now() + day).toISOString() },
  }
  return { ...data[collection], [titleField[collection]]: title }
}

export type Fixture = { id: number | string; title: string; slug?: string; v1?: number | string; createdAt?: string }

/**
 * A document in a given state, created by `owner` (Local API, access overridden):
 * draft · live · history (live "v1", then live "v2") · onceLive (published, then
 * unpublished) · unpublishedHistory (live "v1", then unpublished by an editor).
 */
export async function content(
  h: Harness,
  collection: ContentCollection,
  state: 'draft' | 'live' | 'history' | 'onceLive' | 'unpublishedHistory',
  owner: Owner = 'editor',
): Promise<Fixture> {
  const { payload } = h
  const title = unique(`${collection} ${state}`)
  const first = state === 'history' || state === 'unpublishedHistory' ? `${title} v1` : title
  // Created as a draft by its owner (who is recorded), published by the system.
  const doc = await payload.create({
    collection,
    data: { ...contentData(h, collection, first), _status: 'draft' } as never,
    draft: true,
    user: h.users[owner],
    overrideAccess: true,
    context: quiet,
  })
  const fixture: Fixture = { id: doc.id, title, slug: (doc as { slug?: string }).slug, createdAt: doc.createdAt }
  const set = (data: Record<string, unknown>) =>
    payload.update({ collection, id: doc.id, data: data as never, overrideAccess: true, context: quiet })
  const publishedVersion = async (t: string) =>
    (
      await payload.findVersions({ collection, where: { parent: { equals: doc.id } }, sort: 'createdAt', limit: 50, overrideAccess: true })
    ).docs.find((v) => {
      const version = v.version as unknown as Record<string, unknown>
      return version[titleField[collection]] === t && version._status === 'published'
    })?.id
  if (state === 'draft') return fixture
  await set({ _status: 'published' })
  if (state === 'history') {
    await set({ [titleField[collection]]: `${title} v2` })
    fixture.v1 = await publishedVersion(`${title} v1`)
  }
  if (state === 'onceLive' || state === 'unpublishedHistory') {
    await set({ _status: 'draft' })
    if (state === 'unpublishedHistory') fixture.v1 = await publishedVersion(`${title} v1`)
  }
  return fixture
}

export const liveDoc = (h: Harness, collection: string, id: number | string) =>
  h.payload.findByID({ collection: collection as 'news', id, draft: false, depth: 0, overrideAccess: true, disableErrors: true }) as Promise<Record<string, unknown> | null>
export const latestDoc = (h: Harness, collection: string, id: number | string) =>
  h.payload.findByID({ collection: collection as 'news', id, draft: true, depth: 0, overrideAccess: true, disableErrors: true }) as Promise<Record<string, unknown> | null>
/**
 * Whether the fixture is still there. By id and creation time: cells run concurrently,
 * and SQLite gives a deleted row's id to the next row another cell creates.
 */
export const exists = async (h: Harness, collection: string, fixture: Fixture | number | string) => {
  const { id, createdAt } = typeof fixture === 'object' ? fixture : { id: fixture, createdAt: undefined }
  const where: Where = createdAt ? { and: [{ id: { equals: id } }, { createdAt: { equals: createdAt } }] } : { id: { equals: id } }
  return (await h.payload.count({ collection: collection as 'news', where, overrideAccess: true })).totalDocs === 1
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    return JSON.parse(text) as Record<string, unknown>
  } catch {
    return null
  }
}

export type Response = { status: number; json: Record<string, unknown> | null; text: string }

/** One request to the running admin as `actor` (a JWT from a real login). */
export async function api(
  h: Harness,
  actor: Actor,
  method: string,
  path: string,
  body?: unknown,
  init: { form?: FormData | URLSearchParams } = {},
): Promise<Response> {
  // A connection per request: cells run concurrently, and a kept-alive connection the
  // server closes as idle just as the next request goes out fails that request.
  const headers: Record<string, string> = { connection: 'close' }
  const token = h.tokens[actor]
  if (token) headers.authorization = `JWT ${token}`
  let payloadBody: BodyInit | undefined
  if (init.form) payloadBody = init.form
  else if (body !== undefined) {
    headers['content-type'] = 'application/json'
    payloadBody = JSON.stringify(body)
  }
  const res = await fetch(`${h.url}${path}`, { method, headers, body: payloadBody, redirect: 'manual' })
  const text = await res.text()
  return { status: res.status, json: parseJson(text), text }
}

export async function gql(h: Harness, actor: Actor, query: string, variables?: Record<string, unknown>) {
  const res = await api(h, actor, 'POST', '/api/graphql', { query, variables })
  return res.json as { data?: Record<string, unknown> | null; errors?: { message: string }[] } | null
}

// Subscribers ------------------------------------------------------------------------

export type SubscriberFixture = { id: number | string; email: string }

/** A confirmed subscriber with mail: one digest row of theirs, one receipt to their address. */
export async function subscriber(h: Harness): Promise<SubscriberFixture> {
  const email = `${unique('person').replace(/\W+/g, '-').toLowerCase()}@example.net`
  const doc = await h.payload.create({
    collection: 'subscribers',
    data: { email, locale: 'lt', status: 'confirmed', frequency: 'daily', allTopics: true, confirmedAt: new Date().toISOString() } as never,
    overrideAccess: true,
  })
  await storeFor(h.payload).enqueue([
    { key: `roles:digest:${email}`, kind: 'digest', subscriberId: String(doc.id), runId: null, items: [] },
    { key: `roles:receipt:${email}`, kind: 'receipt', subscriberId: null, runId: null, items: { email, reference: 'R-ROLES' } },
  ])
  return { id: doc.id, email }
}

/** By address: unique, and never given to another row (ids are, on SQLite). */
export const subscriberExists = async (h: Harness, s: SubscriberFixture) =>
  (await h.payload.count({ collection: 'subscribers', where: { email: { equals: s.email } }, overrideAccess: true })).totalDocs === 1

export const mailOf = async (h: Harness, s: SubscriberFixture) => (await storeFor(h.payload).mailFor(String(s.id), s.email)).length

// Files ------------------------------------------------------------------------------

const png = (shade: number) =>
  // A grey PNG wide enough for the thumbnail size (Payload does not enlarge).
  import('sharp').then(({ default: sharp }) =>
    sharp({ create: { width: 480, height: 4, channels: 3, background: { r: shade, g: shade, b: shade } } }).png().toBuffer(),
  )

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create()
  doc.addPage().drawText(text)
  return Buffer.from(await doc.save())
}

export async function fileBytes(collection: 'media' | 'documents', name: string) {
  const data = collection === 'media' ? await png(seq % 250) : await pdf(name)
  const ext = collection === 'media' ? 'png' : 'pdf'
  return { data, mimetype: collection === 'media' ? 'image/png' : 'application/pdf', name: `${name.replace(/\W+/g, '-')}.${ext}`, size: data.length }
}

export const fileDetails = (collection: 'media' | 'documents', text: string) =>
  collection === 'media' ? { alt: text } : { title: text, language: 'lt' }

export type FileFixture = { id: number | string; filename: string; size?: string; detail: string }

/** A file, used by a live document (`used`) or only by a draft. */
export async function file(h: Harness, collection: 'media' | 'documents', used: boolean): Promise<FileFixture> {
  const { payload } = h
  const detail = unique(`${collection} ${used ? 'used' : 'draft-only'}`)
  const doc = (await payload.create({
    collection,
    locale: 'lt',
    data: fileDetails(collection, detail) as never,
    file: await fileBytes(collection, detail),
    user: h.users.editor,
    overrideAccess: true,
  })) as unknown as { id: number | string; filename: string; sizes?: { thumbnail?: { filename?: string } } }
  const target = collection === 'media' ? 'news' : 'leaflets'
  await payload.create({
    collection: target,
    data: { ...contentData(h, target, unique('file user')), [collection === 'media' ? 'heroImage' : 'pdf']: doc.id, _status: used ? 'published' : 'draft' } as never,
    draft: !used,
    overrideAccess: true,
    context: quiet,
  })
  return { id: doc.id, filename: doc.filename, size: doc.sizes?.thumbnail?.filename, detail }
}

export const detailOf = async (h: Harness, collection: 'media' | 'documents', id: number | string) => {
  const doc = (await h.payload.findByID({ collection, id, locale: 'lt', overrideAccess: true, depth: 0 })) as unknown as Record<string, unknown>
  return { detail: String(collection === 'media' ? doc.alt : doc.title), filename: String(doc.filename) }
}

export function multipart(bytes: Awaited<ReturnType<typeof fileBytes>>, data: Record<string, unknown>): FormData {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes.data)], { type: bytes.mimetype }), bytes.name)
  form.append('_payload', JSON.stringify(data))
  return form
}
