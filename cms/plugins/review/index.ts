import type { CollectionConfig, Config, Plugin } from 'payload'

import { extendCollections } from '../extend'
import { reviewEndpoint } from './endpoint'
import { reviewField } from './fields'

export type ReviewPluginOptions = {
  /** Collections with drafts whose drafts authors submit for review. */
  collections: readonly string[]
}

/** The review box goes before the ownership fields, beside the other sidebar facts. */
function withReview(c: CollectionConfig): CollectionConfig {
  const at = c.fields.findIndex((f) => 'name' in f && f.name === 'createdBy')
  return {
    ...c,
    fields: at < 0 ? [...c.fields, reviewField] : [...c.fields.slice(0, at), reviewField, ...c.fields.slice(at)],
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
