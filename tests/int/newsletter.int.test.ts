/**
 * The newsletter's queueing and sending, on a real SQLite file and a real SMTP server
 * on loopback: which changes are recorded, who gets what, digests per language,
 * unique keys, retries, bounces, a dropped connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SEEDING } from '../../cms/hooks/context'
import { MAX_DIGEST_ITEMS } from '../../cms/plugins/newsletter/compose'
import { buildDigest, ensureRun, fanOutChange, scheduleDigests } from '../../cms/plugins/newsletter/queueing'
import { zonedTime } from '../../cms/plugins/newsletter/schedule'
import { storeFor } from '../../cms/plugins/newsletter/store'
import { paragraph, startCms, type TestCms } from './helpers'
import { addChange, addSubscriber, dispatcher, makeTopic, publishNews, runNewsletterJobs, testConfig } from './newsletter-support'
import { startSink, type Received, type Sink } from './smtpSink'

let cms: TestCms
let roads: string
let culture: string

beforeAll(async () => {
  cms = await startCms({ env: { SITE_URL: 'https://www.pajuris.example' } })
  roads = await makeTopic(cms.payload, 'Keliai', 'Roads')
  culture = await makeTopic(cms.payload, 'Kultūra', 'Culture')
}, 120_000)

afterAll(async () => {
  await cms?.close()
})

const changesFor = async (docId: string) =>
  (await cms.payload.find({ collection: 'content-changes', where: { docId: { equals: docId } }, depth: 0, overrideAccess: true })).docs

/** The header block as received, folded lines joined. */
const head = (r: Received) => r.raw.toString('utf8').split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ')

async function runKeys(ids: string[]): Promise<string[]> {
  const res = await cms.payload.find({ collection: 'newsletter-runs', where: { id: { in: ids } }, depth: 0, overrideAccess: true })
  return res.docs.map((r) => String(r.key)).sort()
}

