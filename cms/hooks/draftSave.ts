import type { CollectionBeforeOperationHook, GlobalBeforeOperationHook, RequestContext } from 'payload'

const DRAFT_SAVE = 'atviraDraftSave'
const GLOBAL_DRAFT_SAVE = 'atviraGlobalDraftSave'

/**
 * Saving a draft (autosave included) only writes a version: it must not rebuild the
 * site, tell subscribers or change which files are public. The operation knows; the
 * afterChange hooks do not, so it is noted here.
 */
export const noteDraftSave: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const a = args as { draft?: boolean; data?: { _status?: string } }
  if (operation === 'create' || operation === 'update') req.context[DRAFT_SAVE] = Boolean(a.draft) && a.data?._status !== 'published'
  // Restoring as a draft writes only a newer version too.
  if (operation === 'restoreVersion') req.context[DRAFT_SAVE] = Boolean(a.draft)
  return args
}

/** True during a draft save (autosave included): the live document did not change. */
export const isDraftSave = (context: RequestContext): boolean => Boolean(context[DRAFT_SAVE])

/** As `noteDraftSave`, for globals (the settings). */
export const noteGlobalDraftSave: GlobalBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'update') {
    const a = args as { draft?: boolean; data?: { _status?: string } }
    req.context[GLOBAL_DRAFT_SAVE] = Boolean(a.draft) && a.data?._status !== 'published'
  }
  return args
}

export const isGlobalDraftSave = (context: RequestContext): boolean => Boolean(context[GLOBAL_DRAFT_SAVE])
