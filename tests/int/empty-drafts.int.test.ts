/**
 * Empty drafts: what "Create new" saved and nobody typed into is deleted after a day;
 * anything typed, in any language, and anything ever published stays (real SQLite).
 */
import { afterAll, beforeAll, expect, it } from 'vitest'

import { deleteEmptyDrafts, emptyDraftAgeHours } from '../../cms/housekeeping/emptyDrafts'
import { paragraph, startCms, type TestCms } from './helpers'

let cms: TestCms
const later = (hours: number) => new Date(Date.now() + hours * 3600_000)

beforeAll(async () => {
  cms = await startCms()
})
afterAll(async () => {
  await cms?.close()
})

async function draft(collection: 'news' | 'guides' | 'pages', data: Record<string, unknown>, locale: 'lt' | 'en' = 'lt') {
  return (await cms.payload.create({ collection, locale, draft: true, data: data as never, overrideAccess: true })).id
}
const exists = async (collection: 'news' | 'guides' | 'pages', id: number | string) =>
  (await cms.payload.find({ collection, where: { id: { equals: id } }, draft: true, overrideAccess: true })).totalDocs === 1

it('deletes drafts nobody typed into after a day, and keeps every draft with something typed or once published', async () => {
  const empty = { news: await draft('news', {}), guides: await draft('guides', {}), pages: await draft('pages', {}) }
  const kept = {
    title: await draft('news', { title: 'Tik pavadinimas' }),
    english: await draft('news', { title: 'Only in English' }, 'en'),
    summary: await draft('news', { summary: 'Tik santrauka' }),
    body: await draft('news', { body: paragraph('Tik tekstas') }),
    step: await draft('guides', { steps: [{ body: paragraph('Vienas sakinys') }] }),
  }
  const once = await cms.payload.create({ collection: 'news', locale: 'lt', data: { title: 'Buvo paskelbta', summary: 'S', body: paragraph('B'), _status: 'published' } as never, overrideAccess: true })
  await cms.payload.update({ collection: 'news', id: once.id, locale: 'lt', data: { _status: 'draft' } as never, overrideAccess: true })

  // Within the day nothing goes: the editor may be typing right now.
  expect(await deleteEmptyDrafts(cms.payload, later(emptyDraftAgeHours - 1))).toEqual({})
  expect(await deleteEmptyDrafts(cms.payload, later(emptyDraftAgeHours + 1))).toEqual({ news: 1, guides: 1, pages: 1 })
  for (const [collection, id] of Object.entries(empty)) expect(await exists(collection as 'news', id), collection).toBe(false)
  for (const [what, id] of Object.entries(kept)) expect(await exists(what === 'step' ? 'guides' : 'news', id), what).toBe(true)
  expect(await exists('news', once.id)).toBe(true)
  // The versions went with the empty draft.
  expect((await cms.payload.countVersions({ collection: 'news', where: { parent: { equals: empty.news } }, overrideAccess: true })).totalDocs).toBe(0)
  // Nothing left to do the next time.
  expect(await deleteEmptyDrafts(cms.payload, later(emptyDraftAgeHours + 1))).toEqual({})
})
