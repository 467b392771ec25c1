import { createLocalReq } from 'payload'

import { schedulePublishServerFunction } from '../../../cms/scheduling/serverFunction'
import {
  api,
  content,
  contentData,
  detailOf,
  exists,
  file,
  fileBytes,
  fileDetails,
  gql,
  graphQLNames,
  latestDoc,
  liveDoc,
  mailOf,
  multipart,
  subscriber,
  subscriberExists,
  titleField,
  unique,
  type FileFixture,
  type Harness,
  type SubscriberFixture,
} from './harness'
import type { Actor, ContentCollection, ContentOperation, EndpointOperation, FileOperation, Outcome, SettingsOperation, SubscriberOperation } from './table'

type Run<C> = (h: Harness, actor: Actor, target: C) => Promise<Outcome | string>

/** The actor's own fixture owner: anonymous visitors try on an author's documents. */
const ownerFor = (actor: Actor) => (actor === 'anonymous' ? 'author' : actor) as 'author' | 'editor' | 'admin'
const idsQuery = (ids: (number | string)[]) => ids.map((id, i) => `where[id][in][${i}]=${id}`).join('&')

async function liveTitleAfter(h: Harness, c: ContentCollection, id: number | string, expected: string): Promise<Outcome> {
  const live = await liveDoc(h, c, id)
  const latest = await latestDoc(h, c, id)
  const t = titleField[c]
  if (live?._status === 'published' && live[t] === expected) return 'yes'
  if (latest?.[t] === expected) return 'draft'
  return 'no'
}

const statusIs = async (h: Harness, c: ContentCollection, id: number | string, status: string): Promise<boolean> =>
  (await liveDoc(h, c, id))?._status === status

