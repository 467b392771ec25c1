import crypto from 'node:crypto'

import { encode as qpEncode, wrap as qpWrap } from 'libqp'

import { cityVars, hasCatalog, type MessageKey, type MessageVars, t } from '../../model/i18n'
import { listPath, newsletterPath } from '../../model/routes'
import type { Keys } from '../../model/secrets'
import type { NewsletterConfig } from './config'
import type { ChangeEntry, ChangeRow, ClaimedRow, SenderSettings } from './store/types'
import { signLink } from './tokens'

/**
 * Builds each email from its outbox row: localized, HTML (semantic, dark-mode aware,
 * `lang` set) plus plain text, with the list headers Gmail and Yahoo ask bulk senders
 * for. Only strings are built here; nodemailer streams the MIME message.
 */

/** E-mail strings: the `email.*` keys of the one catalogue (cms/model/i18n). */
type EmailKey = MessageKey extends infer K ? (K extends `email.${infer Rest}` ? Rest : never) : never
export const m = (locale: string, key: EmailKey, vars: MessageVars = {}): string => t(locale, `email.${key}`, vars)

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export type ComposeContext = {
  config: NewsletterConfig
  keys: Pick<Keys, 'newsletterLinks' | 'newsletterConfirm'>
  defaultLocale: string
  /** EMAIL_FROM, used when the settings name no sender. */
  emailFrom: string
  sender: SenderSettings
  changes: Map<string, ChangeRow>
  now?: Date
  /** Item blocks by change and locale: the same item appears in thousands of digests. */
  blocks?: Map<string, { html: string; text: string }>
  /** What every recipient of the same items in the same language gets: built once per batch of sends. */
  shared?: Map<string, SharedPart>
}

/** The part of a digest or immediate email before the recipient's own footer. */
type SharedPart = { subject: string; htmlHead: string; textBody: string; encoded?: { htmlHead: Buffer; textBody: Buffer } }

/**
 * Quoted-printable as nodemailer writes it (libqp, by nodemailer's author, is the same
 * encoder as nodemailer's own; a unit test compares them): 76-character lines, line
 * breaks kept as LF: the SMTP data stream writes them as CRLF). Text that ends with a
 * line break can be encoded in pieces and joined: every piece starts on a new line.
 */
function quotedPrintable(text: string): Buffer {
  return Buffer.from(qpWrap(qpEncode(text), 76), 'latin1')
}

const partHeaders = (type: 'plain' | 'html') => Buffer.from(`Content-Type: text/${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`)
const HTML_PART = partHeaders('html')
const TEXT_PART = partHeaders('plain')

export type Composed = {
  to: string
  from: { name: string; address: string }
  replyTo?: string
  subject: string
  html: string
  text: string
  messageId: string
  list?: { id: { url: string; comment: string }; unsubscribe: { url: string } }
  headers: Record<string, string>
}

export class ComposeError extends Error {}

/** Items in one digest at most: enough for a readable email; the rest is on the site. */
export const MAX_DIGEST_ITEMS = 50
/**
 * Bytes of HTML at most. Gmail clips a message whose HTML passes ~102 KB, hiding the
 * footer with the unsubscribe link; 50 items with the longest titles and summaries the
 * CMS accepts, full of characters that escaping expands, would be twice that.
 */
const MAX_HTML_BYTES = 95_000

function parseFrom(value: string): { name: string; address: string } {
  const match = /^(.*?)\s*<([^>]+)>$/.exec(value)
  return match ? { name: match[1]!.replace(/^"|"$/g, ''), address: match[2]! } : { name: '', address: value }
}

function host(url: string): string {
  return new URL(url).hostname
}

/** Stable for a row: a resend after a crash carries the same Message-ID, so mailboxes can fold it. */
export function messageIdFor(key: string, domain: string): string {
  return `<${crypto.createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`
}

/** Confirmation links derive from a nonce kept in the outbox row: without the key the row reveals no token. */
export function confirmToken(keys: Pick<Keys, 'newsletterConfirm'>, nonce: string): string {
  return crypto.createHmac('sha256', keys.newsletterConfirm).update(`confirm\n${nonce}`).digest('base64url')
}

