import { createRegistry, registry as builtinRegistry, type ContentTypeDef, type Registry } from '@atvira/model/registry'

import { snapshot } from './load'

const registries = new WeakMap<ContentTypeDef[], Registry>()

/** The registry of a snapshot's types: the product's, or those it was built with (a city's extra types). */
export function registryOf(types: ContentTypeDef[] | undefined): Registry {
  if (!types) return builtinRegistry
  let r = registries.get(types)
  if (!r) registries.set(types, (r = createRegistry(types)))
  return r
}

/** The content types of the snapshot being rendered. */
export function contentTypes(): Registry {
  return registryOf(snapshot().types)
}

/** A type's name in a locale: the catalogue's words for the product's types, the registry's labels for others. */
export function typeLabel(locale: string, slug: string, t: (locale: string, key: string) => string): string {
  if (builtinRegistry.has(slug)) return t(locale, `search.type.${slug}`)
  const labels = contentTypes().get(slug)?.labels
  return labels?.[locale]?.singular ?? labels?.en?.singular ?? slug
}
