import type { AfterErrorHook } from 'payload'

import { findLockError, lockedMessage } from './sqliteLock'

/**
 * A database another process keeps locked is not an unknown error: answer 503 with
 * what happened and what to do (the admin shows `errors[0].message` as its toast).
 * Payload's route handler calls this after it has turned the error into a 500
 * ("Something went wrong."); the lock error sits in the cause chain (drizzle wraps it).
 */
export const lockedResponse: AfterErrorHook = ({ error, graphqlResult }) => {
  const locked = findLockError(error)
  if (!locked) return
  const message = lockedMessage(locked.waitedMs)
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, statusCode: 503 } } }
  return { status: 503, response: { errors: [{ message, data: { code: 'database-locked' } }] } }
}
