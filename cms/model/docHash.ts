import crypto from 'node:crypto'

const docHashes = new WeakMap<object, string>()

/** Hashes a document from its JSON (given when the caller serialised it already) and keeps the hash. */
export function hashDocument(doc: object, json = JSON.stringify(doc)): string {
  docHashes.set(doc, crypto.createHash('sha1').update(json).digest('base64'))
  return json
}

/**
 * Hash of one document of a snapshot, kept per object (it is asked for many times): a
 * snapshot is never changed once built. The same as the hash of its text in the
 * snapshot file, so a process that parsed the file finds the same hash.
 */
export function documentHash(doc: object): string {
  if (!docHashes.has(doc)) hashDocument(doc)
  return docHashes.get(doc)!
}