async function outboxKeys(runId: string): Promise<string[]> {
  const res = await cms.payload.find({ collection: 'email-outbox', where: { run: { equals: runId } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
  return res.docs.map((d) => String(d.key)).sort()
}

describe('content changes', () => {
  it('records a first publication once, in every translated locale, and nothing for drafts or later saves', async () => {
    const draft = await cms.payload.create({
      collection: 'news',
      locale: 'lt',
      data: { title: 'Juodraštis apie kelius', summary: 'x', body: paragraph('x'), _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
    })
    expect(await changesFor(String(draft.id))).toHaveLength(0)

    const id = await publishNews(cms.payload, { lt: 'Remontuojama Jūros gatvė', en: 'Sea Street under repair', topics: [roads] })
    const [change] = await changesFor(id)
    expect(change).toMatchObject({ kind: 'published', docCollection: 'news', urgent: false, topicIds: [roads] })
    const entries = change!.entries as Record<string, { title: string; url: string }>
    expect(entries.lt).toMatchObject({ title: 'Remontuojama Jūros gatvė' })
    expect(entries.lt!.url).toMatch(/^https:\/\/www\.pajuris\.example\/naujienos\/[a-z0-9-]+\/$/)
    expect(entries.en).toMatchObject({ title: 'Sea Street under repair' })
    expect(entries.en!.url).toMatch(/^https:\/\/www\.pajuris\.example\/en\/news\//)

    // A later edit, an unpublish and a republish tell nobody again.
    await cms.payload.update({ collection: 'news', id, locale: 'lt', data: { summary: 'Pataisyta' } as never, overrideAccess: true })
    await cms.payload.update({ collection: 'news', id, data: { _status: 'draft' } as never, overrideAccess: true })
    await cms.payload.update({ collection: 'news', id, data: { _status: 'published' } as never, overrideAccess: true })
    expect(await changesFor(id)).toHaveLength(1)

    // "Notify subscribers" on a major update: one more change, and the tick is consumed.
    await cms.payload.update({ collection: 'news', id, locale: 'lt', data: { notifySubscribers: true, _status: 'published' } as never, overrideAccess: true })
    const after = await changesFor(id)
    expect(after.map((c) => c.kind).sort()).toEqual(['published', 'updated'])
    const doc = await cms.payload.findByID({ collection: 'news', id, overrideAccess: true })
    expect(doc.notifySubscribers).toBe(false)
  })

  it('records nothing while seeding', async () => {
    const doc = await cms.payload.create({
      collection: 'news',
      locale: 'lt',
      data: { title: 'Sėjama naujiena', summary: 'x', body: paragraph('x'), _status: 'published' } as never,
      overrideAccess: true,
      context: { [SEEDING]: true },
    })
    expect(await changesFor(String(doc.id))).toHaveLength(0)
  })
})

describe('queueing and sending', () => {
  let sink: Sink
  beforeAll(async () => {
    sink = await startSink()
  })
  afterAll(async () => {
    await sink?.close()
  })

  it('sends immediate emails to matching subscribers once, and urgent news to everyone who asked for alerts', async () => {
    // The items of the tests above were published before these people confirmed.
    await new Promise((r) => setTimeout(r, 20))
    const confirmedAt = new Date()
    await addSubscriber(cms.payload, { email: 'visi@example.net', frequency: 'immediately', confirmedAt })
    await addSubscriber(cms.payload, { email: 'keliai@example.net', frequency: 'immediately', topics: [roads], confirmedAt })
    await addSubscriber(cms.payload, { email: 'kultura@example.net', frequency: 'immediately', topics: [culture], confirmedAt })
    await addSubscriber(cms.payload, { email: 'alerts@example.net', frequency: 'weekly', topics: [culture], urgent: true, locale: 'en', confirmedAt })
    await addSubscriber(cms.payload, { email: 'left@example.net', frequency: 'immediately', status: 'unsubscribed' })
    await addSubscriber(cms.payload, { email: 'pending@example.net', frequency: 'immediately', status: 'pending' })
    // Confirmed after the item was published: it is not theirs.
    await addSubscriber(cms.payload, { email: 'late@example.net', frequency: 'immediately', confirmedAt: new Date(Date.now() + 60_000) })

    const roadNews = await publishNews(cms.payload, { lt: 'Uždaromas tiltas', en: 'Bridge closed', topics: [roads] })
    const urgentNews = await publishNews(cms.payload, { lt: 'Skubiai: vandens tiekimo sutrikimas', topics: [roads], urgent: true })
    await runNewsletterJobs(cms.payload)

    const [roadChange] = await changesFor(roadNews)
    const [urgentChange] = await changesFor(urgentNews)
    const roadRun = await fanOutChange(cms.payload, String(roadChange!.id))
    expect(roadRun.queued).toBe(0) // the job already queued them: unique keys
    expect((await outboxKeys(roadRun.runId)).map((k) => k.split(':')[0])).toEqual(['change', 'change'])

    const before = sink.received.length
    const stats = await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
    expect(stats.failed).toBe(0)
    const got = sink.received.slice(before)
    const subjects = await Promise.all(got.map(async (r) => `${r.to} | ${(await sink.parse(r)).subject}`))
    expect(subjects.sort()).toEqual(
      [
        'alerts@example.net | Urgent: Skubiai: vandens tiekimo sutrikimas',
        'keliai@example.net | Skubu: Skubiai: vandens tiekimo sutrikimas',
        'keliai@example.net | Uždaromas tiltas',
        'visi@example.net | Skubu: Skubiai: vandens tiekimo sutrikimas',
        'visi@example.net | Uždaromas tiltas',
      ].sort(),
    )
    // The English subscriber got the untranslated urgent item in Lithuanian, inside an English email.
    const alert = await sink.parse(got.find((r) => r.to === 'alerts@example.net')!)
    expect(alert.html).toContain('<html lang="en">')
    expect(alert.html).toContain('Skubiai: vandens tiekimo sutrikimas')

    const runs = await cms.payload.find({ collection: 'newsletter-runs', where: { change: { equals: urgentChange!.id } }, depth: 0, overrideAccess: true })
    expect(runs.docs[0]).toMatchObject({ status: 'done', sent: 3, pending: 0, failed: 0 })

    // Immediate emails and urgent alerts are list mail like digests: one-click unsubscribe (RFC 8058), list id.
    for (const r of got) {
      const h = head(r)
      expect(h, r.to).toMatch(/^List-Unsubscribe: <https:\/\/www\.pajuris\.example\/(naujienlaiskis\/atsisakyti|en\/newsletter\/unsubscribe)\?token=[A-Za-z0-9._-]+>\r?$/m)
      expect(h, r.to).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m)
      expect(h, r.to).toMatch(/^List-ID: .*<newsletter\.www\.pajuris\.example>\r?$/im)
    }
  })

  it('builds one digest per subscriber in their language, skips empty ones, and never twice for a slot', async () => {
    // Earlier tests' items are older than these subscribers: not theirs.
    await new Promise((r) => setTimeout(r, 20))
    const t0 = Date.now()
    const lt = await addSubscriber(cms.payload, { email: 'dienos@example.net', frequency: 'daily', confirmedAt: new Date(t0) })
    const en = await addSubscriber(cms.payload, { email: 'daily@example.net', frequency: 'daily', locale: 'en', topics: [roads], confirmedAt: new Date(t0) })
    const none = await addSubscriber(cms.payload, { email: 'nieko@example.net', frequency: 'daily', topics: [culture], confirmedAt: new Date(t0) })
    await publishNews(cms.payload, { lt: 'Naujas dviračių takas', en: 'New cycle path', topics: [roads] })
    await publishNews(cms.payload, { lt: 'Tik lietuviškai apie kelius', topics: [roads] })
    await runNewsletterJobs(cms.payload)

    const run = await ensureRun(cms.payload, { key: `daily:test-${t0}`, kind: 'daily', title: 'Test digest', cutoff: new Date() })
    const first = await buildDigest(cms.payload, run.id)
    const again = await buildDigest(cms.payload, run.id)
    expect(again.queued).toBe(0)
    const keys = await outboxKeys(run.id)
    expect(keys).toContain(`digest:${run.id}:${lt}`)
    expect(keys).toContain(`digest:${run.id}:${en}`)
    expect(keys).not.toContain(`digest:${run.id}:${none}`)
    expect(first.queued).toBe(keys.length)

    const before = sink.received.length
    await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
    const got = sink.received.slice(before)
    const ltMail = await sink.parse(got.find((r) => r.to === 'dienos@example.net')!)
    expect(ltMail.subject).toMatch(/dienos naujienos \(2\)/)
    expect(ltMail.text).toContain('Naujas dviračių takas')
    expect(ltMail.text).toContain('Tik lietuviškai apie kelius')
    const enMail = await sink.parse(got.find((r) => r.to === 'daily@example.net')!)
    expect(enMail.subject).toMatch(/today's news \(1\)/)
    expect(enMail.text).toContain('New cycle path')
    expect(enMail.text).not.toContain('Tik lietuviškai')
    expect(got.some((r) => r.to === 'nieko@example.net')).toBe(false)

    // The next digest starts after this one: nothing new, nothing sent.
    const next = await ensureRun(cms.payload, { key: `daily:test-next-${t0}`, kind: 'daily', title: 'Next', cutoff: new Date() })
    expect((await buildDigest(cms.payload, next.id)).queued).toBe(0)
  })

  it('creates each scheduled digest run once, at the configured local time', async () => {
    const config = testConfig({ dailyAt: { hour: 8, minute: 0 }, weeklyDay: 1 })
    // Saturday 21 November 2026, 07:30 in Vilnius (UTC+2): the daily slot is still Friday's.
    const now = new Date('2026-11-21T05:30:00Z')
    const created = await scheduleDigests(cms.payload, config, now)
    expect(created).toHaveLength(2)
    expect(await scheduleDigests(cms.payload, config, now)).toHaveLength(0)
    const runs = await cms.payload.find({ collection: 'newsletter-runs', where: { id: { in: created } }, depth: 0, overrideAccess: true })
    const byKind = Object.fromEntries(runs.docs.map((r) => [r.kind, r]))
    expect(byKind.daily).toMatchObject({ key: 'daily:2026-11-20', cutoff: '2026-11-20T06:00:00.000Z' })
    expect(byKind.weekly).toMatchObject({ key: 'weekly:2026-11-16', cutoff: '2026-11-16T06:00:00.000Z' })
    // Built now: left queued, these fixed-date slots would be built by a later test's job
    // run, and, when the machine's clock is earlier than them, would take that test's
    // subscribers' cursors past its items.
    await runNewsletterJobs(cms.payload)
  })

  it('sends an urgent item once to those who asked for alerts: at once, and not again in their digest', async () => {
    await new Promise((r) => setTimeout(r, 20))
    const confirmedAt = new Date()
    const alerted = await addSubscriber(cms.payload, { email: 'skubus@example.net', frequency: 'daily', topics: [roads], urgent: true, confirmedAt })
    const quiet = await addSubscriber(cms.payload, { email: 'ramus@example.net', frequency: 'daily', topics: [roads], urgent: false, confirmedAt })
    const urgentTitle = 'Skubiai: uždaryta Tilto gatvė'
    await publishNews(cms.payload, { lt: urgentTitle, topics: [roads], urgent: true })
    await publishNews(cms.payload, { lt: 'Naujas šaligatvis', topics: [roads] })
    await runNewsletterJobs(cms.payload)
    const before = sink.received.length
    await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
    const run = await ensureRun(cms.payload, { key: `daily:urgent-${Date.now()}`, kind: 'daily', title: 'Urgent once', cutoff: new Date() })
    await buildDigest(cms.payload, run.id)
    await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
    const mails = async (email: string) => Promise.all(sink.received.slice(before).filter((r) => r.to === email).map((r) => sink.parse(r)))

    const alerts = await mails('skubus@example.net')
    expect(alerts.map((m) => m.subject).sort()).toEqual(['Pajūrio savivaldybė: dienos naujienos (1)', `Skubu: ${urgentTitle}`].sort())
    const digest = alerts.find((m) => m.subject?.includes('dienos naujienos'))!
    expect(digest.text).toContain('Naujas šaligatvis')
    expect(digest.text).not.toContain(urgentTitle)
    // Without urgent alerts the item arrives once, in the digest, by its topic.
    const quietMails = await mails('ramus@example.net')
    expect(quietMails).toHaveLength(1)
    expect(quietMails[0]!.subject).toBe('Pajūrio savivaldybė: dienos naujienos (2)')
    expect(quietMails[0]!.text).toContain(urgentTitle)
    const rows = await cms.payload.find({ collection: 'email-outbox', where: { subscriber: { in: [alerted, quiet] } }, depth: 0, overrideAccess: true })
    expect(rows.docs.map((r) => String(r.key).split(':')[0]).sort()).toEqual(['change', 'digest', 'digest'])
  })

  it('keeps the largest digest the CMS allows under 100 KB of HTML and says how many more are on the site', { timeout: 180_000 }, async () => {
    const news = cms.payload.collections.news.config.fields
    const limit = (name: string) => (news.find((f) => 'name' in f && f.name === name) as { maxLength?: number }).maxLength!
    const [titleMax, summaryMax] = [limit('title'), limit('summary')]
    expect([titleMax, summaryMax]).toEqual([200, 400])
    // One character more is refused: these really are the longest.
    await expect(
      cms.payload.create({ collection: 'news', locale: 'lt', data: { title: 'x'.repeat(titleMax + 1), summary: 'x', body: paragraph('x'), _status: 'published' } as never, overrideAccess: true }),
    ).rejects.toThrow()
    // Quotes and ampersands grow sixfold and fivefold when escaped.
    const fill = (prefix: string, length: number) => (prefix + `"&<>'ė`.repeat(length)).slice(0, length)
    await new Promise((r) => setTimeout(r, 20))
    const heavy = await addSubscriber(cms.payload, { email: 'ilgas@example.net', frequency: 'daily', confirmedAt: new Date() })
    const total = 60
    const titles: string[] = []
    for (let i = 0; i < total; i++) {
      const title = fill(`Nr. ${String(i).padStart(2, '0')} `, titleMax)
      titles.push(title)
      await cms.payload.create({
        collection: 'news',
        locale: 'lt',
        data: { title, slug: `${'ilgas-adresas-'.repeat(7)}${i}`.slice(-96), summary: fill('Santrauka ', summaryMax), body: paragraph('x'), _status: 'published' } as never,
        overrideAccess: true,
      })
    }
    await runNewsletterJobs(cms.payload)
    const run = await ensureRun(cms.payload, { key: `daily:heavy-${Date.now()}`, kind: 'daily', title: 'Heavy', cutoff: new Date() })
    await buildDigest(cms.payload, run.id)
    const row = (await cms.payload.find({ collection: 'email-outbox', where: { key: { equals: `digest:${run.id}:${heavy}` } }, depth: 0, overrideAccess: true })).docs[0]!
    // The row keeps every item, so the email can count what it leaves out.
    expect(row.items).toHaveLength(total)
    const before = sink.received.length
    await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
    const received = sink.received.slice(before).find((r) => r.to === 'ilgas@example.net')!
    const mail = await sink.parse(received)
    const html = String(mail.html)
    expect(Buffer.byteLength(html)).toBeLessThan(100_000)
    expect(mail.subject).toBe(`Pajūrio savivaldybė: dienos naujienos (${total})`)

    const shown = html.match(/<article>/g)?.length ?? 0
    expect(shown).toBeGreaterThan(10)
    expect(shown).toBeLessThanOrEqual(MAX_DIGEST_ITEMS)
    // The newest are shown, and the rest are counted, with a link to the news list.
    const escaped = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
    expect(html).toContain(escaped(titles[total - 1]!))
    expect(html).not.toContain(escaped(titles[0]!))
    expect(html).toContain(`<a href="https://www.pajuris.example/naujienos/">Dar ${total - shown} – svetainėje</a>`)
    expect(mail.text).toContain(`Dar ${total - shown} – svetainėje: https://www.pajuris.example/naujienos/`)
    // What the reader needs survives the cap: the footer with its links.
    expect(html).toMatch(/<footer>[\s\S]*Atsisakyti prenumeratos<\/a>[\s\S]*<\/footer>/)

    // Language, dark mode, and structure: one main with one h1, each item an article with its h2.
    expect(html).toMatch(/^<!doctype html>\s*<html lang="lt">/i)
    expect(html).toContain('<meta name="color-scheme" content="light dark">')
    expect(html).toMatch(/@media \(prefers-color-scheme: dark\)\{[^}]*body\{background:#111111;color:#ececec\}/)
    expect(html.match(/<main>/g)).toHaveLength(1)
    expect(html.match(/<h1>/g)).toHaveLength(1)
    expect(html.match(/<article>\s*<h2><a href="https:\/\/www\.pajuris\.example\/naujienos\/[a-z0-9-]+\/">/g)).toHaveLength(shown)
  })

  it('caps a digest at 50 items and counts the rest, however short they are', async () => {
    await new Promise((r) => setTimeout(r, 20))
    await addSubscriber(cms.payload, { email: 'skaitytojas@example.net', frequency: 'daily', confirmedAt: new Date() })
    const total = MAX_DIGEST_ITEMS + 5
    const now = Date.now()
    for (let i = 0; i < total; i++) {
      await cms.payload.create({
        collection: 'content-changes',
        data: {
          key: `short:${now}:${i}`,
          kind: 'published',
          title: `Trumpa ${i}`,
          docCollection: 'news',
          docId: `short-${i}`,
          topicIds: [],
          entries: { lt: { title: `Trumpa ${i}`, summary: '', url: `https://www.pajuris.example/naujienos/trumpa-${i}/` } },
          publishedAt: new Date(now + i).toISOString(),
        },
        overrideAccess: true,
      })
    }
    const run = await ensureRun(cms.payload, { key: `daily:short-${now}`, kind: 'daily', title: 'Short', cutoff: new Date(now + total + 1) })
    await buildDigest(cms.payload, run.id)
    const before = sink.received.length
    await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
    const mail = await sink.parse(sink.received.slice(before).find((r) => r.to === 'skaitytojas@example.net')!)
    expect(String(mail.html).match(/<article>/g)).toHaveLength(MAX_DIGEST_ITEMS)
    expect(mail.html).toContain('Trumpa 54</a>')
    expect(mail.html).not.toContain('Trumpa 4</a>')
    expect(mail.html).toContain('Dar 5 – svetainėje</a>')
  })

  it('builds the weekly digest on the configured weekday at the configured time', async () => {
    // On the calendar, not the clock: Wednesdays at 17:30 in Vilnius, Wednesday 25 November 2026 (EET, UTC+2).
    const config = testConfig({ dailyAt: { hour: 17, minute: 30 }, weeklyDay: 3 })
    const week = await makeTopic(cms.payload, 'Savaitės tema', 'Topic of the week')
    await addSubscriber(cms.payload, { email: 'savaite@example.net', frequency: 'weekly', locale: 'en', topics: [week], confirmedAt: new Date('2026-11-19T08:00:00Z') })
    await addChange(cms.payload, { lt: 'Savaitės įvykis', en: 'Event of the week', topics: [week], publishedAt: new Date('2026-11-23T09:00:00Z') })

    // A minute early, the slot is the week before; at 17:31 it is this one.
    expect(await runKeys(await scheduleDigests(cms.payload, config, new Date('2026-11-25T15:29:00Z')))).toEqual(['daily:2026-11-24', 'weekly:2026-11-18'])
    const created = await scheduleDigests(cms.payload, config, new Date('2026-11-25T15:31:00Z'))
    const runs = await cms.payload.find({ collection: 'newsletter-runs', where: { id: { in: created } }, depth: 0, overrideAccess: true })
    expect(runs.docs.find((r) => r.kind === 'weekly')).toMatchObject({ key: 'weekly:2026-11-25', cutoff: '2026-11-25T15:30:00.000Z' })

    await runNewsletterJobs(cms.payload)
    const before = sink.received.length
    await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
    const got = sink.received.slice(before).filter((r) => r.to === 'savaite@example.net')
    expect(got).toHaveLength(1)
    const mail = await sink.parse(got[0]!)
    expect(mail.subject).toBe("Pajūrio savivaldybė: this week's news (1)")
    expect(mail.text).toContain('Event of the week')
  })
})

describe('two digest slots due at once', () => {
  // A job runner that was down, a clock put right, a backlog: the earlier slot's run is
  // still waiting when the next one is due, and both get built.
  const config = testConfig({ dailyAt: { hour: 17, minute: 30 }, weeklyDay: 3 })
  let sink: Sink
  beforeAll(async () => {
    sink = await startSink()
  })
  afterAll(async () => {
    await sink?.close()
  })

  type Runs = { older: string; newer: string }
  const build = (id: string) => buildDigest(cms.payload, id)
  const jobs = () => runNewsletterJobs(cms.payload)
  // After a direct build, the jobs queued by the schedule run too: they are the retries.
  const orders: [string, (r: Runs) => Promise<unknown>][] = [
    ['built together by one job run', jobs],
    ['the newer built first', async (r) => {
      await build(r.newer)
      await build(r.older)
      await jobs()
    }],
    ['the older built first', async (r) => {
      await build(r.older)
      await build(r.newer)
      await jobs()
    }],
    ['the older built again after the newer ran (a retried job)', async (r) => {
      await jobs()
      await build(r.older)
      await build(r.newer)
    }],
    ['built by two job runners at once', async (r) => {
      await Promise.all([build(r.older), build(r.newer), build(r.older), build(r.newer)])
      await jobs()
    }],
  ]
  // Each case on its own Wednesday, two weeks apart (the last weekly one across the October change of time).
  const cases = (['daily', 'weekly'] as const).flatMap((frequency, f) =>
    orders.map(([order, run], o) => ({ frequency, order, run, anchor: new Date(Date.UTC(2026, 5, 17 + 14 * (f * orders.length + o))) })),
  )

  it.each(cases)('$frequency: $order', async ({ frequency, run, anchor }) => {
    const next = frequency === 'daily' ? 1 : 7
    const day = (days: number) => new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate() + days))
    const at = (days: number, hour: number, minute = 0) => {
      const d = day(days)
      return zonedTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute, config.timeZone)
    }
    const tag = `${frequency}-${day(0).toISOString().slice(0, 10)}`
    const topic = await makeTopic(cms.payload, `Uostas ${tag}`, `Harbour ${tag}`)
    // One subscriber from before both slots, one who confirmed between them.
    const early = `anksti-${tag}@example.net`
    const between = `tarp-${tag}@example.net`
    await addSubscriber(cms.payload, { email: early, frequency, topics: [topic], confirmedAt: at(0, 9) })
    await addSubscriber(cms.payload, { email: between, frequency, topics: [topic], confirmedAt: at(0, 20) })
    // One item before the first slot (17:30 on the Wednesday), one between the two.
    const first = `Pirma ${tag}`
    const second = `Antra ${tag}`
    await addChange(cms.payload, { lt: first, topics: [topic], publishedAt: at(0, 12) })
    await addChange(cms.payload, { lt: second, topics: [topic], publishedAt: at(1, 10) })

    const older = await scheduleDigests(cms.payload, config, at(0, 17, 31))
    const newer = await scheduleDigests(cms.payload, config, at(next, 17, 31))
    const runOf = async (ids: string[]) =>
      (await cms.payload.find({ collection: 'newsletter-runs', where: { and: [{ id: { in: ids } }, { kind: { equals: frequency } }] }, depth: 0, overrideAccess: true })).docs[0]!
    const runs = { older: await runOf(older), newer: await runOf(newer) }
    expect([runs.older.key, runs.newer.key]).toEqual([`${frequency}:${day(0).toISOString().slice(0, 10)}`, `${frequency}:${day(next).toISOString().slice(0, 10)}`])

    const before = sink.received.length
    await run({ older: String(runs.older.id), newer: String(runs.newer.id) })
    await dispatcher(cms.payload, sink.url).run({ untilIdle: true })

    // Both runs were built and finished…
    for (const r of Object.values(runs)) expect((await cms.payload.findByID({ collection: 'newsletter-runs', id: r.id, depth: 0, overrideAccess: true })).status).toBe('done')
    // …and each item reached each subscriber once, in one email: the older slot merged into the newer.
    const received = async (email: string) => Promise.all(sink.received.slice(before).filter((r) => r.to === email).map((r) => sink.parse(r)))
    const times = (mails: { text?: string }[], title: string) => mails.flatMap((m) => String(m.text).split('\n')).filter((line) => line === title).length
    const toEarly = await received(early)
    const toBetween = await received(between)
    expect({ emails: toEarly.length, first: times(toEarly, first), second: times(toEarly, second) }).toEqual({ emails: 1, first: 1, second: 1 })
    // Published before they confirmed: not theirs.
    expect({ emails: toBetween.length, first: times(toBetween, first), second: times(toBetween, second) }).toEqual({ emails: 1, first: 0, second: 1 })
  })
})

describe('faults at the receiving server', () => {
  it('retries 421 until delivered, fails 550 and suspends the address after the configured bounces, and survives a dropped connection', async () => {
    let dropped = false
    const sink = await startSink({
      rcpt: (address, attempt) => {
        if (address.startsWith('later')) return attempt <= 2 ? { code: 421, message: '4.7.0 Try again later' } : null
        if (address.startsWith('gone')) return { code: 550, message: '5.1.1 No such user' }
        return null
      },
      // The fifth message: the connection drops before the server answers.
      beforeAccept: (n) => {
        if (n === 5 && !dropped) {
          dropped = true
          return 'drop'
        }
        return 'accept'
      },
    })
    try {
      const store = storeFor(cms.payload)
      const topic = await makeTopic(cms.payload, 'Gedimai', 'Faults')
      const emails = ['later1@example.org', 'later2@example.org', 'gone@example.org', ...Array.from({ length: 12 }, (_, i) => `ok${i}@example.org`)]
      for (const email of emails) await addSubscriber(cms.payload, { email, frequency: 'immediately', topics: [topic] })
      const goneId = String((await cms.payload.find({ collection: 'subscribers', where: { email: { equals: 'gone@example.org' } }, overrideAccess: true })).docs[0]!.id)

      // Two bounces suspend the address (maxBounces 2): the third item is not even queued for it.
      for (const title of ['Pirmas gedimas', 'Antras gedimas', 'Trečias gedimas']) {
        await publishNews(cms.payload, { lt: title, topics: [topic] })
        await runNewsletterJobs(cms.payload)
        await dispatcher(cms.payload, sink.url, { maxBounces: 2 }).run({ untilIdle: true })
      }
      expect(dropped).toBe(true)
      for (const email of emails.filter((e) => !e.startsWith('gone'))) {
        const subjects = await Promise.all(sink.to(email).map(async (r) => (await sink.parse(r)).subject))
        // Everything arrived: the dropped message and the 421s were retried. A message cut
        // off before the server's answer is not delivered, so nothing is doubled either.
        expect(subjects.sort(), email).toEqual(['Antras gedimas', 'Pirmas gedimas', 'Trečias gedimas'])
      }
      expect(sink.to('gone@example.org')).toHaveLength(0)
      const gone = await store.subscriberById(goneId)
      expect(gone?.status).toBe('suspended')
      // Staff see it on the run whose bounce suspended the address.
      const runs = await cms.payload.find({ collection: 'newsletter-runs', where: { title: { in: ['Pirmas gedimas', 'Antras gedimas', 'Trečias gedimas'] } }, depth: 0, overrideAccess: true })
      expect(Object.fromEntries(runs.docs.map((r) => [r.title, r.suspended]))).toEqual({ 'Pirmas gedimas': 0, 'Antras gedimas': 1, 'Trečias gedimas': 0 })
      const rows = await cms.payload.find({ collection: 'email-outbox', where: { subscriber: { equals: goneId } }, depth: 0, overrideAccess: true })
      expect(rows.docs.map((r) => r.status).sort()).toEqual(['failed', 'failed'])
      expect(rows.docs.find((r) => r.status === 'failed')?.lastError).toMatch(/550/)
      const later = await cms.payload.find({ collection: 'email-outbox', where: { key: { like: 'change:' } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
      expect(later.docs.some((r) => Number(r.attempts) > 0 && r.status === 'sent')).toBe(true)
    } finally {
      await sink.close()
    }
  })
})

describe('the city’s name in the e-mails', () => {
  it('reads the published Settings and declines the name where the message needs it', async () => {
    const sink = await startSink()
    try {
      await cms.payload.updateGlobal({
        slug: 'settings',
        locale: 'lt',
        data: { cityName: 'Pajūris', cityNameCases: { genitive: 'Pajūrio', locative: 'Pajūryje' }, _status: 'published' } as never,
        overrideAccess: true,
        context: { [SEEDING]: true },
      })
      const sender = await storeFor(cms.payload).sender()
      expect(sender.cityName.lt).toBe('Pajūris')
      expect(sender.cityNameCases?.lt).toEqual({ genitive: 'Pajūrio', locative: 'Pajūryje' })

      const { newsletterService } = await import('../../cms/plugins/newsletter/service')
      const email = `miestas.${Date.now()}@example.net`
      await newsletterService(cms.payload).subscribe({ email, locale: 'lt', frequency: 'daily', allTopics: true, topics: [], urgent: false, form: 'newsletter', consentWording: 'Sutinku' })
      await dispatcher(cms.payload, sink.url).run({ untilIdle: true })
      const [mail] = await Promise.all(sink.to(email).map((r) => sink.parse(r)))
      expect(mail?.subject).toBe('Patvirtinkite Pajūrio naujienlaiškio prenumeratą')
      expect(mail?.text).toContain('užsiprenumeravo Pajūrio naujienas šiuo adresu')
    } finally {
      await sink.close()
    }
  })
})