export const contentRuns: Record<ContentOperation, Run<ContentCollection>> = {
  'read published (REST)': async (h, a, c) => {
    const d = await content(h, c, 'live')
    const r = await api(h, a, 'GET', `/api/${c}/${d.id}`)
    return r.status === 200 && String(r.json?.id) === String(d.id) ? 'yes' : 'no'
  },
  'read a draft by id (REST ?draft=true)': async (h, a, c) => {
    const d = await content(h, c, 'draft')
    const r = await api(h, a, 'GET', `/api/${c}/${d.id}?draft=true`)
    return r.status === 200 && r.text.includes(d.title) ? 'yes' : 'no'
  },
  'list drafts (REST ?draft=true)': async (h, a, c) => {
    const d = await content(h, c, 'draft')
    const r = await api(h, a, 'GET', `/api/${c}?draft=true&where[id][equals]=${d.id}`)
    return r.text.includes(d.title) ? 'yes' : 'no'
  },
  'create a draft': async (h, a, c) => {
    const title = unique('created')
    const r = await api(h, a, 'POST', `/api/${c}?draft=true`, { ...contentData(h, c, title), _status: 'draft' })
    const id = (r.json?.doc as { id?: number } | undefined)?.id
    return id !== undefined && (await latestDoc(h, c, id))?.[titleField[c]] === title ? 'yes' : 'no'
  },
  'create published': async (h, a, c) => {
    const title = unique('created live')
    const r = await api(h, a, 'POST', `/api/${c}`, { ...contentData(h, c, title), _status: 'published' })
    const id = (r.json?.doc as { id?: number } | undefined)?.id
    return id === undefined ? 'no' : liveTitleAfter(h, c, id, title)
  },
  'update a draft': async (h, a, c) => {
    const d = await content(h, c, 'draft')
    const title = unique('edited')
    await api(h, a, 'PATCH', `/api/${c}/${d.id}?draft=true`, { [titleField[c]]: title })
    return (await latestDoc(h, c, d.id))?.[titleField[c]] === title ? 'yes' : 'no'
  },
  'save a draft over live content': async (h, a, c) => {
    const d = await content(h, c, 'live')
    const title = unique('proposal')
    await api(h, a, 'PATCH', `/api/${c}/${d.id}?draft=true`, { [titleField[c]]: title, _status: 'draft' })
    return liveTitleAfter(h, c, d.id, title)
  },
  publish: async (h, a, c) => {
    const d = await content(h, c, 'draft')
    await api(h, a, 'PATCH', `/api/${c}/${d.id}`, { _status: 'published' })
    return (await statusIs(h, c, d.id, 'published')) ? 'yes' : 'no'
  },
  unpublish: async (h, a, c) => {
    const d = await content(h, c, 'live')
    await api(h, a, 'PATCH', `/api/${c}/${d.id}`, { _status: 'draft' })
    return (await statusIs(h, c, d.id, 'draft')) ? 'yes' : 'no'
  },
  'update live content': async (h, a, c) => {
    const d = await content(h, c, 'live')
    const title = unique('live edit')
    await api(h, a, 'PATCH', `/api/${c}/${d.id}`, { [titleField[c]]: title })
    return liveTitleAfter(h, c, d.id, title)
  },
  'delete own never-published draft': async (h, a, c) => {
    const d = await content(h, c, 'draft', ownerFor(a))
    const r = await api(h, a, 'DELETE', `/api/${c}/${d.id}`)
    if (!(await exists(h, c, d))) return 'yes'
    return r.status === 403 || r.status === 401 || r.status === 404 ? 'no' : `no (${r.status} ${r.text.slice(0, 200)})`
  },
  "delete another's draft": async (h, a, c) => {
    const d = await content(h, c, 'draft', 'author2')
    await api(h, a, 'DELETE', `/api/${c}/${d.id}`)
    return (await exists(h, c, d)) ? 'no' : 'yes'
  },
  'delete own draft that was once published': async (h, a, c) => {
    const d = await content(h, c, 'onceLive', ownerFor(a))
    await api(h, a, 'DELETE', `/api/${c}/${d.id}`)
    return (await exists(h, c, d)) ? 'no' : 'yes'
  },
  'delete published': async (h, a, c) => {
    const d = await content(h, c, 'live')
    await api(h, a, 'DELETE', `/api/${c}/${d.id}`)
    return (await exists(h, c, d)) ? 'no' : 'yes'
  },
  'restore an old version over live content': async (h, a, c) => {
    const d = await content(h, c, 'history')
    await api(h, a, 'POST', `/api/${c}/versions/${d.v1}`)
    return liveTitleAfter(h, c, d.id, `${d.title} v1`)
  },
  'restore an old version as a draft': async (h, a, c) => {
    const d = await content(h, c, 'history')
    await api(h, a, 'POST', `/api/${c}/versions/${d.v1}?draft=true`)
    return liveTitleAfter(h, c, d.id, `${d.title} v1`)
  },
  'restore a published version over unpublished content': async (h, a, c) => {
    const d = await content(h, c, 'unpublishedHistory')
    await api(h, a, 'POST', `/api/${c}/versions/${d.v1}`)
    return (await statusIs(h, c, d.id, 'published')) ? 'yes' : 'no'
  },
  duplicate: async (h, a, c) => {
    const d = await content(h, c, 'live')
    const r = await api(h, a, 'POST', `/api/${c}/${d.id}/duplicate`)
    const id = (r.json?.doc as { id?: number } | undefined)?.id
    if (id === undefined) return 'no'
    const copy = await latestDoc(h, c, id)
    if (d.slug && copy?.slug === d.slug) return `copy kept the slug ${d.slug}`
    return (await statusIs(h, c, id, 'published')) ? 'yes' : 'draft'
  },
  'bulk publish (PATCH ?where)': async (h, a, c) => {
    const docs = [await content(h, c, 'draft'), await content(h, c, 'draft')]
    await api(h, a, 'PATCH', `/api/${c}?${idsQuery(docs.map((d) => d.id))}`, { _status: 'published' })
    const live = await Promise.all(docs.map((d) => statusIs(h, c, d.id, 'published')))
    return live.every(Boolean) ? 'yes' : live.some(Boolean) ? 'some published' : 'no'
  },
  'bulk update live content (PATCH ?where)': async (h, a, c) => {
    const docs = [await content(h, c, 'live'), await content(h, c, 'live')]
    const title = unique('bulk')
    await api(h, a, 'PATCH', `/api/${c}?${idsQuery(docs.map((d) => d.id))}`, { [titleField[c]]: title })
    const changed = await Promise.all(docs.map(async (d) => (await liveDoc(h, c, d.id))?.[titleField[c]] === title))
    return changed.every(Boolean) ? 'yes' : changed.some(Boolean) ? 'some changed' : 'no'
  },
  'bulk delete (DELETE ?where)': async (h, a, c) => {
    const own = await content(h, c, 'draft', ownerFor(a))
    const others = await content(h, c, 'draft', 'author2')
    const live = await content(h, c, 'live')
    await api(h, a, 'DELETE', `/api/${c}?${idsQuery([own.id, others.id, live.id])}`)
    const left = await Promise.all([own, others, live].map((d) => exists(h, c, d)))
    if (left.every((x) => !x)) return 'yes'
    if (left.every(Boolean)) return 'no'
    return left.join(',') === 'false,true,true' ? 'own' : `left: ${left.join(',')}`
  },
  'read versions': async (h, a, c) => {
    const d = await content(h, c, 'live')
    const r = await api(h, a, 'GET', `/api/${c}/versions?where[parent][equals]=${d.id}`)
    return r.status === 200 && ((r.json?.docs as unknown[] | undefined)?.length ?? 0) > 0 ? 'yes' : 'no'
  },
  'publish permission shown in the admin': async (h, a, c) => {
    const d = await content(h, c, 'draft')
    const r = await api(h, a, 'POST', `/api/${c}/access/${d.id}`, { _status: 'published' })
    const update = r.json?.update as boolean | { permission?: boolean } | undefined
    return update === true || (typeof update === 'object' && update.permission === true) ? 'yes' : 'no'
  },
  // The list's bulk Edit, Publish and Unpublish show when the collection-wide update is allowed.
  "bulk edit, publish and unpublish offered in the admin's list": async (h, a, c) => {
    const r = await api(h, a, 'GET', '/api/access')
    const update = (r.json?.collections as Record<string, { update?: boolean | { permission?: boolean } }> | undefined)?.[c]?.update
    return update === true || (typeof update === 'object' && update.permission === true) ? 'yes' : 'no'
  },
  'GraphQL: read a draft': async (h, a, c) => {
    const d = await content(h, c, 'draft')
    const res = await gql(h, a, `{ x: ${graphQLNames[c].many}(draft: true, where: { id: { equals: ${d.id} } }) { docs { id } } }`)
    const docs = (res?.data?.x as { docs?: unknown[] } | undefined)?.docs ?? []
    return docs.length === 1 ? 'yes' : 'no'
  },
  'GraphQL: create a draft': async (h, a, c) => {
    const title = unique('graphql created')
    const { one } = graphQLNames[c]
    const res = await gql(h, a, `mutation ($data: mutation${one}Input!) { x: create${one}(data: $data, draft: true) { id } }`, {
      data: contentData(h, c, title),
    })
    const id = (res?.data?.x as { id?: number } | undefined)?.id
    if (id === undefined) return res?.errors?.some((e) => /not allowed|forbidden/i.test(e.message)) ? 'no' : `error: ${JSON.stringify(res?.errors)}`
    return (await latestDoc(h, c, id))?.[titleField[c]] === title ? 'yes' : 'no'
  },
  'GraphQL: publish': async (h, a, c) => {
    const d = await content(h, c, 'draft')
    await gql(h, a, `mutation { update${graphQLNames[c].one}(id: ${d.id}, data: { _status: published }) { id } }`)
    return (await statusIs(h, c, d.id, 'published')) ? 'yes' : 'no'
  },
  'GraphQL: update live content': async (h, a, c) => {
    const d = await content(h, c, 'live')
    const title = unique('graphql live edit')
    await gql(h, a, `mutation { update${graphQLNames[c].one}(id: ${d.id}, data: { ${titleField[c]}: ${JSON.stringify(title)} }) { id } }`)
    return liveTitleAfter(h, c, d.id, title)
  },
  'GraphQL: restore an old version over live content': async (h, a, c) => {
    const d = await content(h, c, 'history')
    await gql(h, a, `mutation { restoreVersion${graphQLNames[c].one}(id: ${d.v1}) { id } }`)
    return liveTitleAfter(h, c, d.id, `${d.title} v1`)
  },
  'GraphQL: restore an old version as a draft': async (h, a, c) => {
    const d = await content(h, c, 'history')
    await gql(h, a, `mutation { restoreVersion${graphQLNames[c].one}(id: ${d.v1}, draft: true) { id } }`)
    return liveTitleAfter(h, c, d.id, `${d.title} v1`)
  },
  'GraphQL: delete published': async (h, a, c) => {
    const d = await content(h, c, 'live')
    await gql(h, a, `mutation { delete${graphQLNames[c].one}(id: ${d.id}) { id } }`)
    return (await exists(h, c, d)) ? 'no' : 'yes'
  },
  'GraphQL: delete own never-published draft': async (h, a, c) => {
    const d = await content(h, c, 'draft', ownerFor(a))
    await gql(h, a, `mutation { delete${graphQLNames[c].one}(id: ${d.id}) { id } }`)
    return (await exists(h, c, d)) ? 'no' : 'yes'
  },
}

