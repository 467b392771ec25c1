import { ValidationError } from 'payload'
import type { FieldHook, PayloadRequest, TextField, Validate, Where } from 'payload'

import { slugify } from '../model/slugify'

type Options = {
  /** Field the slug is generated from when left empty. */
  from: string
}

/**
 * Whose addresses count. A save that goes live competes only with live documents: a
 * draft never blocks a live document's address. A draft must be free among live
 * documents and every other document's latest draft, so it cannot squat an address
 * either, and it is told so when it is saved (autosave included).
 */
type Rule = 'live' | 'draft'

async function slugTaken(
  req: PayloadRequest,
  collection: string,
  slug: string,
  id: number | string | undefined,
  rule: Rule,
  locale: string | undefined = req.locale ?? undefined,
): Promise<boolean> {
  const others: Where[] = [{ slug: { equals: slug } }, ...(id !== undefined ? [{ id: { not_equals: id } }] : [])]
  const query = (draft: boolean, where: Where[]) =>
    req.payload.find({
      collection: collection as 'news',
      where: { and: where },
      locale: locale as 'lt',
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      draft,
      select: {},
      req,
    })
  // Drafts-less collections have no status: every document is live.
  const hasDrafts = Boolean(req.payload.collections[collection as 'news']?.config.versions)
  const live = await query(false, hasDrafts ? [...others, { _status: { equals: 'published' } }] : others)
  if (live.docs.length > 0) return true
  if (rule === 'live' || !hasDrafts) return false
  // The latest version of every other document, draft or not.
  return (await query(true, others)).docs.length > 0
}

function ruleFor(data: Record<string, unknown> | undefined, originalDoc: Record<string, unknown> | undefined): Rule {
  const status = data?._status ?? originalDoc?._status
  return status === 'published' ? 'live' : 'draft'
}

function takenError(req: PayloadRequest, collection: string, slug: string): ValidationError {
  return new ValidationError(
    {
      collection,
      errors: [
        {
          path: 'slug',
          message:
            `Adresas „${slug}“ jau naudojamas kitame šios kalbos dokumente (paskelbtame ar juodraštyje): pasirinkite kitą. / ` +
            `The slug "${slug}" is already used by another document in this language (live or draft): choose another.`,
        },
      ],
      req,
    },
    req.t,
  )
}

/**
 * Fills an empty slug from the source field, adding -2, -3… until it is free in this
 * locale; refuses a typed slug another document uses. Runs on drafts too (Payload skips
 * `validate` for drafts).
 */
const generateOrCheck =
  ({ from }: Options): FieldHook =>
  async ({ value, data, originalDoc, req, collection, operation }) => {
    if (!collection || (operation !== 'create' && operation !== 'update')) return value
    const id = originalDoc?.id as number | string | undefined
    const rule = ruleFor(data, originalDoc)
    if (typeof value === 'string' && value.trim() !== '') {
      const slug = slugify(value)
      if (slug && (await slugTaken(req, collection.slug, slug, id, rule))) throw takenError(req, collection.slug, slug)
      return slug
    }
    const source = data?.[from] ?? originalDoc?.[from]
    if (typeof source !== 'string' || source.trim() === '') return value
    const base = slugify(source)
    if (!base) return value
    let candidate = base
    for (let n = 2; await slugTaken(req, collection.slug, candidate, id, 'draft'); n++) {
      candidate = `${base}-${n}`
    }
    return candidate
  }

/**
 * A duplicate gets its own address: the original's slug with the next free number, in
 * every language (a copy that kept the slug would collide with its original).
 */
const freshSlugForDuplicate: FieldHook = async ({ value, req, collection }) => {
  if (!collection || typeof value !== 'string' || value === '') return null
  const base = value.replace(/-\d+$/, '')
  let candidate = `${base}-2`
  for (let n = 3; await slugTaken(req, collection.slug, candidate, undefined, 'draft', 'all'); n++) {
    candidate = `${base}-${n}`
  }
  return candidate
}

const validateFormat: Validate<string | null | undefined, unknown, unknown, TextField> = (value) => {
  if (value == null || value === '') return true
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value)) {
    return 'A slug may contain lowercase letters, digits and single hyphens only.'
  }
  return true
}

export function slugField({ from }: Options): TextField {
  return {
    name: 'slug',
    type: 'text',
    localized: true,
    index: true,
    label: 'Slug',
    validate: validateFormat,
    hooks: { beforeValidate: [generateOrCheck({ from })], beforeDuplicate: [freshSlugForDuplicate] },
    admin: {
      position: 'sidebar',
      description: 'The address of this page. Left empty, it is made from the title.',
    },
  }
}
