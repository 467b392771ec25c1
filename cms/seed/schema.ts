import { z } from 'zod'

import { brandColourProblem, minimumContrast, taskCollections, taskIconKeys, type ColourScheme } from '../model/identity'
import { sectionCollections } from '../model/routes'
import { isSeedDate } from './dates'

/** Zod schemas for every content file; see docs/content-format.md. */

export const keyPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

export function localized(locales: string[], defaultLocale: string, inner: z.ZodString = z.string().trim().min(1)) {
  const shape: Record<string, z.ZodType> = {}
  for (const code of locales) shape[code] = code === defaultLocale ? inner : inner.optional()
  return z.strictObject(shape) as z.ZodType<Record<string, string | undefined>>
}

const date = z.string().refine(isSeedDate, {
  message: 'expected an ISO 8601 date-time with an offset (2026-03-01T09:00:00+02:00) or now±N(m|h|d)',
})
const key = z.string().regex(keyPattern, 'expected a key of lowercase letters, digits and hyphens')
const ref = z.string().regex(/^[a-z-]+:[a-z0-9]+(-[a-z0-9]+)*$/, 'expected "<collection>:<key>"')
const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb')
/** A brand colour as the admin checks it: readable on every background it is used on. */
const brandColour = (scheme: ColourScheme) =>
  hex.superRefine((value, ctx) => {
    const problem = brandColourProblem(value, scheme)
    if (problem?.kind === 'contrast') {
      ctx.addIssue({
        code: 'custom',
        message: `contrast on the ${scheme} ${problem.background} background (${problem.backgroundHex}) is ${problem.ratio}:1, text needs at least ${minimumContrast}:1: choose a ${scheme === 'light' ? 'darker' : 'lighter'} shade`,
      })
    }
  })
