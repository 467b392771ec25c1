import type { Config, Plugin } from 'payload'

import { addCollections, addTasks, extendCollections, extendGlobals } from '../extend'
import { SiteBuilds } from './collections/SiteBuilds'
import { siteUpdateAfterChange, siteUpdateAfterDelete, siteUpdateAfterGlobalChange } from './hooks/siteUpdates'
import { type ScheduledMoment, siteBoundaryTask } from './jobs/siteBoundary'
import { siteUpdateTask } from './jobs/siteUpdate'
import { followLiveRouteScheme } from './routeScheme'

export type PublishingPluginOptions = {
  /** Content collections whose live changes update the site. */
  collections: readonly string[]
  /** Globals whose live changes update the site. */
  globals: readonly string[]
  /** What a collection's feature does at its documents' scheduled moments, before the site update. */
  atScheduledMoment?: Record<string, ScheduledMoment>
  /** The collection the site builds follow in the admin navigation (default: at the end). */
  after?: string
}

/**
 * Publishing the site: every live change of the given collections and globals queues
 * a site update (coalesced into site-builds rows), run by the job runner on queue
 * "site" (tasks `siteUpdate` and, at scheduled moments, `siteBoundary`).
 */
export const publishingPlugin =
  (options: PublishingPluginOptions): Plugin =>
  (config: Config): Config => {
    const withBuilds = { ...config, collections: addCollections(config, [SiteBuilds], options.after) }
    return {
      ...withBuilds,
      collections: extendCollections(withBuilds, 'publishing', options.collections, (c) => ({
        ...c,
        hooks: {
          ...c.hooks,
          afterChange: [...(c.hooks?.afterChange ?? []), siteUpdateAfterChange],
          afterDelete: [...(c.hooks?.afterDelete ?? []), siteUpdateAfterDelete],
        },
      })),
      globals: extendGlobals(config, 'publishing', options.globals, (g) => ({
        ...g,
        hooks: { ...g.hooks, afterChange: [...(g.hooks?.afterChange ?? []), siteUpdateAfterGlobalChange] },
      })),
      jobs: addTasks(config, [siteUpdateTask, siteBoundaryTask(options.atScheduledMoment)]),
      // Links the CMS writes (e-mails) follow the live build's URL scheme.
      onInit: async (payload) => {
        followLiveRouteScheme()
        await config.onInit?.(payload)
      },
    }
  }
