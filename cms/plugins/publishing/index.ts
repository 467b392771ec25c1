import type { CollectionConfig, Config, Plugin } from 'payload'

import { addCollections, addTasks, beforeOwnership, extendCollections, extendGlobals } from '../extend'
import { retirementFields } from './addresses/fields'
import { noteAddressesBeforeChange, noteAddressesBeforeDelete, recordAddressesAfterChange, recordAddressesAfterDelete } from './addresses/hooks'
import { addressedCollections, Redirects } from './collections/Redirects'
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

/** A collection whose documents have pages keeps their old addresses (./addresses). */
function keepsAddresses(c: CollectionConfig): CollectionConfig {
  if (!addressedCollections.includes(c.slug as never)) return c
  const edit = { ...c.admin?.components?.edit, UnpublishButton: '/plugins/publishing/admin/UnpublishButton#UnpublishButton' }
  return {
    ...c,
    admin: { ...c.admin, components: { ...c.admin?.components, edit } },
    // The sidebar reads: status, address, then who and when.
    fields: beforeOwnership(c.fields, retirementFields([...addressedCollections])),
    hooks: {
      ...c.hooks,
      beforeChange: [...(c.hooks?.beforeChange ?? []), noteAddressesBeforeChange],
      beforeDelete: [...(c.hooks?.beforeDelete ?? []), noteAddressesBeforeDelete],
      afterChange: [...(c.hooks?.afterChange ?? []), recordAddressesAfterChange],
      afterDelete: [...(c.hooks?.afterDelete ?? []), recordAddressesAfterDelete],
    },
  }
}

/**
 * Publishing the site: every live change of the given collections and globals queues
 * a site update (coalesced into site-builds rows), run by the job runner on queue
 * "site" (tasks `siteUpdate` and, at scheduled moments, `siteBoundary`). Old addresses
 * of live documents are kept in `redirects` and answered by the site.
 */
export const publishingPlugin =
  (options: PublishingPluginOptions): Plugin =>
  (config: Config): Config => {
    const withBuilds = { ...config, collections: addCollections(config, [SiteBuilds, Redirects], options.after) }
    return {
      ...withBuilds,
      collections: extendCollections(withBuilds, 'publishing', options.collections, (c) =>
        keepsAddresses({
          ...c,
          hooks: {
            ...c.hooks,
            afterChange: [...(c.hooks?.afterChange ?? []), siteUpdateAfterChange],
            afterDelete: [...(c.hooks?.afterDelete ?? []), siteUpdateAfterDelete],
          },
        }),
      ),
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
