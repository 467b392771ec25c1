import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../../cms/payload-types'
import { paragraph } from '../helpers'

type Actor = 'anonymous' | 'author' | 'editor' | 'admin'
const actors: Actor[] = ['anonymous', 'author', 'editor', 'admin']

/**
 * The access matrix: who may read drafts, publish, unpublish, delete published content
 * and read user accounts. Runs through the Local API with access enforced.
 */
export function accessSuite(getPayload: () => Payload) {
  let payload: Payload
  const users: Partial<Record<Actor, User>> = {}
  let topicId: number | string

  const as = (actor: Actor) => ({ overrideAccess: false as const, user: users[actor] ?? null })

  async function newsDoc(status: 'draft' | 'published', marker: string) {
    return payload.create({
      collection: 'news',
      data: {
        title: `Access ${marker}`,
        summary: 'Summary',
        body: paragraph('Body'),
        topics: [topicId],
        _status: status,
      } as never,
      draft: status === 'draft',
      overrideAccess: true,
    })
  }

  beforeAll(async () => {
    payload = getPayload()
    for (const role of ['admin', 'editor', 'author'] as const) {
      users[role] = (await payload.create({
        collection: 'users',
        data: { email: `${role}-${Date.now()}@example.test`, password: 'correct-horse-battery', name: role, role },
        overrideAccess: true,
      })) as User
    }
    topicId = (
      await payload.create({
        collection: 'topics',
        data: { name: 'Access topic', _status: 'published' } as never,
        overrideAccess: true,
      })
    ).id
  })

  const expected = {
    readDraft: { anonymous: false, author: true, editor: true, admin: true },
    publish: { anonymous: false, author: false, editor: true, admin: true },
    unpublish: { anonymous: false, author: false, editor: true, admin: true },
    deletePublished: { anonymous: false, author: false, editor: true, admin: true },
    readAllUsers: { anonymous: false, author: false, editor: false, admin: true },
  } as const

  describe.each(actors)('%s', (actor) => {
    it(`${expected.readDraft[actor] ? 'can' : 'cannot'} read drafts`, async () => {
      const draft = await newsDoc('draft', `read-${actor}`)
      const found = await payload.find({
        collection: 'news',
        where: { id: { equals: draft.id } },
        draft: true,
        ...as(actor),
      })
      expect(found.docs.length).toBe(expected.readDraft[actor] ? 1 : 0)
    })

    it(`${expected.publish[actor] ? 'can' : 'cannot'} publish`, async () => {
      const draft = await newsDoc('draft', `publish-${actor}`)
      const attempt = payload.update({ collection: 'news', id: draft.id, data: { _status: 'published' }, ...as(actor) })
      if (expected.publish[actor]) await expect(attempt).resolves.toMatchObject({ _status: 'published' })
      else await expect(attempt).rejects.toThrow()
      const after = await payload.findByID({ collection: 'news', id: draft.id, overrideAccess: true })
      expect(after._status).toBe(expected.publish[actor] ? 'published' : 'draft')
    })

    it(`${expected.unpublish[actor] ? 'can' : 'cannot'} unpublish`, async () => {
      const live = await newsDoc('published', `unpublish-${actor}`)
      const attempt = payload.update({ collection: 'news', id: live.id, data: { _status: 'draft' }, ...as(actor) })
      if (expected.unpublish[actor]) await attempt
      else await expect(attempt).rejects.toThrow()
      const after = await payload.findByID({ collection: 'news', id: live.id, overrideAccess: true })
      expect(after._status).toBe(expected.unpublish[actor] ? 'draft' : 'published')
    })

    it(`${expected.deletePublished[actor] ? 'can' : 'cannot'} delete published content`, async () => {
      const live = await newsDoc('published', `delete-${actor}`)
      const attempt = payload.delete({ collection: 'news', id: live.id, ...as(actor) })
      if (expected.deletePublished[actor]) await attempt
      else await expect(attempt).rejects.toThrow()
      const left = await payload.count({ collection: 'news', where: { id: { equals: live.id } }, overrideAccess: true })
      expect(left.totalDocs).toBe(expected.deletePublished[actor] ? 0 : 1)
    })

    it(`${expected.readAllUsers[actor] ? 'can' : 'cannot'} read other users`, async () => {
      if (actor === 'anonymous') {
        await expect(payload.find({ collection: 'users', ...as(actor) })).rejects.toThrow()
        return
      }
      const found = await payload.find({ collection: 'users', limit: 100, ...as(actor) })
      if (expected.readAllUsers[actor]) expect(found.docs.length).toBeGreaterThanOrEqual(3)
      else expect(found.docs.map((u) => u.id)).toEqual([users[actor]!.id])
    })
  })

  describe('authors', () => {
    it('save a draft over published content without changing what is live', async () => {
      const live = await newsDoc('published', 'author-draft-over')
      await payload.update({
        collection: 'news',
        id: live.id,
        data: { title: 'Author’s proposed title' },
        draft: true,
        ...as('author'),
      })
      const publicView = await payload.findByID({ collection: 'news', id: live.id, overrideAccess: false, user: null })
      expect(publicView.title).toBe('Access author-draft-over')
      const latest = await payload.findByID({ collection: 'news', id: live.id, draft: true, overrideAccess: true })
      expect(latest.title).toBe('Author’s proposed title')
    })

    it('cannot edit a published document directly', async () => {
      const live = await newsDoc('published', 'author-direct')
      await expect(
        payload.update({ collection: 'news', id: live.id, data: { title: 'Changed live' }, ...as('author') }),
      ).rejects.toThrow()
    })

    it('can delete their own unpublished drafts and cannot promote themselves', async () => {
      const draft = await payload.create({
        collection: 'news',
        data: { title: 'Author own draft', summary: 'S', body: paragraph('B') } as never,
        draft: true,
        ...as('author'),
      })
      await payload.delete({ collection: 'news', id: draft.id, ...as('author') })
      expect((await payload.count({ collection: 'news', where: { id: { equals: draft.id } }, overrideAccess: true })).totalDocs).toBe(0)
      const updated = await payload.update({
        collection: 'users',
        id: users.author!.id,
        data: { role: 'admin' },
        ...as('author'),
      })
      expect(updated.role).toBe('author')
    })
  })

  describe('anonymous readers', () => {
    it('see published documents only, without internal fields', async () => {
      const draft = await newsDoc('draft', 'anon-draft')
      const live = await payload.create({
        collection: 'news',
        data: {
          title: 'Anon live',
          summary: 'S',
          body: paragraph('B'),
          internalNote: 'secret staff note',
          _status: 'published',
        } as never,
        overrideAccess: true,
      })
      for (const draftFlag of [false, true]) {
        const found = await payload.find({ collection: 'news', draft: draftFlag, limit: 500, overrideAccess: false, user: null })
        const ids = found.docs.map((d) => d.id)
        expect(ids).toContain(live.id)
        expect(ids).not.toContain(draft.id)
        expect(found.docs.every((d) => d._status === 'published')).toBe(true)
        expect(found.docs.find((d) => d.id === live.id)).not.toHaveProperty('internalNote')
      }
      const staffView = await payload.findByID({ collection: 'news', id: live.id, ...as('editor') })
      expect(staffView.internalNote).toBe('secret staff note')
    })

    it('never get the newer draft of a published document', async () => {
      const live = await newsDoc('published', 'anon-newer')
      await payload.update({ collection: 'news', id: live.id, data: { title: 'Unpublished edit' }, draft: true, overrideAccess: true })
      const viaDraft = await payload.find({
        collection: 'news',
        where: { id: { equals: live.id } },
        draft: true,
        overrideAccess: false,
        user: null,
      })
      expect(viaDraft.docs.map((d) => d.title)).not.toContain('Unpublished edit')
    })

    it('read the published settings, never a settings draft', async () => {
      await payload.updateGlobal({ slug: 'settings', data: { cityName: 'Published city', _status: 'published' }, overrideAccess: true })
      await payload.updateGlobal({ slug: 'settings', data: { cityName: 'Draft city' }, draft: true, overrideAccess: true })
      for (const draft of [false, true]) {
        const s = await payload.findGlobal({ slug: 'settings', draft, overrideAccess: false, user: null })
        expect(s.cityName).toBe('Published city')
      }
      const staff = await payload.findGlobal({ slug: 'settings', draft: true, overrideAccess: false, user: users.editor! })
      expect(staff.cityName).toBe('Draft city')
    })
  })

  describe('ownership and deleting drafts', () => {
    const exists = async (id: number | string) =>
      (await payload.count({ collection: 'news', where: { id: { equals: id } }, overrideAccess: true })).totalDocs === 1

    it('records who created a document; nobody can set or change it through the API', async () => {
      const doc = await payload.create({
        collection: 'news',
        data: { title: 'Owned', summary: 'S', body: paragraph('B'), createdBy: users.editor!.id } as never,
        draft: true,
        ...as('author'),
      })
      const stored = await payload.findByID({ collection: 'news', id: doc.id, draft: true, depth: 0, overrideAccess: true })
      expect(stored.createdBy).toBe(users.author!.id)
      await payload.update({ collection: 'news', id: doc.id, data: { createdBy: users.admin!.id } as never, draft: true, ...as('admin') })
      const after = await payload.findByID({ collection: 'news', id: doc.id, draft: true, depth: 0, overrideAccess: true })
      expect(after.createdBy).toBe(users.author!.id)
      const publicView = await payload.find({ collection: 'news', where: { id: { equals: doc.id } }, overrideAccess: false, user: null })
      expect(publicView.docs).toEqual([])
    })

    it('authors delete neither another author’s draft nor their own once it was published', async () => {
      const other = await payload.create({ collection: 'news', data: { title: 'Editor draft', summary: 'S', body: paragraph('B') } as never, draft: true, ...as('editor') })
      await expect(payload.delete({ collection: 'news', id: other.id, ...as('author') })).rejects.toThrow()
      expect(await exists(other.id)).toBe(true)

      const mine = await payload.create({ collection: 'news', data: { title: 'Was live', summary: 'S', body: paragraph('B') } as never, draft: true, ...as('author') })
      await payload.update({ collection: 'news', id: mine.id, data: { _status: 'published' }, ...as('editor') })
      await payload.update({ collection: 'news', id: mine.id, data: { _status: 'draft' }, ...as('editor') })
      await expect(payload.delete({ collection: 'news', id: mine.id, ...as('author') })).rejects.toThrow()
      expect(await exists(mine.id)).toBe(true)
      // A bulk delete by an author removes only what is theirs to delete.
      const own = await payload.create({ collection: 'news', data: { title: 'Bulk own', summary: 'S', body: paragraph('B') } as never, draft: true, ...as('author') })
      await payload.delete({ collection: 'news', where: { id: { in: [own.id, other.id, mine.id] } }, ...as('author') })
      expect([await exists(own.id), await exists(other.id), await exists(mine.id)]).toEqual([false, true, true])
    })
  })

  describe('restoring versions, duplicating', () => {
    async function withHistory(marker: string) {
      const doc = await newsDoc('published', `${marker} v1`)
      await payload.update({ collection: 'news', id: doc.id, data: { title: `Access ${marker} v2` }, ...as('editor') })
      const versions = await payload.findVersions({ collection: 'news', where: { parent: { equals: doc.id } }, sort: 'createdAt', overrideAccess: true })
      const v1 = versions.docs.find((v) => (v.version as { title?: string }).title === `Access ${marker} v1`)!
      return { id: doc.id, v1: v1.id }
    }
    const live = async (id: number | string) => payload.findByID({ collection: 'news', id, overrideAccess: false, user: null, disableErrors: true })

    it('an author cannot restore over live content: neither revert it nor re-publish it', async () => {
      const reverted = await withHistory('restore-revert')
      await expect(payload.restoreVersion({ collection: 'news', id: reverted.v1, ...as('author') })).rejects.toThrow(/Restore as draft/)
      expect((await live(reverted.id))?.title).toBe('Access restore-revert v2')
      // (Restoring as a draft is a REST and GraphQL option: tests/e2e/roles.e2e.test.ts.)

      const unpublished = await withHistory('restore-republish')
      await payload.update({ collection: 'news', id: unpublished.id, data: { _status: 'draft' }, ...as('editor') })
      await expect(payload.restoreVersion({ collection: 'news', id: unpublished.v1, ...as('author') })).rejects.toThrow(/Restore as draft/)
      expect(await live(unpublished.id)).toBeNull()
      await expect(payload.restoreVersion({ collection: 'news', id: unpublished.v1, ...as('anonymous') })).rejects.toThrow()
    })

    it('an editor’s restore changes what is live', async () => {
      const doc = await withHistory('restore-editor')
      await payload.restoreVersion({ collection: 'news', id: doc.v1, ...as('editor') })
      expect((await live(doc.id))?.title).toBe('Access restore-editor v1')
    })

    it('a duplicate starts as a draft with its own slug, whoever asks', async () => {
      const original = await newsDoc('published', 'duplicate me')
      // An author asking for a published copy still gets a draft; the admin duplicates as a draft.
      for (const [actor, draft] of [['author', false], ['editor', true]] as const) {
        const copy = await payload.duplicate({ collection: 'news', id: original.id, draft, ...as(actor) })
        expect(copy.slug).not.toBe(original.slug)
        expect(copy.slug).toMatch(new RegExp(`^${original.slug}-\\d+$`))
        expect(copy._status).toBe('draft')
        expect(copy.createdBy).toMatchObject({ id: users[actor]!.id })
      }
    })
  })

  describe('images and documents', () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')
    const image = (name: string) =>
      payload.create({ collection: 'media', locale: 'lt', data: { alt: `Alt ${name}` }, file: { data: png, mimetype: 'image/png', name: `${name}.png`, size: png.length }, overrideAccess: true })
    const publicIds = async () => (await payload.find({ collection: 'media', limit: 500, overrideAccess: false, user: null })).docs.map((d) => d.id)

    it('are public only while live content uses them, and authors cannot change those', async () => {
      const used = await image('used-live')
      const draftOnly = await image('draft-only')
      const article = await payload.create({ collection: 'news', data: { title: 'With image', summary: 'S', body: paragraph('B'), heroImage: used.id, _status: 'published' } as never, overrideAccess: true })
      await payload.create({ collection: 'news', data: { title: 'Draft image', summary: 'S', body: paragraph('B'), heroImage: draftOnly.id } as never, draft: true, overrideAccess: true })
      expect(await publicIds()).toContain(used.id)
      expect(await publicIds()).not.toContain(draftOnly.id)

      await expect(payload.update({ collection: 'media', id: used.id, data: { alt: 'Changed by author' }, locale: 'lt', ...as('author') })).rejects.toThrow()
      await payload.update({ collection: 'media', id: draftOnly.id, data: { alt: 'Author’s own' }, locale: 'lt', ...as('author') })
      // An editor's change is kept as a version.
      await payload.update({ collection: 'media', id: used.id, data: { alt: 'Editor’s correction' }, locale: 'lt', ...as('editor') })
      const versions = await payload.findVersions({ collection: 'media', where: { parent: { equals: used.id } }, overrideAccess: true })
      expect(versions.totalDocs).toBeGreaterThan(0)
      // Nobody replaces a live file in place.
      await expect(
        payload.update({ collection: 'media', id: used.id, data: {}, file: { data: png, mimetype: 'image/png', name: 'replacement.png', size: png.length }, ...as('editor') }),
      ).rejects.toThrow(/cannot be replaced/)

      await payload.update({ collection: 'news', id: article.id, data: { _status: 'draft' }, overrideAccess: true })
      expect(await publicIds()).not.toContain(used.id)
      await payload.update({ collection: 'news', id: article.id, data: { _status: 'published' }, overrideAccess: true })
      expect(await publicIds()).toContain(used.id)
      await payload.delete({ collection: 'news', id: article.id, overrideAccess: true })
      expect(await publicIds()).not.toContain(used.id)
    })
  })
}
