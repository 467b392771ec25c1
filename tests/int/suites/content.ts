import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { expectFieldError, paragraph } from '../helpers'

/** Content-model rules that editors rely on: slugs, fallback, validation, status, lockout. */
export function contentSuite(getPayload: () => Payload) {
  let payload: Payload
  beforeAll(() => {
    payload = getPayload()
  })

  const news = (title: string, extra: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'news',
      locale: 'lt',
      data: { title, summary: 'Santrauka', body: paragraph('Tekstas'), _status: 'published', ...extra } as never,
      overrideAccess: true,
    })

  describe('slugs', () => {
    it('are generated from the title with Lithuanian letters folded', async () => {
      const doc = await news('Šildymo sezonas prasideda spalį')
      expect(doc.slug).toBe('sildymo-sezonas-prasideda-spali')
    })

    it('get a numbered suffix when a generated slug is taken in the same locale', async () => {
      const a = await news('Gatvių remontas')
      const b = await news('Gatvių remontas')
      expect(a.slug).toBe('gatviu-remontas')
      expect(b.slug).toBe('gatviu-remontas-2')
    })

    it('refuse a typed slug already used in the same locale', async () => {
      await news('Pirmas', { slug: 'vienodas-adresas' })
      await expectFieldError(news('Antras', { slug: 'vienodas-adresas' }), 'slug', /already used/)
    })

    it('are checked on drafts too: a draft cannot take a live address, nor another draft’s', async () => {
      await news('Gyvas adresas', { slug: 'gyvas-adresas' })
      const draft = (extra: Record<string, unknown>) =>
        payload.create({
          collection: 'news',
          locale: 'lt',
          data: { title: 'Juodraštis', summary: 'S', body: paragraph('B'), _status: 'draft', ...extra } as never,
          draft: true,
          overrideAccess: true,
        })
      await expectFieldError(draft({ slug: 'gyvas-adresas' }), 'slug', /already used.*live or draft/)
      const first = await draft({ slug: 'juodrascio-adresas' })
      await expectFieldError(draft({ slug: 'juodrascio-adresas' }), 'slug', /already used/)
      // A later draft edit of another document cannot squat it either.
      const other = await draft({})
      await expectFieldError(
        payload.update({ collection: 'news', id: other.id, locale: 'lt', data: { slug: 'gyvas-adresas' }, draft: true, overrideAccess: true }),
        'slug',
        /already used/,
      )
      expect(first.slug).toBe('juodrascio-adresas')
    })

    it('of drafts never block a live document: publishing wins, the draft is told at its next save', async () => {
      // The draft took the address first…
      const squatter = await payload.create({
        collection: 'news',
        locale: 'lt',
        data: { title: 'Užimtas', slug: 'vieta', summary: 'S', body: paragraph('B'), _status: 'draft' } as never,
        draft: true,
        overrideAccess: true,
      })
      // …an editor publishes a document at that address, and saves it again later.
      const live = await news('Vieta', { slug: 'vieta' })
      const edited = await payload.update({ collection: 'news', id: live.id, locale: 'lt', data: { title: 'Vieta (pataisyta)' }, overrideAccess: true })
      expect(edited.slug).toBe('vieta')
      await expectFieldError(
        payload.update({ collection: 'news', id: squatter.id, locale: 'lt', data: { title: 'Užimtas 2' }, draft: true, overrideAccess: true }),
        'slug',
        /already used/,
      )
    })

    it('may repeat across locales', async () => {
      const lt = await news('Kalba', { slug: 'bendras' })
      const other = await news('Kita kalba', { slug: 'kitas-adresas' })
      const en = await payload.update({
        collection: 'news',
        id: other.id,
        locale: 'en',
        data: { title: 'Other language', slug: 'bendras', summary: 'S', body: paragraph('B') } as never,
        overrideAccess: true,
      })
      expect(lt.slug).toBe('bendras')
      expect(en.slug).toBe('bendras')
    })
  })

  describe('locales', () => {
    it('fall back to Lithuanian when a translation is missing, and only then', async () => {
      const doc = await news('Tik lietuviškai')
      const en = await payload.findByID({ collection: 'news', id: doc.id, locale: 'en', overrideAccess: true })
      expect(en.title).toBe('Tik lietuviškai')
      const strict = await payload.findByID({
        collection: 'news',
        id: doc.id,
        locale: 'en',
        fallbackLocale: false,
        overrideAccess: true,
      })
      expect(strict.title ?? null).toBeNull()
      await payload.update({
        collection: 'news',
        id: doc.id,
        locale: 'en',
        data: { title: 'English only', summary: 'S', body: paragraph('B') } as never,
        overrideAccess: true,
      })
      const translated = await payload.findByID({ collection: 'news', id: doc.id, locale: 'en', overrideAccess: true })
      expect(translated.title).toBe('English only')
    })
  })

  describe('validation', () => {
    it('requires alt text for images in each language they are saved in, saying why', async () => {
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
        'base64',
      )
      const file = { data: png, mimetype: 'image/png', name: 'pixel.png', size: png.length }
      await expectFieldError(
        payload.create({ collection: 'media', locale: 'lt', data: {}, file, overrideAccess: true }),
        'alt',
        /Write the alt text: say briefly what the image shows/,
      )
      const ok = await payload.create({
        collection: 'media',
        locale: 'lt',
        data: { alt: 'Vienas taškas' },
        file: { ...file, name: 'pixel-2.png' },
        overrideAccess: true,
      })
      expect(ok.alt).toBe('Vienas taškas')
      // Saved in English, the image asks for English alt text instead of reusing the Lithuanian.
      await expectFieldError(
        payload.update({ collection: 'media', id: ok.id, locale: 'en', data: { caption: 'One dot' }, overrideAccess: true }),
        'alt',
        /Write the alt text in English too: without it, screen readers on the English pages would read the Lithuanian one/,
      )
      const en = await payload.update({ collection: 'media', id: ok.id, locale: 'en', data: { alt: 'One dot' }, overrideAccess: true })
      expect(en.alt).toBe('One dot')
    })

    it('refuses a consultation that closes before it opens', async () => {
      await expectFieldError(
        payload.create({
          collection: 'consultations',
          data: {
            title: 'Atgal laike',
            summary: 'S',
            body: paragraph('B'),
            opensAt: '2026-06-10T09:00:00.000Z',
            closesAt: '2026-06-01T09:00:00.000Z',
            _status: 'published',
          } as never,
          overrideAccess: true,
        }),
        'closesAt',
        /closing time must be after/i,
      )
    })

    it('refuses a phone number that is not one', async () => {
      await expectFieldError(
        payload.create({
          collection: 'services',
          data: {
            name: 'Bad phone service',
            description: 'D',
            phones: [{ number: 'call the mayor' }],
            _status: 'published',
          } as never,
          overrideAccess: true,
        }),
        'number',
        /not a phone number/,
      )
    })
  })

  describe('consultation status', () => {
    const make = (opensAt: Date, closesAt: Date, status?: string) =>
      payload.create({
        collection: 'consultations',
        data: {
          title: `Status ${opensAt.toISOString()}`,
          summary: 'S',
          body: paragraph('B'),
          opensAt: opensAt.toISOString(),
          closesAt: closesAt.toISOString(),
          ...(status ? { status } : {}),
          _status: 'published',
        } as never,
        overrideAccess: true,
      })
    const day = 86_400_000

    it('is derived from the dates and cannot be typed', async () => {
      const now = Date.now()
      const upcoming = await make(new Date(now + day), new Date(now + 2 * day), 'closed')
      const open = await make(new Date(now - day), new Date(now + day))
      const closed = await make(new Date(now - 2 * day), new Date(now - day), 'open')
      expect([upcoming.status, open.status, closed.status]).toEqual(['upcoming', 'open', 'closed'])
      const stored = await payload.find({
        collection: 'consultations',
        where: { status: { equals: 'upcoming' } },
        overrideAccess: true,
      })
      expect(stored.docs.map((d) => d.id)).toContain(upcoming.id)
    })

    it('flips when the opening time passes, even before the stored value is refreshed', async () => {
      const opensAt = new Date(Date.now() + 1500)
      const doc = await make(opensAt, new Date(Date.now() + day))
      expect(doc.status).toBe('upcoming')
      await new Promise((r) => setTimeout(r, 1600))
      const later = await payload.findByID({ collection: 'consultations', id: doc.id, overrideAccess: true })
      expect(later.status).toBe('open')
    })
  })

  describe('login lockout', () => {
    it('locks an account after 5 failed attempts, even for the right password', async () => {
      const email = `lockout-${Date.now()}@example.test`
      await payload.create({
        collection: 'users',
        data: { email, password: 'the-right-password', name: 'Lock', role: 'author' },
        overrideAccess: true,
      })
      for (let i = 0; i < 5; i++) {
        await expect(
          payload.login({ collection: 'users', data: { email, password: `wrong-${i}` } }),
        ).rejects.toThrow()
      }
      await expect(
        payload.login({ collection: 'users', data: { email, password: 'the-right-password' } }),
      ).rejects.toThrow(/locked/i)
    })
  })

  describe('scheduled publishing', () => {
    it('publishes a draft through the jobs queue at the scheduled time, not before', async () => {
      const draft = await payload.create({
        collection: 'news',
        data: { title: 'Suplanuota naujiena', summary: 'S', body: paragraph('B'), _status: 'draft' } as never,
        draft: true,
        overrideAccess: true,
      })
      await payload.jobs.queue({
        task: 'schedulePublish',
        input: { type: 'publish', doc: { relationTo: 'news', value: String(draft.id) } },
        waitUntil: new Date(Date.now() + 1500),
      } as never)
      await payload.jobs.run()
      const early = await payload.findByID({ collection: 'news', id: draft.id, overrideAccess: true })
      expect(early._status).toBe('draft')
      await new Promise((r) => setTimeout(r, 1600))
      await payload.jobs.run()
      const late = await payload.findByID({ collection: 'news', id: draft.id, overrideAccess: false, user: null })
      expect(late._status).toBe('published')
    })
  })
}
