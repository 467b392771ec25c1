import type { FieldHook, PayloadRequest, TextField, Validate } from 'payload'

import { slugify } from '../lib/slugify'

type Options = {
  /** Field the slug is generated from when left empty. */
  from: string
}

async function slugTaken(
  req: PayloadRequest,
  collection: string,
  slug: string,
  id: number | string | undefined,
): Promise<boolean> {
  const found = await req.payload.find({
    collection: collection as 'news',
    where: {
      and: [{ slug: { equals: slug } }, ...(id !== undefined ? [{ id: { not_equals: id } }] : [])],
    },
    locale: req.locale ?? undefined,
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    draft: false,
    select: {},
    req,
  })
  return found.docs.length > 0
}

/** Fills an empty slug from the source field, adding -2, -3… until it is free in this locale. */
const generate =
  ({ from }: Options): FieldHook =>
  async ({ value, data, originalDoc, req, collection, operation }) => {
    if (!collection || (operation !== 'create' && operation !== 'update')) return value
    if (typeof value === 'string' && value.trim() !== '') return slugify(value)
    const source = data?.[from] ?? originalDoc?.[from]
    if (typeof source !== 'string' || source.trim() === '') return value
    const base = slugify(source)
    if (!base) return value
    const id = originalDoc?.id as number | string | undefined
    let candidate = base
    for (let n = 2; await slugTaken(req, collection.slug, candidate, id); n++) {
      candidate = `${base}-${n}`
    }
    return candidate
  }

/** A typed slug must be unique among documents of the same collection in the same locale. */
const validateUnique: Validate<string | null | undefined, unknown, unknown, TextField> = async (
  value,
  { req, collectionSlug, id },
) => {
  if (value == null || value === '') return true
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value)) {
    return 'A slug may contain lowercase letters, digits and single hyphens only.'
  }
  if (!collectionSlug) return true
  if (await slugTaken(req, collectionSlug, value, id)) {
    return `The slug "${value}" is already used by another document in this language.`
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
    validate: validateUnique,
    hooks: { beforeValidate: [generate({ from })] },
    admin: {
      position: 'sidebar',
      description: 'The address of this page. Left empty, it is made from the title.',
    },
  }
}