const status = z.enum(['published', 'draft']).optional()
const phone = z.string().regex(/^\+?[0-9][0-9 ()-]*[0-9]$/, 'expected a phone number such as +370 460 12345')
const email = z.email('expected an email address')
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM')
const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
const url = z.string().refine((v) => v.startsWith('/') || /^https?:\/\//.test(v), 'expected https://… or a /path')

export function schemas(locales: string[], defaultLocale: string) {
  const L = () => localized(locales, defaultLocale)
  const rich = L
  const slug = localized(locales, defaultLocale, z.string().regex(keyPattern, 'expected a lowercase ASCII slug')).optional()
  const address = z.strictObject({ street: z.string().min(1), postcode: z.string().min(1), city: L() })

  return {
    topics: z.array(z.strictObject({ key, name: L(), slug, description: L() })),
    media: z.array(
      z.strictObject({
        key,
        label: L(),
        palette: z.string(),
        motif: z.string(),
        alt: L(),
        caption: L().optional(),
        credit: z.string().optional(),
      }),
    ),
    documents: z.array(
      z.strictObject({
        key,
        title: L(),
        language: z.enum(locales as [string, ...string[]]),
        pages: z.array(z.string().min(1)).min(1),
      }),
    ),
    news: z.strictObject({
      title: L(),
      slug,
      summary: L(),
      body: rich(),
      heroImage: key.optional(),
      topics: z.array(key).min(1),
      publishedAt: date,
      department: L(),
      related: z.array(ref).optional(),
      urgent: z.boolean().optional(),
      _status: status,
    }),
    guides: z.strictObject({
      title: L(),
      slug,
      summary: L(),
      steps: z.array(z.strictObject({ title: L(), body: rich() })).min(1),
      topics: z.array(key).min(1),
      relatedServices: z.array(key).optional(),
      _status: status,
    }),
    leaflets: z.strictObject({
      title: L(),
      slug,
      summary: L(),
      body: rich(),
      // One PDF for every language, or one per language: { "lt": "key", "en": "key-en" }.
      pdf: z.union([key, localized(locales, defaultLocale, key)]),
      audience: z.array(z.enum(['residents', 'seniors', 'families', 'youth', 'businesses', 'visitors'])).min(1),
      topics: z.array(key).min(1),
      _status: status,
    }),
    handbook: z.strictObject({
      question: L(),
      slug,
      answer: rich(),
      topic: key,
      order: z.number().int(),
      _status: status,
    }),
    services: z.strictObject({
      name: L(),
      slug,
      description: L(),
      phones: z.array(z.strictObject({ label: L(), number: phone })),
      email: email.optional(),
      address,
      openingHours: z.array(
        z
          .strictObject({ days: z.array(weekday).min(1), opens: time, closes: time })
          .refine((h) => h.closes > h.opens, { message: 'closes must be after opens', path: ['closes'] }),
      ),
      hoursNote: L().optional(),
      website: url.optional(),
      topics: z.array(key).min(1),
      _status: status,
    }),
    consultations: z
      .strictObject({
        title: L(),
        slug,
        summary: L(),
        body: rich(),
        opensAt: date,
        closesAt: date,
        documents: z.array(key).optional(),
        howToRespond: rich(),
        questions: z
          .array(
            z
              .strictObject({
                type: z.enum(['text', 'single', 'multiple', 'scale']),
                label: L(),
                help: L().optional(),
                required: z.boolean().optional(),
                options: z.array(z.strictObject({ label: L() })).optional(),
              })
              .refine((q) => (q.type !== 'single' && q.type !== 'multiple') || (q.options?.length ?? 0) >= 2, {
                message: 'a choice question needs at least two options',
              }),
          )
          .optional(),
        timeline: z.array(z.strictObject({ date, label: L() })),
        department: L(),
        contact: z.strictObject({ name: z.string().min(1), email, phone }),
        outcome: z
          .strictObject({ summary: rich(), whatYouSaid: z.array(z.strictObject({ said: L(), did: L() })).optional(), documents: z.array(key).optional(), publishedAt: date })
          .optional(),
        topics: z.array(key).min(1),
        _status: status,
      }),
    pages: z.strictObject({
      title: L(),
      slug,
      summary: L().optional(),
      body: rich(),
      parent: key.optional(),
      _status: status,
    }),
    alerts: z.strictObject({
      message: L(),
      level: z.enum(['info', 'warning', 'emergency']),
      // One link for every language, or one per language (site paths differ).
      link: z.union([url, localized(locales, defaultLocale, url)]).optional(),
      startsAt: date,
      endsAt: date,
      _status: status,
    }),
    settings: z.strictObject({
      cityName: L(),
      // Only where the language declines the name (lt genitive "Pajūrio", locative "Pajūryje").
      cityNameCases: z.strictObject({ genitive: L().optional(), locative: L().optional() }).optional(),
      tagline: L(),
      logo: key.optional(),
      contact: z.strictObject({
        phone,
        shortNumber: phone.optional(),
        email,
        address,
        hours: L(),
      }),
      footerLinks: z.array(z.strictObject({ label: L(), url })),
      socialLinks: z.array(
        z.strictObject({
          platform: z.enum(['facebook', 'instagram', 'youtube', 'x', 'linkedin', 'mastodon']),
          url,
        }),
      ),
      newsletter: z.strictObject({ fromName: L(), fromAddress: email, replyTo: email.optional() }).optional(),
      // The city's colours, checked for contrast as the admin checks them.
      brand: z.strictObject({ colour: brandColour('light').optional(), colourDark: brandColour('dark').optional() }).optional(),
      topTasks: z
        .array(
          z.strictObject({
            doc: ref.refine((r) => (taskCollections as readonly string[]).includes(r.split(':')[0]!), {
              message: `a top task leads to one of: ${taskCollections.join(', ')}`,
            }),
            icon: z.enum(taskIconKeys as [string, ...string[]]),
            label: L().optional(),
          }),
        )
        .max(8)
        .optional(),
      navigation: z
        .array(z.enum(sectionCollections as unknown as [string, ...string[]]))
        .refine((list) => new Set(list).size === list.length, 'a section is named twice')
        .optional(),
    }),
    // The demo staff accounts, one per role, named as the city's own staff would be.
    staff: z
      .array(z.strictObject({ role: z.enum(demoRoles), email, name: z.string().trim().min(1) }))
      .refine((list) => demoRoles.every((role) => list.filter((p) => p.role === role).length === 1), `one person for each role: ${demoRoles.join(', ')}`),
  }
}

export const demoRoles = ['admin', 'editor', 'author'] as const

export type Schemas = ReturnType<typeof schemas>
export type SeedDoc<K extends keyof Schemas> = z.infer<Schemas[K]>