type Files = 'media' | 'documents'
/** Files shared by the read-only cells. */
export const sharedFiles: Partial<Record<Files, { used: FileFixture; unused: FileFixture }>> = {}

const listIds = (r: { json: Record<string, unknown> | null }) => ((r.json?.docs as { id: unknown }[] | undefined) ?? []).map((d) => String(d.id))
function listing(ids: string[], f: { used: FileFixture; unused: FileFixture }): Outcome | string {
  const used = ids.includes(String(f.used.id))
  const unused = ids.includes(String(f.unused.id))
  return used && unused ? 'yes' : used ? 'live' : !unused ? 'no' : 'unused only'
}
const detailChanged = async (h: Harness, c: Files, id: number | string, detail: string) => ((await detailOf(h, c, id)).detail === detail ? 'yes' : 'no')
const replaced = async (h: Harness, c: Files, f: FileFixture) => ((await detailOf(h, c, f.id)).filename !== f.filename ? 'yes' : 'no')

export const fileRuns: Record<FileOperation, Run<Files>> = {
  list: async (h, a, c) => listing(listIds(await api(h, a, 'GET', `/api/${c}?limit=1000&depth=0`)), sharedFiles[c]!),
  'download a used file': async (h, a, c) => ((await api(h, a, 'GET', `/api/${c}/file/${sharedFiles[c]!.used.filename}`)).status === 200 ? 'yes' : 'no'),
  'download a file only a draft uses': async (h, a, c) =>
    (await api(h, a, 'GET', `/api/${c}/file/${sharedFiles[c]!.unused.filename}`)).status === 200 ? 'yes' : 'no',
  'upload a new file': async (h, a, c) => {
    const detail = unique('uploaded')
    const r = await api(h, a, 'POST', `/api/${c}?locale=lt`, undefined, { form: multipart(await fileBytes(c, detail), fileDetails(c, detail)) })
    const id = (r.json?.doc as { id?: number } | undefined)?.id
    return id !== undefined && (await exists(h, c, id)) ? 'yes' : 'no'
  },
  'change details of a used file': async (h, a, c) => {
    const f = await file(h, c, true)
    const detail = unique('changed')
    await api(h, a, 'PATCH', `/api/${c}/${f.id}?locale=lt`, fileDetails(c, detail))
    return detailChanged(h, c, f.id, detail)
  },
  'change details of an unused file': async (h, a, c) => {
    const f = await file(h, c, false)
    const detail = unique('changed')
    await api(h, a, 'PATCH', `/api/${c}/${f.id}?locale=lt`, fileDetails(c, detail))
    return detailChanged(h, c, f.id, detail)
  },
  'replace a used file in place': async (h, a, c) => {
    const f = await file(h, c, true)
    await api(h, a, 'PATCH', `/api/${c}/${f.id}?locale=lt`, undefined, { form: multipart(await fileBytes(c, unique('replacement')), {}) })
    return replaced(h, c, f)
  },
  'replace an unused file': async (h, a, c) => {
    const f = await file(h, c, false)
    await api(h, a, 'PATCH', `/api/${c}/${f.id}?locale=lt`, undefined, { form: multipart(await fileBytes(c, unique('replacement')), {}) })
    return replaced(h, c, f)
  },
  'restore an older version of a used file': async (h, a, c) => {
    const f = await file(h, c, true)
    await h.payload.update({ collection: c, id: f.id, locale: 'lt', data: fileDetails(c, unique('newer')) as never, overrideAccess: true })
    const versions = await h.payload.findVersions({ collection: c, where: { parent: { equals: f.id } }, sort: 'createdAt', locale: 'lt', overrideAccess: true })
    const first = versions.docs.find((v) => Object.values(v.version as unknown as Record<string, unknown>).includes(f.detail))
    if (!first) return 'no version of the original details'
    await api(h, a, 'POST', `/api/${c}/versions/${first.id}`)
    return detailChanged(h, c, f.id, f.detail)
  },
  'read versions': async (h, a, c) => ((await api(h, a, 'GET', `/api/${c}/versions`)).status === 200 ? 'yes' : 'no'),
  'delete an unused file': async (h, a, c) => {
    const f = await file(h, c, false)
    await api(h, a, 'DELETE', `/api/${c}/${f.id}`)
    return (await exists(h, c, f.id)) ? 'no' : 'yes'
  },
  'GraphQL: list': async (h, a, c) => {
    const res = await gql(h, a, `{ x: ${c === 'media' ? 'allMedia' : 'Documents'}(limit: 1000) { docs { id } } }`)
    return listing(((res?.data?.x as { docs?: { id: unknown }[] } | undefined)?.docs ?? []).map((d) => String(d.id)), sharedFiles[c]!)
  },
}