function localeOf(locale: string, ctx: ComposeContext): string {
  return hasCatalog(locale) || locale === ctx.defaultLocale ? locale : 'en'
}

function links(ctx: ComposeContext, subscriberId: string, email: string, locale: string) {
  const route = { defaultLocale: ctx.defaultLocale }
  const now = ctx.now ?? new Date()
  const day = 86_400_000
  // Rounded to the day so that every email of a run carries the same link.
  const exp = new Date(Math.ceil((now.getTime() + ctx.config.linkTtlDays * day) / day) * day)
  const prefs = signLink(ctx.keys.newsletterLinks, 'preferences', subscriberId, email, exp)
  const unsub = signLink(ctx.keys.newsletterLinks, 'unsubscribe', subscriberId, email)
  return {
    preferences: `${ctx.config.siteUrl}${newsletterPath(locale, route, 'preferences')}?token=${prefs}`,
    unsubscribe: `${ctx.config.siteUrl}${newsletterPath(locale, route, 'unsubscribe')}?token=${unsub}`,
  }
}

/**
 * List-Id, List-Unsubscribe (https) and List-Unsubscribe-Post: on every email to a
 * subscriber address, confirmations included (Gmail and Yahoo bulk-sender rules).
 */
function listHeaders(ctx: ComposeContext, locale: string, names: MessageVars, unsubscribe: string): Pick<Composed, 'list' | 'headers'> {
  return {
    list: { id: { url: `newsletter.${host(ctx.config.siteUrl)}`, comment: m(locale, 'list', names) }, unsubscribe: { url: unsubscribe } },
    // RFC 8058 one-click: a POST to the List-Unsubscribe URL ends the subscription.
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  }
}

const byteSizes = new WeakMap<object, number>()
function bytesOf(b: { html: string }): number {
  let n = byteSizes.get(b)
  if (n === undefined) byteSizes.set(b, (n = Buffer.byteLength(b.html) + 1))
  return n
}

const LAYOUT_TAIL = `
</footer>
</div>
</body>
</html>
`

function layout(o: { locale: string; title: string; city: string; body: string; footer: string }): string {
  return layoutHead(o) + o.footer + LAYOUT_TAIL
}

