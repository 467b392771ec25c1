/**
 * `npm run backup [-- --out <dir or file.tar.gz>]`: a consistent copy of the SQLite
 * database (while the system runs), the media and a manifest, in one dated archive
 * under data/backups/ (owner-only). MongoDB: use mongodump (the message says how).
 */
import { loadRootEnv } from '../cms/model/env'
import { BackupError, createBackup } from './lib/backup'
import { parseFlags } from './lib/cli'

const flags = parseFlags(process.argv.slice(2), { out: { type: 'string' } }, 'Usage: npm run backup -- [--out <directory or file.tar.gz>] (default data/backups/)')
loadRootEnv()
try {
  await createBackup({ out: flags.out })
} catch (error) {
  console.error(error instanceof BackupError ? error.message : `The backup failed: ${(error as Error).stack ?? error}`)
  process.exit(error instanceof BackupError ? 2 : 1)
}
