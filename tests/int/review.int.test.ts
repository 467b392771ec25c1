/**
 * Review: an author submits a draft, editors and admins are e-mailed (a real SMTP server
 * on loopback), an editor returns it with a comment the author is e-mailed, publishing
 * ends the review. What is live never changes. The admin's buttons and the dashboard in
 * Chromium are tests/e2e/journeys.e2e.test.ts.
 */
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { reviewDraft, type ReviewAction } from '../../cms/plugins/review/endpoint'
import { paragraph, startCms, type TestCms } from './helpers'
import { startSink, type Sink } from './smtpSink'

let cms: TestCms
let payload: Payload
let sink: Sink
const people = {
  admin: { email: 'admin.review@pajuris.example', name: 'Ada Administratorė', role: 'admin' },
  editor: { email: 'editor.review@pajuris.example', name: 'Eglė Redaktorė', role: 'editor' },
  author: { email: 'author.review@pajuris.example', name: 'Aurimas Autorius', role: 'author' },
} as const
type Who = keyof typeof people
const users = {} as Record<Who, { id: number; role: string; email: string; name: string; collection: 'users' }>

beforeAll(async () => {
  sink = await startSink()
  cms = await startCms({ env: { SMTP_URL: sink.url, SITE_BUILD_DEBOUNCE_MS: '0', PAYLOAD_PUBLIC_SERVER_URL: 'http://127.0.0.1:3999' } })
  payload = cms.payload
  for (const [who, data] of Object.entries(people)) {
    const u = await payload.create({ collection: 'users', data: { ...data, password: `Review-${who}-pa55-word-long!` } as never, overrideAccess: true })
    users[who as Who] = { id: u.id as number, role: data.role, email: data.email, name: data.name, collection: 'users' }
  }
})
afterAll(async () => {
  await cms?.close()
  await sink?.close()
})

const as = async (who: Who | null) => createLocalReq({ user: (who ? users[who] : null) as never }, payload)
const act = async (who: Who | null, id: number | string, asked: ReviewAction, lang = 'lt') => reviewDraft(await as(who), 'news', String(id), asked, lang)
const latest = (id: number) => payload.findByID({ collection: 'news', id, draft: true, depth: 0, overrideAccess: true }) as Promise<{ title: string; review?: { state?: string | null; comment?: string | null; by?: unknown } }>
const mailsTo = async (address: string, count: number) => {
  const until = Date.now() + 10_000
  while (sink.to(address).length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 50))
  return Promise.all(sink.to(address).map((r) => sink.parse(r)))
}

async function authorsDraft(title: string) {
  const doc = await payload.create({ collection: 'news', data: { title, summary: 's', body: paragraph('b') } as never, draft: true, user: users.author as never, overrideAccess: false })
  return doc.id as number
}

