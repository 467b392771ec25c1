import type { CollectionAfterChangeHook, GlobalAfterChangeHook } from 'payload'

/**
 * Payload marks a restore with `req.context.isRestoringVersion`, which makes every write
 * sharing that request skip default values: the site-update and newsletter rows written
 * by later afterChange hooks then fail validation ("Status is required") and the restore
 * fails. The restored document is written by now, so the mark is cleared first.
 */
export const endRestoreContext: CollectionAfterChangeHook = ({ doc, req }) => {
  if (req.context.isRestoringVersion) req.context.isRestoringVersion = false
  return doc
}

export const endGlobalRestoreContext: GlobalAfterChangeHook = ({ doc, req }) => {
  if (req.context.isRestoringVersion) req.context.isRestoringVersion = false
  return doc
}
