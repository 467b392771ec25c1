import type { Config, Plugin } from 'payload'

import { labels } from '../../model/i18n'

/**
 * The dashboard's collection cards say what is in each collection (cms/plugins/dashboard/
 * CollectionCards.tsx), in place of Payload's own widget; the feature plugins put what
 * needs attention above them (`beforeDashboard`).
 */
export const dashboardPlugin =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    admin: {
      ...config.admin,
      dashboard: {
        ...config.admin?.dashboard,
        widgets: [
          ...(config.admin?.dashboard?.widgets ?? []),
          { slug: 'atvira-collections', Component: '/plugins/dashboard/CollectionCards#CollectionCards', minWidth: 'full', label: labels('admin.group.content') },
        ],
        defaultLayout: [{ widgetSlug: 'atvira-collections', width: 'full' }],
      },
    },
  })
