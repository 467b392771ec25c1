import crypto from 'node:crypto'
import fs from 'node:fs'

import type { CollectionSlug, Payload, RequestContext } from 'payload'

import { SEEDING } from '../hooks/context'
import { resolveSeedDate } from './dates'
import { type ContentSet, type DocCollection, type Entry } from './load'
import { RichText, UnresolvedReference } from './richtext'
import type { DemoUser } from './demoUsers'

export type SeedProgress = (event: { done: number; total: number; label: string }) => void

export type SeedOptions = {
  content: ContentSet
  /** Generated files: key → path, from scripts/lib/assets. */
  assets: { images: Record<string, string>; documents: Record<string, string> }
  now?: Date
  onProgress?: SeedProgress
  /** Demo staff accounts (one per role) are created only with demo content. */
  demoUsers?: DemoUser[]
}

export type SeedReport = {
  created: string[]
  updated: string[]
  unchanged: number
  users: { email: string; role: string; created: boolean }[]
}

type Id = number | string
type L = Record<string, string | undefined>

/** Bump when the mapping from files to documents changes, so every file is rewritten. */
const MAPPING_VERSION = '1'

const context: RequestContext = { [SEEDING]: true }

export async function seed(payload: Payload, options: SeedOptions): Promise<SeedReport> {
  const now = options.now ?? new Date()
  const locales = (payload.config.localization && payload.config.localization.localeCodes) || ['lt']
  const defaultLocale = (payload.config.localization && payload.config.localization.defaultLocale) || 'lt'
  const otherLocales = locales.filter((l) => l !== defaultLocale)
  const richText = await RichText.create(payload.config)
  const report: SeedReport = { created: [], updated: [], unchanged: 0, users: [] }
  const { content } = options

  // What earlier runs wrote: key → { id, hash }.
  const records = new Map<string, { recordId: Id; docId: string; hash: string }>()
  for (const r of (
    await payload.find({ collection: 'seed-records', limit: 0, pagination: false, depth: 0, overrideAccess: true })
  ).docs) {
    records.set(r.key, { recordId: r.id, docId: r.docId, hash: r.hash })
  }
  const ids = new Map<string, Id>()
  for (const [key, r] of records) ids.set(key, payload.db.defaultIDType === 'number' ? Number(r.docId) : r.docId)

  const total =
    content.topics.length + content.media.length + content.documents.length + content.docs.length + (content.settings ? 1 : 0)
  let done = 0
  const tick = (label: string) => options.onProgress?.({ done: ++done, total, label })

  const pick = (value: L | undefined, locale: string) => (value ? value[locale] : undefined)
  const date = (value: string | undefined) => (value ? resolveSeedDate(value, now) : undefined)
  const resolveRef = (ref: string) => ids.get(ref)
  // Lenient while breaking a cycle (a page linking to its own child): missing targets
  // are left out and the document is written again once they exist.
  let lenient = false
  const idOf = (ref: string): Id => {
    const id = ids.get(ref)
    if (id === undefined) {
      if (lenient) return null as unknown as Id
      throw new UnresolvedReference(ref)
    }
    return id
  }
  const present = <T>(items: T[]) => items.filter((v) => v !== null && (v as { value?: unknown }).value !== null)
  const rich = (value: L | undefined, locale: string) => {
    const md = pick(value, locale)
    return md === undefined ? undefined : richText.convert(md, resolveRef, lenient)
  }
  const docExists = async (collection: CollectionSlug, id: Id) => {
    const found = await payload.find({
      collection,
      where: { id: { equals: id } },
      limit: 1,
      depth: 0,
      draft: true,
      overrideAccess: true,
      select: {},
    })
    return found.docs.length > 0
  }

  const fileOf = (entry: Entry) => `${entry.collection}:${entry.key}`
  const fileHash = (entry: Entry, extra = '') =>
    crypto.createHash('sha256').update(`${MAPPING_VERSION}\n${entry.hash}\n${extra}`).digest('hex')

  async function remember(entry: Entry, id: Id, hash: string) {
    const key = fileOf(entry)
    ids.set(key, id)
    const existing = records.get(key)
    const data = { key, collectionSlug: entry.collection, docId: String(id), hash }
    if (existing) {
      await payload.update({ collection: 'seed-records', id: existing.recordId, data, overrideAccess: true, context })
    } else {
      const r = await payload.create({ collection: 'seed-records', data, overrideAccess: true, context })
      records.set(key, { recordId: r.id, docId: String(id), hash })
    }
  }

  /**
   * Writes one document: the default locale first (creating it if needed), then each
   * other locale. Returns false when the file is unchanged since the last run.
   */
  async function write(
    entry: Entry,
    collection: CollectionSlug,
    build: (locale: string, existing: Record<string, unknown> | null) => Record<string, unknown>,
    opts: { status?: 'published' | 'draft'; file?: { path: string }; extraHash?: string } = {},
  ): Promise<boolean> {
    const key = fileOf(entry)
    // Resolve every reference before writing, so a deferred file never leaves half a document.
    for (const locale of locales) build(locale, null)
    // A lenient write is provisional: its record never matches, so it is redone.
    const hash = lenient ? 'provisional' : fileHash(entry, opts.extraHash)
    const record = records.get(key)
    const existingId = ids.get(key)
    if (record && record.hash === hash && existingId !== undefined && (await docExists(collection, existingId))) {
      report.unchanged++
      return false
    }
    const drafts = Boolean(payload.collections[collection]?.config.versions?.drafts)
    const status = opts.status ?? 'published'
    const statusData = drafts ? { _status: status } : {}
    const draft = drafts && status === 'draft'
    const file = opts.file ? { filePath: opts.file.path } : {}
    let id = existingId !== undefined && (await docExists(collection, existingId)) ? existingId : undefined
    let doc: Record<string, unknown>
    if (id === undefined) {
      doc = (await payload.create({
        collection,
        data: { ...build(defaultLocale, null), ...statusData } as never,
        locale: defaultLocale as never,
        draft,
        depth: 0,
        overrideAccess: true,
        context,
        ...file,
      })) as unknown as Record<string, unknown>
      id = doc.id as Id
      report.created.push(key)
    } else {
      doc = (await payload.update({
        collection,
        id,
        data: { ...build(defaultLocale, null), ...statusData } as never,
        locale: defaultLocale as never,
        draft,
        depth: 0,
        overrideAccess: true,
        context,
        ...(opts.file ? { filePath: opts.file.path, overwriteExistingFiles: true } : {}),
      })) as unknown as Record<string, unknown>
      report.updated.push(key)
    }
    for (const locale of otherLocales) {
      doc = (await payload.update({
        collection,
        id,
        data: { ...build(locale, doc), ...statusData } as never,
        locale: locale as never,
        draft,
        depth: 0,
        overrideAccess: true,
        context,
      })) as unknown as Record<string, unknown>
    }
    await remember(entry, id, hash)
    return true
  }

  /** Keeps array row ids when writing a second locale, so rows are translated, not replaced. */
  function rows<T>(existing: Record<string, unknown> | null, field: string, items: T[], map: (item: T, i: number) => Record<string, unknown>) {
    const current = (existing?.[field] as { id?: string }[] | undefined) ?? []
    return items.map((item, i) => ({ ...(current[i]?.id ? { id: current[i]!.id } : {}), ...map(item, i) }))
  }

  // Topics, images and documents first: everything else refers to them.
  for (const e of content.topics) {
    await write(e, 'topics', (l) => ({ name: pick(e.data.name, l), slug: pick(e.data.slug, l), description: pick(e.data.description, l) }))
    tick(`topics/${e.key}`)
  }
  for (const e of content.media) {
    const file = options.assets.images[e.key]
    if (!file) throw new Error(`No generated image for media "${e.key}": run \`npm run content:assets\`.`)
    await write(
      e,
      'media',
      (l) => ({ alt: pick(e.data.alt, l), caption: pick(e.data.caption, l), credit: e.data.credit }),
      { file: { path: file }, extraHash: hashFile(file) },
    )
    tick(`media/${e.key}`)
  }
  for (const e of content.documents) {
    const file = options.assets.documents[e.key]
    if (!file) throw new Error(`No generated PDF for document "${e.key}": run \`npm run content:assets\`.`)
    await write(e, 'documents', (l) => ({ title: pick(e.data.title, l), language: e.data.language }), {
      file: { path: file },
      extraHash: hashFile(file),
    })
    tick(`documents/${e.key}`)
  }

  const builders: Record<DocCollection, (e: Entry<DocCollection>) => (l: string, existing: Record<string, unknown> | null) => Record<string, unknown>> = {
    services: (e) => (l, existing) => {
      const d = e.data as Entry<'services'>['data']
      return {
        name: pick(d.name, l),
        slug: pick(d.slug, l),
        description: pick(d.description, l),
        phones: rows(existing, 'phones', d.phones, (p) => ({ label: pick(p.label, l), number: p.number })),
        email: d.email,
        address: { street: d.address.street, postcode: d.address.postcode, city: pick(d.address.city, l) },
        openingHours: rows(existing, 'openingHours', d.openingHours, (h) => ({ days: h.days, opens: h.opens, closes: h.closes })),
        hoursNote: pick(d.hoursNote, l),
        website: d.website,
        topics: d.topics.map((k) => idOf(`topics:${k}`)),
      }
    },
    pages: (e) => (l) => {
      const d = e.data as Entry<'pages'>['data']
      return {
        title: pick(d.title, l),
        slug: pick(d.slug, l),
        summary: pick(d.summary, l),
        body: rich(d.body, l),
        parent: d.parent ? idOf(`pages:${d.parent}`) : null,
      }
    },
    news: (e) => (l) => {
      const d = e.data as Entry<'news'>['data']
      return {
        title: pick(d.title, l),
        slug: pick(d.slug, l),
        summary: pick(d.summary, l),
        body: rich(d.body, l),
        heroImage: d.heroImage ? idOf(`media:${d.heroImage}`) : null,
        topics: d.topics.map((k) => idOf(`topics:${k}`)),
        publishedAt: date(d.publishedAt),
        department: pick(d.department, l),
        related: present((d.related ?? []).map((ref) => ({ relationTo: ref.split(':')[0], value: idOf(ref) }))),
        urgent: d.urgent ?? false,
      }
    },
    guides: (e) => (l, existing) => {
      const d = e.data as Entry<'guides'>['data']
      return {
        title: pick(d.title, l),
        slug: pick(d.slug, l),
        summary: pick(d.summary, l),
        steps: rows(existing, 'steps', d.steps, (s) => ({ title: pick(s.title, l), body: rich(s.body, l) })),
        topics: d.topics.map((k) => idOf(`topics:${k}`)),
        relatedServices: (d.relatedServices ?? []).map((k) => idOf(`services:${k}`)),
      }
    },
    leaflets: (e) => (l) => {
      const d = e.data as Entry<'leaflets'>['data']
      const pdfKey = typeof d.pdf === 'string' ? d.pdf : (d.pdf[l] ?? d.pdf[defaultLocale])
      return {
        title: pick(d.title, l),
        slug: pick(d.slug, l),
        summary: pick(d.summary, l),
        body: rich(d.body, l),
        pdf: pdfKey ? idOf(`documents:${pdfKey}`) : null,
        audience: d.audience,
        topics: d.topics.map((k) => idOf(`topics:${k}`)),
      }
    },
    handbook: (e) => (l) => {
      const d = e.data as Entry<'handbook'>['data']
      return {
        question: pick(d.question, l),
        slug: pick(d.slug, l),
        answer: rich(d.answer, l),
        topic: idOf(`topics:${d.topic}`),
        order: d.order,
      }
    },
    consultations: (e) => (l, existing) => {
      const d = e.data as Entry<'consultations'>['data']
      return {
        title: pick(d.title, l),
        slug: pick(d.slug, l),
        summary: pick(d.summary, l),
        body: rich(d.body, l),
        opensAt: date(d.opensAt),
        closesAt: date(d.closesAt),
        documents: (d.documents ?? []).map((k) => idOf(`documents:${k}`)),
        howToRespond: rich(d.howToRespond, l),
        // Rows keep their ids from the first locale, so each translation fills the same question.
        questions: rows(existing, 'questions', d.questions ?? [], (q, i) => ({
          type: q.type,
          label: pick(q.label, l),
          help: q.help ? pick(q.help, l) : null,
          required: q.required ?? false,
          options: rows((existing?.questions as Record<string, unknown>[] | undefined)?.[i] ?? null, 'options', q.options ?? [], (o) => ({ label: pick(o.label, l) })),
        })),
        timeline: rows(existing, 'timeline', d.timeline, (t) => ({ date: date(t.date), label: pick(t.label, l) })),
        department: pick(d.department, l),
        contact: d.contact,
        outcome: d.outcome
          ? {
              summary: rich(d.outcome.summary, l),
              whatYouSaid: rows((existing?.outcome as Record<string, unknown> | undefined) ?? null, 'whatYouSaid', d.outcome.whatYouSaid ?? [], (p) => ({
                said: pick(p.said, l),
                did: pick(p.did, l),
              })),
              documents: (d.outcome.documents ?? []).map((k) => idOf(`documents:${k}`)),
              publishedAt: date(d.outcome.publishedAt),
            }
          : { summary: null, documents: [], publishedAt: null },
        topics: d.topics.map((k) => idOf(`topics:${k}`)),
      }
    },
    alerts: (e) => (l) => {
      const d = e.data as Entry<'alerts'>['data']
      return {
        message: pick(d.message, l),
        level: d.level,
        link: typeof d.link === 'string' || d.link === undefined ? d.link : pick(d.link, l),
        startsAt: date(d.startsAt),
        endsAt: date(d.endsAt),
      }
    },
  }

  // Documents may link to documents written later (news → news): those are retried
  // once everything else exists.
  let pending = [...content.docs]
  while (pending.length) {
    const deferred: Entry<DocCollection>[] = []
    for (const e of pending) {
      const status = (e.data as { _status?: 'published' | 'draft' })._status
      try {
        await write(e, e.collection, builders[e.collection](e), { status })
        tick(`${e.collection}/${e.key}`)
      } catch (error) {
        if (error instanceof UnresolvedReference) deferred.push(e)
        else throw new Error(`${e.file}: ${(error as Error).message}`, { cause: error })
      }
    }
    if (deferred.length === pending.length) {
      // Nothing could be written: break the cycle with a provisional first document.
      const first = deferred.shift()!
      lenient = true
      try {
        await write(first, first.collection, builders[first.collection](first), {
          status: (first.data as { _status?: 'published' | 'draft' })._status,
        })
      } finally {
        lenient = false
      }
      deferred.push(first)
    }
    pending = deferred
  }

  if (content.settings) {
    const e = content.settings
    const key = 'settings:settings'
    const hash = fileHash(e)
    if (records.get(key)?.hash === hash) report.unchanged++
    else {
      const d = e.data
      let existing: Record<string, unknown> | null = null
      for (const locale of [defaultLocale, ...otherLocales]) {
        const l = locale
        existing = (await payload.updateGlobal({
          slug: 'settings',
          locale: locale as never,
          depth: 0,
          overrideAccess: true,
          context,
          data: {
            _status: 'published',
            cityName: pick(d.cityName, l),
            cityNameCases: { genitive: pick(d.cityNameCases?.genitive, l) ?? null, locative: pick(d.cityNameCases?.locative, l) ?? null },
            tagline: pick(d.tagline, l),
            logo: d.logo ? idOf(`media:${d.logo}`) : null,
            contact: {
              phone: d.contact.phone,
              shortNumber: d.contact.shortNumber,
              email: d.contact.email,
              address: { street: d.contact.address.street, postcode: d.contact.address.postcode, city: pick(d.contact.address.city, l) },
              hours: pick(d.contact.hours, l),
            },
            footerLinks: rows(existing, 'footerLinks', d.footerLinks, (f) => ({ label: pick(f.label, l), url: f.url })),
            socialLinks: rows(existing, 'socialLinks', d.socialLinks, (s) => ({ platform: s.platform, url: s.url })),
            newsletter: d.newsletter
              ? { fromName: pick(d.newsletter.fromName, l), fromAddress: d.newsletter.fromAddress, replyTo: d.newsletter.replyTo ?? null }
              : undefined,
            brand: { colour: d.brand?.colour ?? null, colourDark: d.brand?.colourDark ?? null },
            topTasks: rows(existing, 'topTasks', d.topTasks ?? [], (task) => {
              const [collection] = task.doc.split(':')
              return { doc: { relationTo: collection, value: idOf(task.doc) }, icon: task.icon, label: pick(task.label, l) ?? null }
            }),
            navigation: rows(existing, 'navigation', d.navigation ?? [], (section) => ({ section })),
          } as never,
        })) as unknown as Record<string, unknown>
      }
      await remember(e, 'settings', hash)
      report.updated.push(key)
    }
    tick('settings')
  }

  for (const u of options.demoUsers ?? []) {
    const found = await payload.find({
      collection: 'users',
      where: { email: { equals: u.email } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    if (found.docs.length) {
      report.users.push({ email: u.email, role: u.role, created: false })
      continue
    }
    await payload.create({
      collection: 'users',
      data: { email: u.email, name: u.name, role: u.role, password: u.password },
      overrideAccess: true,
      context,
    })
    report.users.push({ email: u.email, role: u.role, created: true })
  }

  // A provisional write and its final one are one document.
  report.updated = report.updated.filter((k) => !report.created.includes(k))
  return report
}

function hashFile(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}
