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

    it('can delete their unpublished drafts and cannot promote themselves', async () => {
      const draft = await newsDoc('draft', 'author-delete-draft')
      await payload.delete({ collection: 'news', id: draft.id, ...as('author') })
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
}