describe('review of a draft', () => {
  it('submit: the newest draft waits, every editor and admin is e-mailed in Lithuanian with the link; return: the author gets the comment', async () => {
    const id = await authorsDraft('Naujas biblioteką lankstinukas')
    const submitted = await act('author', id, { action: 'submit' })
    expect(submitted.status).toBe(200)
    expect((await latest(id)).review).toMatchObject({ state: 'submitted', comment: null })
    for (const who of ['editor', 'admin'] as const) {
      const [mail] = await mailsTo(people[who].email, 1)
      expect(mail!.subject).toBe('Laukia peržiūros: Naujas biblioteką lankstinukas')
      expect(mail!.text).toContain('Aurimas Autorius pateikė peržiūrai „Naujas biblioteką lankstinukas“.')
      expect(mail!.text).toContain(`http://127.0.0.1:3999/admin/collections/news/${id}`)
    }
    expect(sink.to(people.author.email)).toHaveLength(0)

    const returned = await act('editor', id, { action: 'return', comment: '  Patikslinkite atidarymo datą.  ' })
    expect(returned.status).toBe(200)
    expect((await latest(id)).review).toMatchObject({ state: 'returned', comment: 'Patikslinkite atidarymo datą.', by: users.editor.id })
    const [back] = await mailsTo(people.author.email, 1)
    expect(back!.subject).toBe('Grąžinta su komentaru: Naujas biblioteką lankstinukas')
    expect(back!.text).toContain('Eglė Redaktorė grąžino „Naujas biblioteką lankstinukas“ su šiuo komentaru:\n\nPatikslinkite atidarymo datą.')
    // Still a draft: nothing went live.
    expect((await payload.findByID({ collection: 'news', id, draft: false, overrideAccess: true }))._status).toBe('draft')
  })

  it.each([
    ['an author returning', 'author', { action: 'return', comment: 'x' }, 403, /Juodraščius grąžina tik redaktoriai/],
    ['a return without a comment', 'editor', { action: 'return', comment: '   ' }, 400, /Parašykite, ką autorius turėtų pakeisti/],
    ['a comment over 2,000 characters', 'editor', { action: 'return', comment: 'x'.repeat(2001) }, 400, /ne daugiau kaip 2000/],
    ['anyone signed out', null, { action: 'submit' }, 403, /Prisijunkite/],
  ] as const)('%s is refused with what to do', async (_, who, asked, status, message) => {
    const id = await authorsDraft(`Atmetama ${status}`)
    await act('author', id, { action: 'submit' })
    const outcome = await act(who, id, asked as ReviewAction)
    expect(outcome.status).toBe(status)
    expect('message' in outcome && outcome.message).toMatch(message)
    expect((await latest(id)).review?.state).toBe('submitted')
  })

  it('returning what is not waiting is a conflict; unknown and malformed ids are not found; messages in the admin language', async () => {
    const id = await authorsDraft('Nepateikta')
    expect(await act('editor', id, { action: 'return', comment: 'x' }, 'en')).toEqual({ status: 409, message: expect.stringMatching(/not waiting for review/) })
    expect((await act('author', 987654, { action: 'submit' })).status).toBe(404)
    expect((await act('author', '../1', { action: 'submit' })).status).toBe(404)
  })

  it('a draft over live content: submitting leaves the live version; publishing ends the review', async () => {
    const live = await payload.create({ collection: 'news', data: { title: 'Gyva naujiena', summary: 's', body: paragraph('b'), _status: 'published' } as never, overrideAccess: true })
    await payload.update({ collection: 'news', id: live.id, draft: true, data: { title: 'Gyva naujiena (taisoma)' } as never, user: users.author as never, overrideAccess: false })
    expect((await act('author', live.id, { action: 'submit' })).status).toBe(200)
    expect((await payload.findByID({ collection: 'news', id: live.id, draft: false, overrideAccess: true })).title).toBe('Gyva naujiena')
    expect((await latest(live.id as number)).title).toBe('Gyva naujiena (taisoma)')
    await payload.update({ collection: 'news', id: live.id, data: { _status: 'published' } as never, user: users.editor as never, overrideAccess: false })
    const after = await payload.findByID({ collection: 'news', id: live.id, draft: false, overrideAccess: true })
    expect(after.title).toBe('Gyva naujiena (taisoma)')
    expect((after as { review?: { state?: string | null } }).review?.state ?? null).toBeNull()
  })

  it('nobody writes the review through the API: field access keeps it', async () => {
    const id = await authorsDraft('Savavališka būsena')
    await payload.update({ collection: 'news', id, draft: true, data: { review: { state: 'submitted', comment: 'pats sau' } } as never, user: users.author as never, overrideAccess: false })
    expect((await latest(id)).review?.state ?? null).toBeNull()
    // And the public never reads it.
    await act('author', id, { action: 'submit' })
    const anonymous = await payload.find({ collection: 'news', where: { id: { equals: id } }, draft: false, overrideAccess: false, user: null })
    expect(anonymous.docs).toHaveLength(0)
  })
})
