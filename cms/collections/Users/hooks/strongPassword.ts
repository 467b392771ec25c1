import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

import { pick } from '../../../security/messages'
import { passwordProblem } from '../../../security/password'

/**
 * Every way a password is set (first admin, new account, account edit, reset link)
 * passes the password rule (cms/security/password.ts); the admin shows the message
 * under the password field, REST returns it as a field error.
 */
export const strongPassword: CollectionBeforeOperationHook = ({ args, operation, req, collection }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const data = (args as { data?: Record<string, unknown> }).data
  const password = data?.password
  if (typeof password !== 'string' || password === '') return args
  // The account's own name and address are easy guesses; on an edit of one's own account they are the signed-in user's.
  const own = req.user && String((args as { id?: unknown }).id) === String(req.user.id) ? (req.user as { email?: unknown; name?: unknown }) : null
  const inputs = [data?.email, data?.name, own?.email, own?.name].filter((v): v is string => typeof v === 'string')
  const problem = passwordProblem(password, inputs)
  if (problem) {
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'password', message: pick(problem, req.i18n?.language) }] }, req.t)
  }
  return args
}