const settingsCity = async (h: Harness, draft: boolean) =>
  String((await h.payload.findGlobal({ slug: 'settings', draft, locale: 'lt', overrideAccess: true })).cityName)

export const settingsRuns: Record<SettingsOperation, Run<'settings'>> = {
  'read published': async (h, a) => {
    const r = await api(h, a, 'GET', '/api/globals/settings?locale=lt')
    return r.status === 200 && r.json?.cityName === (await settingsCity(h, false)) ? 'yes' : 'no'
  },
  'read the draft (?draft=true)': async (h, a) => {
    const draft = unique('Draft city')
    await h.payload.updateGlobal({ slug: 'settings', locale: 'lt', data: { cityName: draft }, draft: true, overrideAccess: true, context: { atviraSeeding: true } })
    const r = await api(h, a, 'GET', '/api/globals/settings?locale=lt&draft=true')
    return r.json?.cityName === draft ? 'yes' : 'no'
  },
  'save a draft': async (h, a) => {
    const city = unique('Drafted city')
    await api(h, a, 'POST', '/api/globals/settings?locale=lt&draft=true', { cityName: city, _status: 'draft' })
    return (await settingsCity(h, true)) === city ? 'yes' : 'no'
  },
  publish: async (h, a) => {
    const city = unique('Published city')
    await api(h, a, 'POST', '/api/globals/settings?locale=lt', { cityName: city, _status: 'published' })
    return (await settingsCity(h, false)) === city ? 'yes' : 'no'
  },
  'read versions': async (h, a) => ((await api(h, a, 'GET', '/api/globals/settings/versions')).status === 200 ? 'yes' : 'no'),
  'restore a version': async (h, a) => {
    const city = unique('Restorable city')
    const opts = { slug: 'settings' as const, locale: 'lt' as const, overrideAccess: true, context: { atviraSeeding: true } }
    await h.payload.updateGlobal({ ...opts, data: { cityName: city, _status: 'published' } })
    await h.payload.updateGlobal({ ...opts, data: { cityName: unique('Later city'), _status: 'published' } })
    const versions = await h.payload.findGlobalVersions({ slug: 'settings', locale: 'lt', limit: 100, sort: '-createdAt', overrideAccess: true })
    const v = versions.docs.find((d) => (d.version as { cityName?: string }).cityName === city && (d.version as { _status?: string })._status === 'published')
    await api(h, a, 'POST', `/api/globals/settings/versions/${v!.id}`)
    return (await settingsCity(h, false)) === city ? 'yes' : 'no'
  },
  'GraphQL: publish': async (h, a) => {
    const city = unique('GraphQL city')
    const res = await gql(h, a, `mutation { updateSetting(locale: lt, data: { cityName: ${JSON.stringify(city)}, _status: published }) { cityName } }`)
    if ((await settingsCity(h, false)) === city) return 'yes'
    return res?.errors?.some((e) => /not allowed|forbidden/i.test(e.message)) ? 'no' : `no: ${JSON.stringify(res?.errors)}`
  },
}

