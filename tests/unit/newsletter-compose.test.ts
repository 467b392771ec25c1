/**
 * The dispatcher sends digests with their parts encoded ahead (the shared part once,
 * each footer per email). What a mailbox reads must be exactly what nodemailer makes of
 * the same email composed as plain strings: the same HTML and text, the same headers,
 * and quoted-printable lines no longer than 76 characters.
 */
import { simpleParser } from 'mailparser'
import * as libqp from 'libqp'
import nodemailer from 'nodemailer'
import * as nodemailerQp from 'nodemailer/lib/qp'
import { describe, expect, it } from 'vitest'

import { cityVars, t } from '../../cms/model/i18n'
import { keysFor } from '../../cms/model/secrets'
import { type ComposeContext, composeForSending, composeMessage } from '../../cms/plugins/newsletter/compose'
import { newsletterConfig } from '../../cms/plugins/newsletter/config'
import type { ChangeRow, ClaimedRow } from '../../cms/plugins/newsletter/store/types'

const config = { ...newsletterConfig(), siteUrl: 'https://www.pajuris.example' }

function change(id: number, title: string, summary: string, extra: Partial<ChangeRow> = {}): ChangeRow {
  const slug = `straipsnis-${id}`
  return {
    id: String(id),
    kind: 'published',
    urgent: false,
    topicIds: [],
    docCollection: 'news',
    withdrawn: false,
    publishedAt: new Date(Date.UTC(2026, 10, 30, 8, id)).toISOString(),
    entries: {
      lt: { title, summary, url: `https://www.pajuris.example/naujienos/${slug}/` },
      en: { title: `EN ${title}`, summary: `EN ${summary}`, url: `https://www.pajuris.example/en/news/${slug}/` },
    },
    ...extra,
  }
}

const long = (n: number) => Array.from({ length: n }, (_, i) => ['Šilumos', 'ūkio', 'ąžuolų', 'gėlės', 'č', 'tarifai', '&', '<b>', '"kabutės"', '=', '€', '🌊'][i % 12]).join(' ')

// Titles and summaries that stress quoted-printable: multi-byte letters at line ends,
// '=' signs, spaces and tabs before line breaks, long unbroken words, emoji.
const changes = [
  change(1, 'Šildymo sezonas prasideda', 'Daugiabučių namų gyventojai šilumą gaus nuo spalio 15 d.'),
  change(2, `Ilgas pavadinimas ${long(40)}`, long(90)),
  change(3, 'Tarpai pabaigoje   ', 'Santrauka su tabuliacija\t'),
  change(4, 'a=b=c '.repeat(20), 'x'.repeat(300)),
  change(5, 'Skubu: vandens tiekimo sutrikimas', 'Uosto g. 1–15 vandens nebus iki 18 val.', { urgent: true }),
  ...Array.from({ length: 45 }, (_, i) => change(10 + i, `Naujiena Nr. ${i} – ${long(8)}`, long(30))),
]

function context(): ComposeContext {
  return {
    config,
    keys: keysFor('unit-test-secret-unit-test-secret-0123456789'),
    defaultLocale: 'lt',
    emailFrom: 'Pajūrio savivaldybė <naujienos@pajuris.example>',
    sender: { fromAddress: null, replyTo: 'info@pajuris.example', fromName: {}, cityName: { lt: 'Pajūris', en: 'Pajuris' }, cityNameCases: { lt: { genitive: 'Pajūrio', locative: 'Pajūryje' } } },
    changes: new Map(changes.map((c) => [c.id, c])),
    blocks: new Map(),
    shared: new Map(),
    now: new Date(Date.UTC(2026, 11, 1, 6)),
  }
}

const row = (n: number, kind: ClaimedRow['kind'], locale: 'lt' | 'en', items: string[], frequency = 'daily'): ClaimedRow => ({
  id: String(n),
  key: `${kind}:${n}`,
  kind,
  runId: '1',
  attempts: 0,
  items,
  subscriber: {
    id: String(n),
    email: `gyventojas.${n}@example.org`,
    locale,
    status: 'confirmed',
    frequency,
    allTopics: true,
    topicIds: [],
    urgent: true,
    digestCursor: null,
    confirmedAt: null,
  },
})

const transport = nodemailer.createTransport({ streamTransport: true, buffer: true })
async function built(mail: object): Promise<Buffer> {
  const info = await transport.sendMail({ ...mail, date: new Date(Date.UTC(2026, 11, 1, 6)), textEncoding: 'quoted-printable' })
  return info.message as Buffer
}

