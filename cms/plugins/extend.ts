import type { CollectionConfig, Config, Field, GlobalConfig } from 'payload'

/**
 * What the feature plugins share: adding their collections where the admin navigation
 * lists them, and extending the collections and globals the base config names.
 */

/** Adds collections right after `after` (so the admin navigation keeps its order), else at the end. */
export function addCollections(config: Config, added: CollectionConfig[], after?: string): CollectionConfig[] {
  const collections = [...(config.collections ?? [])]
  const at = after === undefined ? collections.length : collections.findIndex((c) => c.slug === after) + 1
  if (at === 0) throw new Error(`Cannot place ${added.map((c) => c.slug).join(', ')} after "${after}": no such collection. Check the plugin's \`after\` option in cms/payload.config.ts.`)
  collections.splice(at, 0, ...added)
  return collections
}

/** Changes the named collections; a name the config does not have is a wiring mistake. */
export function extendCollections(
  config: Config,
  plugin: string,
  slugs: readonly string[],
  change: (collection: CollectionConfig) => CollectionConfig,
): CollectionConfig[] {
  const collections = config.collections ?? []
  const missing = slugs.filter((slug) => !collections.some((c) => c.slug === slug))
  if (missing.length > 0) throw new Error(`The ${plugin} plugin was given collections the config does not have: ${missing.join(', ')}. Add them before the plugin in cms/payload.config.ts, or remove them from its options.`)
  return collections.map((c) => (slugs.includes(c.slug) ? change(c) : c))
}

export function extendGlobals(config: Config, plugin: string, slugs: readonly string[], change: (global: GlobalConfig) => GlobalConfig): GlobalConfig[] {
  const globals = config.globals ?? []
  const missing = slugs.filter((slug) => !globals.some((g) => g.slug === slug))
  if (missing.length > 0) throw new Error(`The ${plugin} plugin was given globals the config does not have: ${missing.join(', ')}. Check its options in cms/payload.config.ts.`)
  return globals.map((g) => (slugs.includes(g.slug) ? change(g) : g))
}

/**
 * Adds fields before the ownership fields (`createdBy`), where the editor's sidebar
 * shows what features add before who made the document and when; at the end without them.
 */
export function beforeOwnership(fields: Field[], added: Field[]): Field[] {
  const at = fields.findIndex((f) => 'name' in f && f.name === 'createdBy')
  return at < 0 ? [...fields, ...added] : [...fields.slice(0, at), ...added, ...fields.slice(at)]
}

/** Adds job tasks after those already configured. */
type Tasks = NonNullable<NonNullable<Config['jobs']>['tasks']>

export function addTasks(config: Config, tasks: Tasks): Config['jobs'] {
  return { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), ...tasks] }
}