export async function systemRun(h: Harness, a: Actor, collection: string, operation: 'list' | 'create'): Promise<Outcome | string> {
  if (operation === 'list') {
    const r = await api(h, a, 'GET', `/api/${collection}?limit=100&depth=0`)
    if (r.status !== 200) return 'no'
    if (collection !== 'users') return 'yes'
    const ids = listIds(r)
    const self = a === 'anonymous' ? undefined : String(h.users[a].id)
    return ids.length === 1 && ids[0] === self ? 'self' : ids.length >= 4 ? 'yes' : `ids ${ids.join(',')}`
  }
  const r = await api(h, a, 'POST', `/api/${collection}`, {})
  // 400: allowed, and told what is missing.
  return r.status === 201 || r.status === 400 ? 'yes' : 'no'
}

const ok = (r: { status: number }) => (r.status === 200 ? 'yes' : 'no')

/** A refusal that names the person is a leak, whatever its status. */
const seen = (r: { status: number; text: string }, s: SubscriberFixture, found: boolean): Outcome | string => {
  if (found) return 'yes'
  return r.text.includes(s.email) ? `refused (${r.status}) but named the address` : 'no'
}
const frequencyOf = async (h: Harness, s: SubscriberFixture) =>
  (await h.payload.findByID({ collection: 'subscribers', id: s.id, depth: 0, overrideAccess: true })).frequency