describe('an email encoded ahead reads the same as nodemailer would make it', () => {
  const ids = changes.map((c) => c.id)
  it.each([
    ['a daily digest of one item', row(1, 'digest', 'lt', ['1'])],
    ['a daily digest of 50 items with awkward text', row(2, 'digest', 'lt', ids)],
    ['a weekly digest in English', row(3, 'digest', 'en', ids.slice(0, 12), 'weekly')],
    ['spaces before line breaks', row(4, 'digest', 'lt', ['3', '4'])],
    ['an immediate item', row(5, 'immediate', 'lt', ['2'])],
    ['an urgent item', row(6, 'immediate', 'en', ['5'])],
  ])('%s', async (_label, claimed) => {
    const ctx = context()
    const plain = composeMessage(claimed, ctx)
    const ahead = composeForSending(claimed, ctx)
    expect(typeof ahead.html === 'object' && 'raw' in ahead.html, 'the parts come encoded').toBe(true)
    // A second recipient of the same items: the shared part is reused, the footer is theirs.
    const other = { ...claimed, id: '99', key: `${claimed.kind}:99`, subscriber: { ...claimed.subscriber!, id: '99', email: 'kitas@example.org' } }
    const [a, b, c] = await Promise.all([built(plain), built(ahead), built(composeForSending(other, ctx))])
    const [pa, pb, pc] = await Promise.all([simpleParser(a), simpleParser(b), simpleParser(c)])
    expect(pb.html).toBe(pa.html)
    expect(pb.text).toBe(pa.text)
    expect(pb.subject).toBe(pa.subject)
    expect(pb.messageId).toBe(pa.messageId)
    expect(JSON.stringify(pb.headers.get('list'))).toBe(JSON.stringify(pa.headers.get('list')))
    expect(String(pb.headers.get('list-unsubscribe-post') ?? b.toString('latin1').match(/^List-Unsubscribe-Post: (.*)$/m)?.[1])).toBe('List-Unsubscribe=One-Click')
    expect(pc.html).toBe(composeMessage(other, ctx).html)
    expect(pc.html).not.toBe(pb.html)
    // Quoted-printable lines stay within 76 characters (RFC 2045).
    const raw = b.toString('latin1')
    const body = raw.slice(raw.indexOf('\r\n\r\n') + 4).split(/\r?\n/)
    expect(body.length).toBeGreaterThan(10)
    expect(Math.max(...body.map((line) => line.length))).toBeLessThanOrEqual(76)
  })
})

describe('the city’s name in the case each message needs', () => {
  const confirm = (locale: 'lt' | 'en', already = false) => ({ ...row(7, 'confirm', locale, []), items: already ? { already: true } : { nonce: 'n0nce', expires: '2026-12-03T06:00:00Z' } }) as unknown as ClaimedRow

  it('Lithuanian declines it: "Pajūrio naujienlaiškio", not "Pajūris naujienlaiškio"', () => {
    const mail = composeMessage(confirm('lt'), context())
    expect(mail.subject).toBe('Patvirtinkite Pajūrio naujienlaiškio prenumeratą')
    expect(mail.text).toContain('užsiprenumeravo Pajūrio naujienas šiuo adresu')
    expect(mail.list?.id.comment).toBe('Pajūrio naujienlaiškis')
    expect(composeMessage(confirm('lt', true), context()).subject).toBe('Jūs jau gaunate Pajūrio naujienlaiškį')
    const digest = composeMessage(row(8, 'digest', 'lt', ['1']), context())
    expect(digest.subject).toBe('Pajūris: dienos naujienos (1)')
    expect(digest.text).toContain('Gaunate šį laišką, nes užsiprenumeravote Pajūrio naujienas.')
  })

  it('English and a name without cases read the name as written', () => {
    expect(composeMessage(confirm('en'), context()).subject).toBe('Confirm your Pajuris newsletter subscription')
    const ctx = { ...context(), sender: { ...context().sender, cityNameCases: undefined } }
    expect(composeMessage(confirm('lt'), ctx).subject).toBe('Patvirtinkite Pajūris naujienlaiškio prenumeratą')
  })
})

