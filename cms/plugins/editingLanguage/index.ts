import type { CollectionConfig, Config, GlobalConfig, Plugin, UIField } from 'payload'

import { labels } from '../../model/i18n'
import { extendCollections, extendGlobals } from '../extend'
import { defaultLanguageFirst } from './hooks'

export type EditingLanguagePluginOptions = {
  /** Content collections (localized, with drafts and scheduled publishing). */
  collections: readonly string[]
  /** Globals with drafts and scheduled publishing (their Publish button only). */
  globals?: readonly string[]
}

const publishButton = '/plugins/editingLanguage/admin/PublishButton#PublishButton'

/** First in the edit view: which language is being edited, and a scheduled publish that failed. */
export const editingNoticesField: UIField = {
  name: 'editingNotices',
  type: 'ui',
  // Named in every admin language (it shows its own words; the name is for lists of fields).
  label: labels('admin.language.notices'),
  admin: { components: { Field: '/plugins/editingLanguage/admin/EditingNotices#EditingNotices' }, disableListColumn: true },
}

function withNotices(c: CollectionConfig): CollectionConfig {
  const edit = { ...c.admin?.components?.edit, PublishButton: publishButton }
  return {
    ...c,
    fields: [editingNoticesField, ...c.fields],
    admin: { ...c.admin, components: { ...c.admin?.components, edit } },
    hooks: { ...c.hooks, beforeChange: [...(c.hooks?.beforeChange ?? []), defaultLanguageFirst] },
  }
}

function withPublishButton(g: GlobalConfig): GlobalConfig {
  const elements = { ...g.admin?.components?.elements, PublishButton: publishButton }
  return { ...g, admin: { ...g.admin, components: { ...g.admin?.components, elements } } }
}

/**
 * Editing in the right language, and scheduled publishing that never fails unseen:
 *
 * - the edit view says which language is being edited when it is not the default one,
 *   and what the default language still lacks (./admin/EditingNotices.tsx);
 * - publishing while the default language's required fields are empty is refused with
 *   their names (./hooks.ts); drafts always save;
 * - the schedule drawer opens on "Publish" for a document never published, and shows
 *   the server's refusal of a schedule (./admin/PublishButton.tsx; the refusal itself
 *   is in cms/scheduling/serverFunction.ts, ./schedule.ts);
 * - a scheduled publish that failed is shown on its document and above the dashboard
 *   (./failures.ts, ./admin/FailedSchedules.tsx).
 *
 * New documents open in the default language: cms/proxy.ts sends the create view
 * there. Runs after the plugins whose hooks a publish runs first.
 */
export const editingLanguagePlugin =
  (options: EditingLanguagePluginOptions): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: extendCollections(config, 'editing language', options.collections, withNotices),
    globals: extendGlobals(config, 'editing language', options.globals ?? [], withPublishButton),
    admin: {
      ...config.admin,
      components: {
        ...config.admin?.components,
        beforeDashboard: [...(config.admin?.components?.beforeDashboard ?? []), '/plugins/editingLanguage/admin/FailedSchedules#FailedSchedules'],
      },
    },
  })