const gqlDocs = (res: Awaited<ReturnType<typeof gql>>, field: string) => ((res?.data?.[field] as { docs?: { email?: string }[] } | null)?.docs ?? []).map((d) => d.email)

export const subscriberRuns: Record<SubscriberOperation, Run<'subscribers'>> = {
  'REST: search by address (list)': async (h, a) => {
    const s = await subscriber(h)
    const r = await api(h, a, 'GET', `/api/subscribers?where[email][like]=${encodeURIComponent(s.email.split('@')[0]!)}&depth=0`)
    return seen(r, s, r.status === 200 && listIds(r).includes(String(s.id)))
  },
  'REST: read one': async (h, a) => {
    const s = await subscriber(h)
    const r = await api(h, a, 'GET', `/api/subscribers/${s.id}`)
    return seen(r, s, r.status === 200 && r.json?.email === s.email)
  },
  'REST: count': async (h, a) => {
    const s = await subscriber(h)
    const r = await api(h, a, 'GET', `/api/subscribers/count?where[email][equals]=${encodeURIComponent(s.email)}`)
    return r.status === 200 && r.json?.totalDocs === 1 ? 'yes' : r.json && 'totalDocs' in r.json ? `counted ${String(r.json.totalDocs)}` : 'no'
  },
  'REST: create': async (h, a) => {
    const email = `${unique('created').replace(/\W+/g, '-').toLowerCase()}@example.net`
    await api(h, a, 'POST', '/api/subscribers', { email, locale: 'lt' })
    return (await subscriberExists(h, { id: 0, email })) ? 'yes' : 'no'
  },
  'REST: update': async (h, a) => {
    const s = await subscriber(h)
    await api(h, a, 'PATCH', `/api/subscribers/${s.id}`, { frequency: 'weekly' })
    return (await frequencyOf(h, s)) === 'weekly' ? 'yes' : 'no'
  },
  'REST: delete': async (h, a) => {
    const s = await subscriber(h)
    await api(h, a, 'DELETE', `/api/subscribers/${s.id}`)
    return (await subscriberExists(h, s)) ? 'no' : 'yes'
  },
  'REST: bulk delete (DELETE ?where)': async (h, a) => {
    const both = [await subscriber(h), await subscriber(h)]
    await api(h, a, 'DELETE', `/api/subscribers?${both.map((s, i) => `where[email][in][${i}]=${encodeURIComponent(s.email)}`).join('&')}`)
    const left = await Promise.all(both.map((s) => subscriberExists(h, s)))
    return left.every(Boolean) ? 'no' : left.some(Boolean) ? 'one deleted' : 'yes'
  },
  'GraphQL: find by address': async (h, a) => {
    const s = await subscriber(h)
    // Payload's GraphQL types the operand as an e-mail address: a whole one (`like` on part of it is REST's).
    const res = await gql(h, a, `{ Subscribers(where: { email: { equals: ${JSON.stringify(s.email)} } }) { docs { email } } }`)
    if (res?.errors?.length && !res.errors.every((e) => /not allowed|forbidden/i.test(e.message))) return `error: ${JSON.stringify(res.errors)}`
    return seen({ status: 200, text: JSON.stringify(res) }, s, gqlDocs(res, 'Subscribers').includes(s.email))
  },
  'GraphQL: count': async (h, a) => {
    const s = await subscriber(h)
    const res = await gql(h, a, `{ countSubscribers(where: { email: { equals: ${JSON.stringify(s.email)} } }) { totalDocs } }`)
    const total = (res?.data?.countSubscribers as { totalDocs?: number } | null)?.totalDocs
    return total === 1 ? 'yes' : total === undefined ? 'no' : `counted ${total}`
  },
  'GraphQL: update': async (h, a) => {
    const s = await subscriber(h)
    await gql(h, a, `mutation { updateSubscriber(id: ${s.id}, data: { frequency: weekly }) { id } }`)
    return (await frequencyOf(h, s)) === 'weekly' ? 'yes' : 'no'
  },
  'GraphQL: delete': async (h, a) => {
    const s = await subscriber(h)
    await gql(h, a, `mutation { deleteSubscriber(id: ${s.id}) { id } }`)
    return (await subscriberExists(h, s)) ? 'no' : 'yes'
  },
  "GET /api/subscribers/:id/export (one person's data)": async (h, a) => {
    const s = await subscriber(h)
    const r = await api(h, a, 'GET', `/api/subscribers/${s.id}/export`)
    const data = r.json as { email?: string; mail?: unknown[] } | null
    return seen(r, s, r.status === 200 && data?.email === s.email && data.mail?.length === 2)
  },
  'POST /api/subscribers/:id/erase (the person and their data)': async (h, a) => {
    const s = await subscriber(h)
    const r = await api(h, a, 'POST', `/api/subscribers/${s.id}/erase`)
    const [there, mail] = [await subscriberExists(h, s), await mailOf(h, s)]
    if (!there && mail === 0 && r.status === 200) return 'yes'
    if (there && mail === 2) return 'no'
    return `status ${r.status}, subscriber ${there ? 'kept' : 'gone'}, ${mail} emails left`
  },
}

