import type { CollectionAfterLoginHook, CollectionBeforeOperationHook } from 'payload'

import { equalizeSignInTime, signInSucceeded, throttleSignIn } from '../../../security/login'

/** Before a sign-in: the per-client limit, then the same time for every refusal. */
export const beforeSignIn: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation === 'forgotPassword') await throttleSignIn(req)
  if (operation !== 'login') return args
  await throttleSignIn(req)
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  await equalizeSignInTime(req.payload, collection.slug, data?.email, data?.password)
  return args
}

export const afterSignIn: CollectionAfterLoginHook = async ({ req }) => {
  await signInSucceeded(req)
}
