import { defaultLoggerOptions } from 'payload'

import { messages } from './messages'

/**
 * Errors a client causes (status below 500: a wrong password, a refused request) are
 * logged as one line, without a stack trace: the stack says nothing about them, and
 * a flood of bad requests would bury real failures in the log.
 */
export function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err
  const status = (err as { status?: unknown }).status
  const line = { type: err.name, message: err.message, ...(typeof status === 'number' ? { status } : {}) }
  if (typeof status === 'number' && status < 500) return line
  return { ...line, stack: err.stack, ...('data' in err && err.data ? { data: err.data } : {}) }
}

export const logger = { options: { serializers: { err: serializeError } }, destination: defaultLoggerOptions }

/** Failed sign-ins and limits are routine: `info`, a message only. */
export const loggingLevels = {
  AuthenticationError: 'info',
  LockedAuth: 'info',
  UnverifiedEmail: 'info',
  TooManyRequests: 'info',
} as const

/** Payload's own sign-in errors say the same for a wrong address, a wrong password and a locked account. */
export const signInTranslations = {
  en: { error: { emailOrPasswordIncorrect: messages.loginFailed.en, userLocked: messages.loginFailed.en } },
  lt: { error: { emailOrPasswordIncorrect: messages.loginFailed.lt, userLocked: messages.loginFailed.lt } },
  uk: { error: { emailOrPasswordIncorrect: messages.loginFailed.uk, userLocked: messages.loginFailed.uk } },
}