async function serverFunctionReq(h: Harness, a: Actor) {
  const user = a === 'anonymous' ? null : { ...h.users[a], collection: 'users' as const }
  return createLocalReq({ user: user as never }, h.payload)
}

export const endpointRuns: Record<EndpointOperation, Run<'endpoints'>> = {
  'GET /api/subscribers/export.csv': async (h, a) => ok(await api(h, a, 'GET', '/api/subscribers/export.csv')),
  'GET /api/subscribers/stats': async (h, a) => ok(await api(h, a, 'GET', '/api/subscribers/stats')),
  'GET /api/site-builds/for (a document on the site)': async (h, a) => ok(await api(h, a, 'GET', '/api/site-builds/for?collection=news&id=1')),
  'POST /api/news/:id/review (submit a draft for review)': async (h, a) => {
    const draft = await content(h, 'news', 'draft', 'author')
    return ok(await api(h, a, 'POST', `/api/news/${draft.id}/review`, { action: 'submit' }))
  },
  'POST /api/news/:id/review (return it with a comment)': async (h, a) => {
    const draft = await content(h, 'news', 'draft', 'author')
    const submitted = await api(h, 'author', 'POST', `/api/news/${draft.id}/review`, { action: 'submit' })
    if (submitted.status !== 200) return `the author could not submit it (${submitted.status})`
    return ok(await api(h, a, 'POST', `/api/news/${draft.id}/review`, { action: 'return', comment: 'Pataisykite.' }))
  },
  'GET /api/consultation-responses/export.csv': async (h, a) =>
    ok(await api(h, a, 'GET', `/api/consultation-responses/export.csv?consultation=${h.consultationId}`)),
  'GET /api/consultation-responses/summary': async (h, a) =>
    ok(await api(h, a, 'GET', `/api/consultation-responses/summary?consultation=${h.consultationId}`)),
  'GET /api/consultation-responses/public': async (h, a) => ok(await api(h, a, 'GET', '/api/consultation-responses/public')),
  'GET /api/newsletter-runs/preview': async (h, a) => ok(await api(h, a, 'GET', '/api/newsletter-runs/preview?frequency=daily&locale=lt')),
  'POST /api/newsletter-runs/send-test': async (h, a) =>
    ok(await api(h, a, 'POST', '/api/newsletter-runs/send-test', undefined, { form: new URLSearchParams({ frequency: 'daily', locale: 'lt' }) })),
  'GET /api/payload-jobs/run': async (h, a) => ok(await api(h, a, 'GET', '/api/payload-jobs/run?queue=default&limit=1')),
  'POST /api/payload-jobs/run': async (h, a) => ok(await api(h, a, 'POST', '/api/payload-jobs/run?queue=default&limit=1')),
  'media: download an image size only a draft uses': async (h, a) =>
    ok(await api(h, a, 'GET', `/api/media/file/${sharedFiles.media!.unused.size}`)),
  'change own role to admin': async (h, a) => {
    if (a === 'anonymous') return ok(await api(h, a, 'PATCH', `/api/users/${h.users.author.id}`, { role: 'admin' }))
    await api(h, a, 'PATCH', `/api/users/${h.users[a].id}`, { role: 'admin' })
    const role = (await h.payload.findByID({ collection: 'users', id: h.users[a].id, overrideAccess: true })).role
    return role === 'admin' ? 'yes' : 'no'
  },
  'promote another account to editor': async (h, a) => {
    const target = await h.payload.create({
      collection: 'users',
      data: { email: `${unique('target').replace(/\W+/g, '-')}@example.test`, password: 'a-long-target-password', name: 'T', role: 'author' },
      overrideAccess: true,
    })
    await api(h, a, 'PATCH', `/api/users/${target.id}`, { role: 'editor' })
    return (await h.payload.findByID({ collection: 'users', id: target.id, overrideAccess: true })).role === 'editor' ? 'yes' : 'no'
  },
  'GraphQL: list users': async (h, a) => {
    const res = await gql(h, a, '{ Users(limit: 100) { docs { id } } }')
    const ids = ((res?.data?.Users as { docs?: { id: unknown }[] } | null)?.docs ?? []).map((d) => String(d.id))
    if (ids.length === 0) return 'no'
    return a !== 'anonymous' && ids.length === 1 && ids[0] === String(h.users[a].id) ? 'self' : ids.length >= 4 ? 'yes' : `ids ${ids.join(',')}`
  },
  'admin server function: schedule publishing (Local)': async (h, a) => {
    const d = await content(h, 'news', 'draft')
    const req = await serverFunctionReq(h, a)
    const date = new Date(Date.now() + 400)
    let result: { error?: string; message?: string }
    try {
      result = (await schedulePublishServerFunction({ req, type: 'publish', date, doc: { relationTo: 'news', value: String(d.id) } } as never)) as typeof result
    } catch {
      return 'no'
    }
    const jobs = await h.payload.find({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { 'input.doc.value': { equals: String(d.id) } }] }, overrideAccess: true })
    if (result.error || jobs.docs.length === 0) return jobs.docs.length === 0 ? 'no' : 'queued despite an error'
    // The job runs as the scheduling staff member and publishes at the set time.
    await new Promise((r) => setTimeout(r, 500))
    await h.payload.jobs.runByID({ id: jobs.docs[0]!.id })
    return (await liveDoc(h, 'news', d.id))?._status === 'published' ? 'yes' : 'queued, but did not publish'
  },
  'admin server function: cancel a scheduled publish (Local)': async (h, a) => {
    const d = await content(h, 'news', 'draft')
    const job = await h.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'news', value: String(d.id) }, user: { relationTo: 'users', value: h.users.editor.id } },
      waitUntil: new Date(Date.now() + 3_600_000),
    } as never)
    const req = await serverFunctionReq(h, a)
    try {
      await schedulePublishServerFunction({ req, deleteID: job.id } as never)
    } catch (error) {
      return a === 'anonymous' ? 'no' : `threw: ${(error as Error).message}`
    }
    // By what it would publish: SQLite may give the next job the deleted one's id.
    const left = await h.payload.count({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { 'input.doc.value': { equals: String(d.id) } }] },
      overrideAccess: true,
    })
    return left.totalDocs === 0 ? 'yes' : 'no'
  },
}
