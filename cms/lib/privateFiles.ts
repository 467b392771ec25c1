import fs from 'node:fs'
import path from 'node:path'

import type { CollectionAfterChangeHook, CollectionConfig } from 'payload'

import { rootDir } from '../model/env'

/**
 * The database (staff accounts, subscribers), the outbox (password-reset links), media
 * and backups are for the owner only: directories 0700 and files 0600, set explicitly
 * so the umask does not matter. An existing directory outside the installation's
 * `data/` is left as it is (it may be a shared volume, or /tmp).
 */
export function privateDir(dir: string): string {
  const abs = path.resolve(dir)
  const first = fs.mkdirSync(abs, { recursive: true, mode: 0o700 })
  const ours = path.join(rootDir, 'data')
  const created = first ? path.resolve(first) : null
  for (let d = abs; ; d = path.dirname(d)) {
    const inData = d === ours || d.startsWith(ours + path.sep)
    const isNew = created !== null && (d === created || d.startsWith(created + path.sep))
    if (inData || isNew) fs.chmodSync(d, 0o700)
    if (d === path.dirname(d) || (!inData && !isNew)) break
  }
  return abs
}

/** Creates `file` (if missing) readable by the owner only, and tightens it if it exists. */
export function privateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600))
  fs.chmodSync(file, 0o600)
}

/** Tightens files that exist; a missing one is skipped. */
export function restrictFiles(...files: string[]): void {
  for (const f of files) {
    try {
      fs.chmodSync(f, 0o600)
    } catch {
      // not there (yet)
    }
  }
}

/**
 * An upload collection whose directory is owner-only and whose files (the original and
 * every generated size) are made 0600 once written: Payload writes them with the umask.
 */
export function privateUploads(collection: CollectionConfig): CollectionConfig {
  const upload = collection.upload
  const staticDir = typeof upload === 'object' ? upload.staticDir : undefined
  if (!staticDir) return collection
  privateDir(staticDir)
  const tighten: CollectionAfterChangeHook = ({ doc }) => {
    const d = doc as { filename?: string | null; sizes?: Record<string, { filename?: string | null } | undefined> }
    const names = [d.filename, ...Object.values(d.sizes ?? {}).map((s) => s?.filename)].filter((n): n is string => Boolean(n))
    restrictFiles(...names.map((n) => path.join(staticDir, path.basename(n))))
    return doc
  }
  return { ...collection, hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), tighten] } }
}