describe('the quoted-printable encoder', () => {
  it('writes exactly what nodemailer writes', () => {
    const samples = ['', 'plain', 'Ąžuolų gatvė 5 – uždaryta.\n', ' spaces before breaks \n\tand tabs\t\n', '=equals= and . dots\n.', '😀 '.repeat(40), 'x'.repeat(200), `<p>${'Pranešimas, kurio eilutė ilga. '.repeat(12)}</p>\n`]
    for (const text of samples) expect(libqp.wrap(libqp.encode(text), 76)).toBe(nodemailerQp.wrap(nodemailerQp.encode(text), 76))
  })
})

describe('a Ukrainian and a Greek city’s e-mails', () => {
  const cities = [
    { locale: 'uk', name: 'Львів', cases: { genitive: 'Львова', locative: 'Львові' }, title: 'Зміни в розкладі автобусів', summary: 'Маршрути № 3 і № 5 курсуватимуть частіше.', script: /\p{Script=Cyrillic}/u },
    { locale: 'el', name: 'Ακρογιάλι', cases: { genitive: 'Ακρογιαλιού' }, title: 'Αλλαγές στα δρομολόγια', summary: 'Οι γραμμές 3 και 5 θα περνούν πιο συχνά.', script: /\p{Script=Greek}/u },
  ] as const

  function cityContext(city: (typeof cities)[number]): ComposeContext {
    const item: ChangeRow = {
      ...change(1, city.title, city.summary),
      entries: {
        [city.locale]: { title: city.title, summary: city.summary, url: `https://www.city.example/news/1/` },
        en: { title: 'Bus timetable changes', summary: 'Routes 3 and 5 run more often.', url: 'https://www.city.example/en/news/1/' },
      },
    }
    return {
      ...context(),
      defaultLocale: city.locale,
      emailFrom: `${city.name} <news@city.example>`,
      sender: { fromAddress: null, replyTo: 'info@city.example', fromName: {}, cityName: { [city.locale]: city.name, en: city.name }, cityNameCases: { [city.locale]: city.cases } },
      changes: new Map([[item.id, item]]),
    }
  }
  const subscriberIn = (locale: string, kind: ClaimedRow['kind'], items: unknown) =>
    ({ ...row(9, kind, 'lt', []), items, subscriber: { ...row(9, kind, 'lt', []).subscriber!, locale } }) as unknown as ClaimedRow

  it.each(cities)('$locale: the confirmation and a digest, as a mail client parses them, are in the language with the city declined', async (city) => {
    const ctx = cityContext(city)
    const vars = cityVars({ cityName: city.name, cityNameCases: city.cases })
    const confirm = await simpleParser(await built(composeMessage(subscriberIn(city.locale, 'confirm', { nonce: 'n0nce', expires: '2026-12-03T06:00:00Z' }), ctx)))
    expect(confirm.subject).toBe(t(city.locale, 'email.confirm.subject', vars))
    expect(confirm.subject).toMatch(city.script)
    expect(confirm.text).toContain(t(city.locale, 'email.confirm.heading'))
    expect(confirm.html).toContain(`lang="${city.locale}"`)

    const digest = await simpleParser(await built(composeMessage(subscriberIn(city.locale, 'digest', ['1']), ctx)))
    expect(digest.subject).toMatch(city.script)
    // The city by name, in the case the subject's grammar needs (Greek: "Δήμος Ακρογιαλιού").
    expect(digest.subject).toContain(city.locale === 'el' ? city.cases.genitive : city.name)
    expect(digest.text).toContain(city.title)
    expect(digest.text).not.toContain('Bus timetable')
    // The list's name in the headers, in the language too.
    const list = digest.headers.get('list') as unknown as { id: { name: string }; unsubscribe: { url: string } }
    // The list's name travels as an RFC 2047 encoded word; mailparser leaves it encoded here.
    const listName = list.id.name.replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) => libqp.decode(q.replace(/_/g, ' ')).toString('utf8'))
    expect(listName).toBe(t(city.locale, 'email.list', vars))
    expect(listName).toMatch(city.script)
    expect(new URL(list.unsubscribe.url).pathname).toBe(`/${t(city.locale, 'newsletter.path')}/${t(city.locale, 'newsletter.unsubscribePath')}`)
    for (const mail of [confirm, digest]) {
      const english = ['Confirm', 'newsletter', 'Unsubscribe', 'You are receiving']
      expect(english.filter((w) => `${mail.subject}\n${mail.text}`.includes(w)), `${city.locale}: English words in "${mail.subject}"`).toEqual([])
      expect(`${mail.subject}\n${mail.text}`).not.toMatch(/naujien|Pajūr/i)
    }
  })
})
