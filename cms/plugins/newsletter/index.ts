import type { CollectionConfig, Config, Plugin } from 'payload'

import { addCollections, addTasks, beforeOwnership, extendCollections } from '../extend'
import { notifyField, notifySubscribersAfterChange, notifySubscribersBeforeChange, withdrawDeletedChanges } from './changes'
import { ContentChanges } from './collections/ContentChanges'
import { EmailOutbox } from './collections/EmailOutbox'
import { NewsletterRuns } from './collections/NewsletterRuns'
import { Subscribers } from './collections/Subscribers'
import { newsletterDigestTask } from './jobs/newsletterDigest'
import { newsletterFanOutTask } from './jobs/newsletterFanOut'

export type NewsletterPluginOptions = {
  /** Content collections subscribers hear about (by their topics). */
  collections: readonly string[]
  /** The collection the newsletter's collections follow in the admin navigation (default: at the end). */
  after?: string
}

function notifiable(c: CollectionConfig): CollectionConfig {
  return {
    ...c,
    // The tick goes before the ownership fields, where the editor's sidebar has always shown it.
    fields: beforeOwnership(c.fields, [notifyField]),
    hooks: {
      ...c.hooks,
      beforeChange: [...(c.hooks?.beforeChange ?? []), notifySubscribersBeforeChange],
      // First publication (or an editor's explicit request) tells subscribers.
      afterChange: [...(c.hooks?.afterChange ?? []), notifySubscribersAfterChange],
      afterDelete: [...(c.hooks?.afterDelete ?? []), withdrawDeletedChanges],
    },
  }
}

/**
 * The newsletter: subscribers, the changes they hear about, digest runs and the
 * outbox, with the admin panel and endpoints. Published items of the given collections
 * are recorded as content changes; the job runner turns them into outbox rows on queue
 * "newsletter" (tasks `newsletterFanOut`, `newsletterDigest`), which the dispatcher
 * (scripts/dispatch.ts) sends.
 */
export const newsletterPlugin =
  (options: NewsletterPluginOptions): Plugin =>
  (config: Config): Config => {
    const withOwn = { ...config, collections: addCollections(config, [Subscribers, ContentChanges, NewsletterRuns, EmailOutbox], options.after) }
    return {
      ...withOwn,
      collections: extendCollections(withOwn, 'newsletter', options.collections, notifiable),
      jobs: addTasks(config, [newsletterFanOutTask, newsletterDigestTask]),
    }
  }
