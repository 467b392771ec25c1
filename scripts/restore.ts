/**
 * `npm run restore -- <archive> [--force]`: puts a backup made by `npm run backup` back
 * (database and media). Checks the archive whole first; refuses while Atvira is running
 * or when this installation already has data, unless --force (then what is there is
 * kept beside it).
 */
import { parseArgs } from 'node:util'

import { loadRootEnv } from '../cms/model/env'
import { BackupError, restoreBackup } from './lib/backup'

const usage = 'Usage: npm run restore -- <archive.tar.gz> [--force]'
let parsed
try {
  parsed = parseArgs({ args: process.argv.slice(2), options: { force: { type: 'boolean' } }, allowPositionals: true, strict: true })
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`)
  process.exit(2)
}
if (parsed.positionals.length !== 1) {
  console.error(`Name one archive to restore.\n\n${usage}`)
  process.exit(2)
}
loadRootEnv()
try {
  await restoreBackup({ archive: parsed.positionals[0]!, force: parsed.values.force })
} catch (error) {
  console.error(error instanceof BackupError ? `Nothing was restored: ${error.message}` : `The restore failed: ${(error as Error).stack ?? error}`)
  process.exit(error instanceof BackupError ? 2 : 1)
}
