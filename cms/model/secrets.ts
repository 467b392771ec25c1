import crypto from 'node:crypto'

/**
 * Every key Atvira signs or verifies with, derived from PAYLOAD_SECRET here and nowhere
 * else. Payload derives its own session key from the same variable (`payload.secret` is
 * a hash of it), and the dispatcher runs without Payload: a link signed with one and
 * checked with the other fails only when the two sides run in different processes, as
 * in production. So nothing of ours uses the raw variable or `payload.secret`; every
 * process takes its keys from `readEnv().keys`.
 */
export type Keys = {
  /** HMAC of the preference and unsubscribe links in every newsletter email. */
  newsletterLinks: crypto.KeyObject
  /** HMAC turning a confirmation nonce (kept in the outbox row) into the emailed token. */
  newsletterConfirm: crypto.KeyObject
}

const derived = new Map<string, Keys>()

function derive(secret: string, purpose: string): crypto.KeyObject {
  return crypto.createSecretKey(Buffer.from(crypto.hkdfSync('sha256', secret, 'atvira', purpose, 32)))
}

/** The keys of one secret, derived once per process (links are signed for every email sent). */
export function keysFor(secret: string): Keys {
  let keys = derived.get(secret)
  if (!keys) {
    keys = { newsletterLinks: derive(secret, 'newsletter-links'), newsletterConfirm: derive(secret, 'newsletter-confirm') }
    derived.set(secret, keys)
  }
  return keys
}
