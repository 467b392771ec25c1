import type { CollectionConfig, Config, Plugin } from 'payload'

import { beforeOwnership, extendCollections } from '../extend'
import { reviewEndpoint } from './endpoint'
import { reviewField } from './fields'

export type ReviewPluginOptions = {
  /** Collections with drafts whose drafts authors submit for review. */
  collections: readonly string[]
}

/** The review box goes before the ownership fields, beside the other sidebar facts. */
function withReview(c: CollectionConfig): CollectionConfig {
  return {
    ...c,
    fields: beforeOwnership(c.fields, [reviewField]),
    endpoints: [...(Array.isArray(c.endpoints) ? c.endpoints : []), reviewEndpoint(c.slug)],
    admin: {
      ...c.admin,
      components: {
        ...c.admin?.components,
        edit: { ...c.admin?.components?.edit, beforeDocumentControls: [...(c.admin?.components?.edit?.beforeDocumentControls ?? []), '/plugins/review/admin/ReviewControls#ReviewControls'] },
      },
    },
  }
}

/**
 * Review: authors submit a draft ("Submit for review"), editors and admins get an
 * e-mail and a dashboard entry, and publish it or return it with a comment the author
 * sees (in the document and on their dashboard). Publishing ends the review.
 */
export const reviewPlugin =
  (options: ReviewPluginOptions): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: extendCollections(config, 'review', options.collections, withReview),
    admin: {
      ...config.admin,
      components: {
        ...config.admin?.components,
        beforeDashboard: [
          { path: '/plugins/review/admin/AttentionPanel#AttentionPanel', serverProps: { collections: [...options.collections] } },
          ...(config.admin?.components?.beforeDashboard ?? []),
        ],
      },
    },
  })
