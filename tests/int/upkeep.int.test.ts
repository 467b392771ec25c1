/**
 * Upkeep: how-to pages are due for review a year after they are created; the dashboard
 * lists live pages past their review-by date, longest overdue first, to editors (real SQLite).
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { OverduePanel } from '../../cms/plugins/upkeep/admin/OverduePanel'
import { overdueReviews } from '../../cms/plugins/upkeep/overdue'
import { paragraph, startCms, type TestCms } from './helpers'

let cms: TestCms
const day = 86_400_000
const collections = ['news', 'guides', 'services']

beforeAll(async () => {
  cms = await startCms()
})
afterAll(async () => {
  await cms?.close()
})

const service = async (name: string, reviewBy: number, status: 'published' | 'draft' = 'published', contentOwner?: number | string) =>
  (
    await cms.payload.create({
      collection: 'services',
      locale: 'lt',
      data: { name, description: 'Aprašymas', reviewBy: new Date(Date.now() + reviewBy).toISOString(), contentOwner, _status: status } as never,
      overrideAccess: true,
    })
  ).id

it('gives new guides and services a review-by date a year ahead, and news none', async () => {
  const guide = await cms.payload.create({ collection: 'guides', locale: 'lt', data: { title: 'Gidas', summary: 'S', steps: [{ title: 'Žingsnis', body: paragraph('B') }], _status: 'published' } as never, overrideAccess: true })
  const inAYear = new Date(guide.reviewBy as string).getTime() - Date.now()
  expect(inAYear).toBeGreaterThan(364 * day)
  expect(inAYear).toBeLessThan(367 * day)
  const news = await cms.payload.create({ collection: 'news', locale: 'lt', data: { title: 'Naujiena', summary: 'S', body: paragraph('B'), _status: 'published' } as never, overrideAccess: true })
  expect(news.reviewBy ?? null).toBeNull()
})

it('lists live pages past their date, longest overdue first, with their owner, to editors only', async () => {
  const owner = await cms.payload.create({ collection: 'users', data: { email: 'owner@upkeep.test', password: 'a-long-owner-password', name: 'Rūta Savininkė', role: 'editor' } as never, overrideAccess: true })
  const author = await cms.payload.create({ collection: 'users', data: { email: 'author@upkeep.test', password: 'a-long-author-password', name: 'A', role: 'author' } as never, overrideAccess: true })
  await service('Vėluoja mažiau', -2 * day)
  await service('Vėluoja labiausiai', -30 * day, 'published', owner.id)
  await service('Dar laiko yra', 10 * day)
  await service('Juodraštis', -5 * day, 'draft')
  const overdue = await overdueReviews(cms.payload, collections)
  expect(overdue.map((o) => [o.title, o.owner])).toEqual([
    ['Vėluoja labiausiai', 'Rūta Savininkė'],
    ['Vėluoja mažiau', undefined],
  ])
  const html = renderToStaticMarkup((await OverduePanel({ payload: cms.payload, i18n: { language: 'lt' }, user: { ...owner, collection: 'users' } as never, collections }))!)
  expect(html).toContain('Pasibaigęs peržiūros terminas (2)')
  expect(html).toMatch(/Vėluoja labiausiai<\/a> \(Paslauga\): peržiūrėti iki \d{4}-\d{2}-\d{2}, atsakingas: Rūta Savininkė/)
  expect(await OverduePanel({ payload: cms.payload, i18n: { language: 'lt' }, user: { ...author, collection: 'users' } as never, collections })).toBeNull()
})