/** Everything before the footer's content: the same for every recipient of a digest. */
function layoutHead(o: { locale: string; title: string; city: string; body: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(o.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(o.title)}</title>
<style>
body{margin:0;padding:0;background:#f3f3f0;color:#1b1b1b;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.wrap{max-width:640px;margin:0 auto;padding:24px 16px}
.site{font-weight:700;font-size:18px;margin:0 0 12px}
main{background:#ffffff;padding:24px;border-radius:6px}
h1{font-size:24px;line-height:1.25;margin:0 0 12px}
h2{font-size:19px;line-height:1.3;margin:24px 0 4px}
p{margin:0 0 12px}
a{color:#0b4f8a}
.kind{font-size:14px;color:#4a4a4a;margin:0}
.banner{background:#fff4d6;color:#1b1b1b;padding:12px;border-radius:4px}
.button{display:inline-block;background:#0b4f8a;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;font-weight:700}
footer{font-size:14px;color:#3d3d3d;padding:16px 8px}
@media (prefers-color-scheme: dark){
body{background:#111111;color:#ececec}
main{background:#1d1d1d}
a{color:#9cc7ff}
.kind,footer{color:#cfcfcf}
.banner{background:#4a3b00;color:#ffffff}
.button{background:#9cc7ff;color:#0b0b0b}
}
</style>
</head>
<body>
<div class="wrap">
<header><p class="site">${escapeHtml(o.city)}</p></header>
<main>
${o.body}
</main>
<footer>
`
}

/** The layout's own bytes, without what is filled in. */
const layoutBytes = Buffer.byteLength(layout({ locale: '', title: '', city: '', body: '', footer: '' }))

/** "Urgent", "Consultation open", "Consultation outcome", or the kind of document. */
function kindLabel(locale: string, change: ChangeRow): string {
  if (change.urgent) return m(locale, 'urgent.prefix')
  if (change.kind === 'opened' || change.kind === 'outcome') return m(locale, `change.${change.kind}`)
  // A collection without a label fails loudly: its e-mails would otherwise say nothing.
  return m(locale, `type.${change.docCollection}` as EmailKey)
}

function itemHtml(locale: string, change: ChangeRow, entry: ChangeEntry): string {
  const kind = kindLabel(locale, change)
  return `<article>
<h2><a href="${escapeHtml(entry.url)}">${escapeHtml(entry.title)}</a></h2>
<p class="kind">${escapeHtml(kind)}</p>
${entry.summary ? `<p>${escapeHtml(entry.summary)}</p>` : ''}
</article>`
}

function itemText(locale: string, change: ChangeRow, entry: ChangeEntry): string {
  const kind = kindLabel(locale, change)
  return `${entry.title}\n${kind}\n${entry.summary ? `${entry.summary}\n` : ''}${entry.url}\n`
}

function block(locale: string, change: ChangeRow, entry: ChangeEntry, ctx: ComposeContext): { html: string; text: string } {
  const key = `${change.id}\n${locale}`
  let b = ctx.blocks?.get(key)
  if (!b) {
    b = { html: itemHtml(locale, change, entry), text: itemText(locale, change, entry) }
    ctx.blocks?.set(key, b)
  }
  return b
}

/** The entry a subscriber reads: their language, or for urgent items the default language. */
export function entryFor(change: ChangeRow, locale: string, defaultLocale: string): ChangeEntry | null {
  return change.entries[locale] ?? (change.urgent ? (change.entries[defaultLocale] ?? null) : null)
}

export function composeMessage(row: ClaimedRow, ctx: ComposeContext): Composed {
  return compose(row, ctx).mail
}

/**
 * What the dispatcher sends. For digests and items, each part comes ready-encoded
 * (nodemailer's `raw` part): what all recipients share is encoded once, and only the
 * recipient's footer per email. nodemailer would otherwise encode the whole digest
 * again for every recipient, the most expensive step of sending it.
 */
export type Sendable = Omit<Composed, 'html' | 'text'> & { html: string | { raw: Buffer }; text: string | { raw: Buffer } }

export function composeForSending(row: ClaimedRow, ctx: ComposeContext): Sendable {
  const { mail, parts } = compose(row, ctx)
  if (!parts) return mail
  const { shared, footer, textFooter } = parts
  // Both shared pieces end with a line break, so their encodings can be joined to the footer's.
  if (!shared.encoded) {
    if (!shared.htmlHead.endsWith('\n') || !shared.textBody.endsWith('\n')) throw new Error('A shared part must end with a line break to be encoded ahead')
    shared.encoded = { htmlHead: quotedPrintable(shared.htmlHead), textBody: quotedPrintable(shared.textBody) }
  }
  return {
    ...mail,
    html: { raw: Buffer.concat([HTML_PART, shared.encoded.htmlHead, quotedPrintable(footer + LAYOUT_TAIL)]) },
    text: { raw: Buffer.concat([TEXT_PART, shared.encoded.textBody, quotedPrintable(textFooter)]) },
  }
}

/**
 * The email as plain strings, and for a digest or item to a subscriber the pieces it is
 * made of: the part every recipient shares (cached in `ctx.shared`) and this recipient's
 * footers, HTML and text, which composeForSending encodes ahead.
 */
type Built = { mail: Composed; parts?: { shared: SharedPart; footer: string; textFooter: string } }

function compose(row: ClaimedRow, ctx: ComposeContext): Built {
  const sub = row.subscriber
  const items = row.items as Record<string, unknown> | string[] | null
  // Tests go to a staff member and receipts to a respondent: neither is a subscriber.
  const direct = row.kind === 'test' || row.kind === 'receipt'
  const to = direct ? String((items as Record<string, unknown>)?.email ?? '') : (sub?.email ?? '')
  if (!to) throw new ComposeError('No recipient')
  const locale = localeOf(direct ? String((items as Record<string, unknown>).locale ?? ctx.defaultLocale) : sub!.locale, ctx)
  const city = ctx.sender.cityName[locale] ?? ctx.sender.cityName[ctx.defaultLocale] ?? parseFrom(ctx.emailFrom).name ?? 'Atvira'
  // The cases belong to the locale's own name; a borrowed name reads as it is.
  const names = cityVars({ cityName: city, cityNameCases: ctx.sender.cityName[locale] ? ctx.sender.cityNameCases?.[locale] : null })
  const fallback = parseFrom(ctx.emailFrom)
  const from = {
    name: ctx.sender.fromName[locale] ?? ctx.sender.fromName[ctx.defaultLocale] ?? fallback.name,
    address: ctx.sender.fromAddress ?? fallback.address,
  }
  const siteHost = host(ctx.config.siteUrl)
  const domain = from.address.split('@')[1] || siteHost
  const messageId = messageIdFor(row.key, domain)
  const base = { to, from, replyTo: ctx.sender.replyTo ?? undefined, messageId, headers: {} as Record<string, string> }

  // Receipts and tests go to one person who asked for that one email, not to a list
  // address: they carry no List-Unsubscribe (there is nothing to leave).
  if (row.kind === 'receipt') {
    const r = items as { reference?: string; title?: string; url?: string }
    if (!r?.reference) throw new ComposeError('Receipt without a reference')
    const subject = m(locale, 'receipt.subject', { reference: r.reference })
    const url = r.url && /^https?:\/\//.test(r.url) ? r.url : ''
    const body = `<h1>${escapeHtml(m(locale, 'receipt.heading'))}</h1>
<p>${escapeHtml(m(locale, 'receipt.body', { title: r.title ?? '' }))}</p>
<p><strong>${escapeHtml(m(locale, 'receipt.reference', { reference: r.reference }))}</strong></p>
${url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(m(locale, 'receipt.link'))}</a></p>` : ''}`
    const text = `${m(locale, 'receipt.heading')}\n\n${m(locale, 'receipt.body', { title: r.title ?? '' })}\n${m(locale, 'receipt.reference', { reference: r.reference })}\n${url ? `\n${m(locale, 'receipt.link')}: ${url}\n` : ''}`
    return { mail: { ...base, subject, html: layout({ locale, title: subject, city, body, footer: '' }), text } }
  }

  if (row.kind === 'confirm' && (items as { already?: boolean })?.already && sub) {
    const l = links(ctx, sub.id, sub.email, locale)
    const subject = m(locale, 'already.subject', names)
    const body = `<h1>${escapeHtml(subject)}</h1>
<p>${escapeHtml(m(locale, 'already.body', names))}</p>
<p><a class="button" href="${escapeHtml(l.preferences)}">${escapeHtml(m(locale, 'footer.preferences'))}</a></p>
<p>${escapeHtml(m(locale, 'already.ignore'))}</p>`
    const footer = `<p><a href="${escapeHtml(l.unsubscribe)}">${escapeHtml(m(locale, 'footer.unsubscribe'))}</a></p>`
    const text = `${subject}\n\n${m(locale, 'already.body', names)}\n\n${m(locale, 'footer.preferences')}: ${l.preferences}\n\n${m(locale, 'already.ignore')}\n\n--\n${m(locale, 'footer.unsubscribe')}: ${l.unsubscribe}\n`
    return { mail: { ...base, subject, html: layout({ locale, title: subject, city, body, footer }), text, ...listHeaders(ctx, locale, names, l.unsubscribe) } }
  }

  if (row.kind === 'confirm') {
    const data = items as { nonce?: string; expires?: string }
    if (!data?.nonce || !sub) throw new ComposeError('Confirmation without a nonce')
    const url = `${ctx.config.siteUrl}${newsletterPath(locale, { defaultLocale: ctx.defaultLocale }, 'confirm')}?token=${confirmToken(ctx.keys, data.nonce)}`
    const expires = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: ctx.config.timeZone }).format(
      new Date(data.expires ?? Date.now()),
    )
    const subject = m(locale, 'confirm.subject', names)
    const body = `<h1>${escapeHtml(m(locale, 'confirm.heading'))}</h1>
<p>${escapeHtml(m(locale, 'confirm.body', names))}</p>
<p><a class="button" href="${escapeHtml(url)}">${escapeHtml(m(locale, 'confirm.button'))}</a></p>
<p>${escapeHtml(m(locale, 'confirm.expires', { date: expires }))}</p>
<p>${escapeHtml(m(locale, 'confirm.ignore'))}</p>`
    // Unsubscribing a pending address erases it: "this was not me".
    const remove = links(ctx, sub.id, sub.email, locale).unsubscribe
    const footer = `<p><a href="${escapeHtml(remove)}">${escapeHtml(m(locale, 'confirm.remove'))}</a></p>`
    const text = `${m(locale, 'confirm.heading')}\n\n${m(locale, 'confirm.body', names)}\n\n${m(locale, 'confirm.button')}: ${url}\n\n${m(locale, 'confirm.expires', { date: expires })}\n${m(locale, 'confirm.ignore')}\n\n--\n${m(locale, 'confirm.remove')}: ${remove}\n`
    return { mail: { ...base, subject, html: layout({ locale, title: subject, city, body, footer }), text, ...listHeaders(ctx, locale, names, remove) } }
  }

  const ids = row.kind === 'test' ? ((items as { changeIds?: string[] }).changeIds ?? []) : ((items as string[]) ?? [])
  const frequency = row.kind === 'test' ? String((items as Record<string, unknown>).frequency ?? 'daily') : sub!.frequency
  const l = direct || !sub ? null : links(ctx, sub.id, sub.email, locale)
  const key = `${row.kind}\n${locale}\n${frequency}\n${city}\n${ids.join(',')}`
  let shared = ctx.shared?.get(key)
  if (!shared) {
    shared = sharedPart(row, ctx, { ids, locale, frequency, city, names })
    if (ctx.shared) {
      if (ctx.shared.size >= 1000) ctx.shared.clear()
      ctx.shared.set(key, shared)
    }
  }
  const { subject } = shared
  const footer = l
    ? `<p>${escapeHtml(m(locale, 'footer.why', names))}</p>
<p><a href="${escapeHtml(l.preferences)}">${escapeHtml(m(locale, 'footer.preferences'))}</a> · <a href="${escapeHtml(l.unsubscribe)}">${escapeHtml(m(locale, 'footer.unsubscribe'))}</a></p>`
    : `<p>${escapeHtml(m(locale, 'test.banner'))}</p>`
  const textFooter = l
    ? `\n--\n${m(locale, 'footer.why', names)}\n${m(locale, 'footer.preferences')}: ${l.preferences}\n${m(locale, 'footer.unsubscribe')}: ${l.unsubscribe}\n`
    : ''

  if (!l) return { mail: { ...base, subject: `[TEST] ${subject}`, html: shared.htmlHead + footer + LAYOUT_TAIL, text: `${m(locale, 'test.banner')}\n\n${shared.textBody}` } }
  const headers = listHeaders(ctx, locale, names, l.unsubscribe)
  return {
    mail: { ...base, subject, html: shared.htmlHead + footer + LAYOUT_TAIL, text: `${shared.textBody}${textFooter}`, ...headers },
    parts: { shared, footer, textFooter },
  }
}

/**
 * Room kept for the recipient's footer (why they get this, two signed links) when
 * fitting items under MAX_HTML_BYTES: the shared part must not depend on the footer.
 */
const FOOTER_RESERVE = 2048

function sharedPart(row: ClaimedRow, ctx: ComposeContext, o: { ids: string[]; locale: string; frequency: string; city: string; names: MessageVars }): SharedPart {
  const { locale, city } = o
  const listed = o.ids
    .map((id) => ctx.changes.get(String(id)))
    .filter((c): c is ChangeRow => Boolean(c))
    .map((c) => ({ change: c, entry: entryFor(c, locale, ctx.defaultLocale) }))
    .filter((x): x is { change: ChangeRow; entry: ChangeEntry } => x.entry !== null)
  if (listed.length === 0) throw new ComposeError('Nothing left to send: the items were removed')

  let subject: string
  let heading: string
  if (row.kind === 'immediate') {
    const first = listed[0]!
    subject =
      first.change.urgent || first.change.kind === 'opened' || first.change.kind === 'outcome'
        ? `${kindLabel(locale, first.change)}: ${first.entry.title}`
        : m(locale, 'immediate.subject', { title: first.entry.title })
    heading = first.entry.title
  } else {
    const kind = o.frequency === 'weekly' ? 'weekly' : 'daily'
    subject = m(locale, `digest.subject.${kind}`, { ...o.names, count: listed.length })
    heading = m(locale, `digest.heading.${kind}`)
  }
  const banner = row.kind === 'test' ? `<p class="banner">${escapeHtml(m(locale, 'test.banner'))}</p>\n` : ''

  if (row.kind === 'immediate') {
    const { entry } = listed[0]!
    return {
      subject,
      htmlHead: layoutHead({
        locale,
        title: subject,
        city,
        body: `${banner}<h1>${escapeHtml(heading)}</h1>\n${entry.summary ? `<p>${escapeHtml(entry.summary)}</p>\n` : ''}<p><a href="${escapeHtml(entry.url)}">${escapeHtml(m(locale, 'readMore', { title: entry.title }))}</a></p>`,
      }),
      textBody: `${heading}\n\n${entry.summary ? `${entry.summary}\n\n` : ''}${entry.url}\n`,
    }
  }

  const head = `${banner}<h1>${escapeHtml(heading)}</h1>\n<p>${escapeHtml(m(locale, 'digest.intro'))}</p>\n`
  const newsList = () => `${ctx.config.siteUrl}${listPath('news', locale, 1, { defaultLocale: ctx.defaultLocale })}`
  const moreHtml = (n: number) => `\n<p><a href="${escapeHtml(newsList())}">${escapeHtml(m(locale, 'digest.more', { count: n }))}</a></p>`
  // The newest items that fit, in their order; the rest are counted and linked.
  const blocks = listed.map((x) => block(locale, x.change, x.entry, ctx))
  const itemBytes = blocks.reduce((n, b) => n + bytesOf(b), 0)
  // A cheap upper bound first (3 bytes per UTF-16 unit, 6 per escaped one); only a digest near the limit is measured.
  const aroundMax = layoutBytes + FOOTER_RESERVE + 3 * (locale.length + 6 * (subject.length + city.length) + head.length)
  let first = 0
  if (blocks.length > MAX_DIGEST_ITEMS || itemBytes + aroundMax > MAX_HTML_BYTES) {
    let room =
      MAX_HTML_BYTES -
      layoutBytes -
      FOOTER_RESERVE -
      [escapeHtml(locale), escapeHtml(subject), escapeHtml(city), head, moreHtml(listed.length)].reduce((n, s) => n + Buffer.byteLength(s), 0)
    first = blocks.length
    while (first > 0 && blocks.length - first < MAX_DIGEST_ITEMS && (room >= bytesOf(blocks[first - 1]!) || first === blocks.length)) {
      room -= bytesOf(blocks[--first]!)
    }
  }
  const shown = first === 0 ? blocks : blocks.slice(first)
  const more = first
  return {
    subject,
    htmlHead: layoutHead({ locale, title: subject, city, body: `${head}${shown.map((b) => b.html).join('\n')}${more > 0 ? moreHtml(more) : ''}` }),
    textBody: `${heading}\n${m(locale, 'digest.intro')}\n\n${shown.map((b) => b.text).join('\n')}${more > 0 ? `\n${m(locale, 'digest.more', { count: more })}: ${newsList()}\n` : ''}`,
  }
}
