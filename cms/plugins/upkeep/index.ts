import type { CollectionConfig, Config, Plugin } from 'payload'

import { beforeOwnership, extendCollections } from '../extend'
import { upkeepFields } from './fields'

export type UpkeepPluginOptions = {
  /** Public collections whose documents may have an owner and a review-by date. */
  collections: readonly string[]
  /** Those whose new documents are due for review a year ahead. */
  yearly: readonly string[]
}

/**
 * Upkeep: every public document may name its owner and a review-by date (a year ahead
 * by default for the how-to pages); the dashboard lists live pages past their date.
 */
export const upkeepPlugin =
  (options: UpkeepPluginOptions): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: extendCollections(config, 'upkeep', options.collections, (c: CollectionConfig) => ({
      ...c,
      fields: beforeOwnership(c.fields, upkeepFields(options.yearly.includes(c.slug))),
    })),
    admin: {
      ...config.admin,
      components: {
        ...config.admin?.components,
        beforeDashboard: [
          ...(config.admin?.components?.beforeDashboard ?? []),
          { path: '/plugins/upkeep/admin/OverduePanel#OverduePanel', serverProps: { collections: [...options.collections] } },
        ],
      },
    },
  })
