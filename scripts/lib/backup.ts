import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import * as tar from 'tar'

import { rootDir, settings } from '../../cms/model/env'
import { privateDir } from '../../cms/lib/privateFiles'
import { ATTEMPT_BUSY_MS, retryLocked } from '../../cms/lib/sqliteLock'

/**
 * Backups of an SQLite installation: one dated .tar.gz with a consistent copy of the
 * database (`VACUUM INTO`: one read transaction, so writes carry on meanwhile and none
 * is half in), the media directory, and a manifest (what the live build was, every
 * table's row count, every file's checksum) that restore checks before it touches
 * anything. MongoDB is backed up with its own tools (`mongodump`).
 */

export const FORMAT = 'atvira-backup'
const DB_ENTRY = 'database/atvira.db'
const MEDIA_ENTRY = 'media'

export type Manifest = {
  format: typeof FORMAT
  version: 1
  createdAt: string
  database: { file: string; bytes: number; sha256: string; tables: Record<string, number> }
  media: { dir: string; files: Record<string, { bytes: number; sha256: string }> }
  /** The build that was live (`ATVIRA_SITE_ROOT/current`) and its content stamp; the site is rebuilt from the database. */
  liveBuild: { id: string; stamp: string | null } | null
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

type Db = { prepare(sql: string): { all(args?: unknown): Record<string, unknown>[] }; exec(sql: string): void; close(): void }
const require = createRequire(import.meta.url)
const openDb = (file: string, readonly = false): Db => {
  const Libsql = require('libsql') as new (file: string, options?: { readonly?: boolean; fileMustExist?: boolean }) => Db
  const db = new Libsql(file, readonly ? { readonly: true, fileMustExist: true } : undefined)
  db.exec(`PRAGMA busy_timeout = ${ATTEMPT_BUSY_MS}`)
  return db
}

/** The SQLite file and media directory of this installation; MongoDB is refused with what to use instead. */
export function installation(env?: NodeJS.ProcessEnv): { dbFile: string; mediaDir: string; siteRoot: string } {
  const setting = settings(env).DATABASE_URL
  if (setting.kind === 'mongodb') {
    throw new BackupError(
      'DATABASE_URL points at MongoDB: back it up with MongoDB\'s own tools, e.g. `mongodump --uri "$DATABASE_URL" --archive=atvira.archive --gzip` ' +
        '(and `mongorestore --archive=atvira.archive --gzip` to restore), plus a copy of MEDIA_DIR. See docs/production.md.',
    )
  }
  return {
    dbFile: setting.file,
    mediaDir: settings(env).MEDIA_DIR,
    siteRoot: settings(env).ATVIRA_SITE_ROOT,
  }
}

export function tableCounts(db: Db): Record<string, number> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all()
  return Object.fromEntries(names.map(({ name }) => [String(name), Number(db.prepare(`SELECT count(*) AS n FROM "${String(name).replaceAll('"', '""')}"`).all()[0]!.n)]))
}

async function sha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256')
  await pipeline(fs.createReadStream(file), hash)
  return hash.digest('hex')
}

/** Every regular file under `dir`, as paths relative to it (sorted). */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  const out: string[] = []
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) walk(r)
      else if (e.isFile()) out.push(r)
    }
  }
  walk('')
  return out.sort()
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const stampName = (d: Date) => d.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')

/** `--out`: a file ending in .tar.gz, or a directory for a dated archive (default `data/backups/`). */
export function archivePath(out: string | undefined, now = new Date()): string {
  const target = path.resolve(rootDir, out ?? 'data/backups')
  if (target.endsWith('.tar.gz') || target.endsWith('.tgz')) return target
  return path.join(target, `atvira-${stampName(now)}.tar.gz`)
}

export async function createBackup(options: { out?: string; log?: (line: string) => void; env?: NodeJS.ProcessEnv }): Promise<{ file: string; manifest: Manifest }> {
  const log = options.log ?? console.log
  const { dbFile, mediaDir, siteRoot } = installation(options.env)
  if (!fs.existsSync(dbFile)) throw new BackupError(`There is no database at ${dbFile} (DATABASE_URL): nothing to back up.`)
  const file = archivePath(options.out)
  privateDir(path.dirname(file))
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists: choose another --out.`)
  const staging = fs.mkdtempSync(path.join(path.dirname(file), '.backup-'))
  fs.chmodSync(staging, 0o700)
  try {
    const started = Date.now()
    log(`[1/3] Database: a consistent copy of ${dbFile} (${mb(fs.statSync(dbFile).size)}); writes go on meanwhile…`)
    fs.mkdirSync(path.join(staging, 'database'), { mode: 0o700 })
    const copy = path.join(staging, DB_ENTRY)
    const source = openDb(dbFile)
    try {
      await retryLocked(() => source.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`))
    } finally {
      source.close()
    }
    fs.chmodSync(copy, 0o600)
    const snapshot = openDb(copy, true)
    let tables: Record<string, number>
    try {
      const check = String(snapshot.prepare('PRAGMA integrity_check').all()[0]?.integrity_check)
      if (check !== 'ok') throw new BackupError(`The copy of the database failed its integrity check (${check}); the database itself may be damaged.`)
      tables = tableCounts(snapshot)
    } finally {
      snapshot.close()
    }
    const rows = Object.values(tables).reduce((a, b) => a + b, 0)
    log(`      ${Object.keys(tables).length} tables, ${rows} rows, ${mb(fs.statSync(copy).size)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`)

    log(`[2/3] Media: ${mediaDir}…`)
    const files: Manifest['media']['files'] = {}
    let bytes = 0
    const names = listFiles(mediaDir)
    for (const [i, rel] of names.entries()) {
      const abs = path.join(mediaDir, rel)
      const size = fs.statSync(abs).size
      files[rel] = { bytes: size, sha256: await sha256(abs) }
      bytes += size
      if ((i + 1) % 500 === 0) log(`      ${i + 1} of ${names.length} files…`)
    }
    log(`      ${names.length} files, ${mb(bytes)}.`)

    const live = (() => {
      try {
        const dir = fs.realpathSync(path.join(siteRoot, 'current'))
        const stamp = path.join(dir, '.atvira-build')
        return { id: path.basename(dir), stamp: fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : null }
      } catch {
        return null
      }
    })()
    const manifest: Manifest = {
      format: FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      database: { file: DB_ENTRY, bytes: fs.statSync(copy).size, sha256: await sha256(copy), tables },
      media: { dir: MEDIA_ENTRY, files },
      liveBuild: live,
    }
    fs.writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2), { mode: 0o600 })
    // The media are read where they are (the link is followed), not copied first.
    if (names.length > 0) fs.symlinkSync(mediaDir, path.join(staging, MEDIA_ENTRY), 'dir')

    log(`[3/3] Archive: ${file}…`)
    const partial = `${file}.partial`
    const entries = ['manifest.json', DB_ENTRY, ...names.map((n) => `${MEDIA_ENTRY}/${n}`)]
    await pipeline(tar.create({ gzip: true, cwd: staging, follow: true, portable: true, noDirRecurse: true }, entries), fs.createWriteStream(partial, { mode: 0o600 }))
    fs.chmodSync(partial, 0o600)
    fs.renameSync(partial, file)
    log(`Backup written: ${file} (${mb(fs.statSync(file).size)}, ${((Date.now() - started) / 1000).toFixed(1)} s). Keep .env (PAYLOAD_SECRET) safe as well: it is not in the archive.`)
    return { file, manifest }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
    fs.rmSync(`${file}.partial`, { force: true })
  }
}

/** Processes (on this machine) that have the database open: restore must not run under them. */
export function processesUsing(dbFile: string): string[] {
  if (!fs.existsSync('/proc')) return []
  const targets = new Set([dbFile, `${dbFile}-wal`, `${dbFile}-shm`].map((f) => path.resolve(f)))
  const found: string[] = []
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue
    let fds: string[]
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`)
    } catch {
      continue
    }
    for (const fd of fds) {
      let target: string
      try {
        target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`)
      } catch {
        continue
      }
      if (targets.has(target)) {
        const cmd = (() => {
          try {
            return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 4).join(' ')
          } catch {
            return '?'
          }
        })()
        found.push(`pid ${pid} (${cmd})`)
        break
      }
    }
  }
  return found
}

/** What an installation already holds: rows in its database, files in its media directory. */
function existingData(dbFile: string, mediaDir: string): string[] {
  const found: string[] = []
  if (fs.existsSync(dbFile) && fs.statSync(dbFile).size > 0) {
    const db = openDb(dbFile, true)
    try {
      // A migrated, empty installation is fresh: its migration records are not data.
      const rows = Object.entries(tableCounts(db)).reduce((a, [name, n]) => a + (name === 'payload_migrations' ? 0 : n), 0)
      if (rows > 0) found.push(`the database ${dbFile} has ${rows} rows`)
    } finally {
      db.close()
    }
  }
  const media = listFiles(mediaDir).length
  if (media > 0) found.push(`${mediaDir} has ${media} files`)
  return found
}

/** Extracts and checks an archive into `dir`: the manifest, every checksum, the database's integrity and row counts. */
async function extractChecked(archive: string, dir: string): Promise<Manifest> {
  try {
    await tar.extract({ file: archive, cwd: dir, strict: true, preserveOwner: false })
  } catch (error) {
    throw new BackupError(`${archive} is not a readable backup archive (${(error as Error).message}).`)
  }
  let manifest: Manifest
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest
  } catch {
    throw new BackupError(`${archive} has no readable manifest.json: it is not an Atvira backup.`)
  }
  if (manifest.format !== FORMAT || manifest.version !== 1) throw new BackupError(`${archive} is not an Atvira backup of a known version.`)
  const db = path.join(dir, DB_ENTRY)
  if (!fs.existsSync(db) || (await sha256(db)) !== manifest.database.sha256) throw new BackupError(`The database in ${archive} is missing or does not match its checksum: the archive is damaged.`)
  const conn = openDb(db, true)
  try {
    const check = String(conn.prepare('PRAGMA integrity_check').all()[0]?.integrity_check)
    if (check !== 'ok') throw new BackupError(`The database in ${archive} fails its integrity check (${check}).`)
    const counts = tableCounts(conn)
    if (JSON.stringify(counts) !== JSON.stringify(manifest.database.tables)) throw new BackupError(`The database in ${archive} does not have the rows its manifest lists.`)
  } finally {
    conn.close()
  }
  const extracted = listFiles(path.join(dir, MEDIA_ENTRY))
  const listed = Object.keys(manifest.media.files).sort()
  if (JSON.stringify(extracted) !== JSON.stringify(listed)) throw new BackupError(`The media in ${archive} do not match its manifest (${extracted.length} files, ${listed.length} listed).`)
  for (const rel of listed) {
    if ((await sha256(path.join(dir, MEDIA_ENTRY, rel))) !== manifest.media.files[rel]!.sha256) throw new BackupError(`${rel} in ${archive} does not match its checksum: the archive is damaged.`)
  }
  return manifest
}

function tighten(dir: string): void {
  fs.chmodSync(dir, 0o700)
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) tighten(p)
    else fs.chmodSync(p, 0o600)
  }
}

export async function restoreBackup(options: { archive: string; force?: boolean; log?: (line: string) => void; env?: NodeJS.ProcessEnv }): Promise<Manifest> {
  const log = options.log ?? console.log
  const archive = path.resolve(options.archive)
  if (!fs.existsSync(archive)) throw new BackupError(`There is no file ${archive}.`)
  const { dbFile, mediaDir } = installation(options.env)
  const users = processesUsing(dbFile)
  if (users.length > 0) throw new BackupError(`Atvira is running: ${users.join(', ')} has the database open. Stop it (Ctrl-C in npm start, or stop its services) and run the restore again.`)
  const present = existingData(dbFile, mediaDir)
  if (present.length > 0 && !options.force) throw new BackupError(`This installation already has data (${present.join('; ')}). To replace it, run again with --force: what is there now is kept beside it (*.before-restore-<date>).`)

  log(`Checking ${archive}…`)
  privateDir(path.dirname(dbFile))
  const work = fs.mkdtempSync(path.join(path.dirname(dbFile), '.restore-'))
  try {
    const manifest = await extractChecked(archive, work)
    const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0)
    const mediaCount = Object.keys(manifest.media.files).length
    log(`  The archive is whole: made ${manifest.createdAt}, ${Object.keys(manifest.database.tables).length} tables (${rows} rows), ${mediaCount} media files.`)
    tighten(work)

    const aside = `.before-restore-${stampName(new Date())}`
    const moved: string[] = []
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
      if (!fs.existsSync(f)) continue
      if (present.length > 0) {
        fs.renameSync(f, `${f}${aside}`)
        moved.push(`${f}${aside}`)
      } else fs.rmSync(f)
    }
    fs.renameSync(path.join(work, DB_ENTRY), dbFile)
    if (fs.existsSync(mediaDir)) {
      if (listFiles(mediaDir).length > 0) {
        fs.renameSync(mediaDir, `${mediaDir}${aside}`)
        moved.push(`${mediaDir}${aside}`)
      } else fs.rmSync(mediaDir, { recursive: true })
    }
    privateDir(path.dirname(mediaDir))
    const extractedMedia = path.join(work, MEDIA_ENTRY)
    if (fs.existsSync(extractedMedia)) fs.renameSync(extractedMedia, mediaDir)
    else privateDir(mediaDir)

    log(`Restored the database to ${dbFile} (${rows} rows in ${Object.keys(manifest.database.tables).length} tables) and ${mediaCount} media files to ${mediaDir}.`)
    if (moved.length > 0) log(`What was there before is kept: ${moved.join(', ')}.`)
    log(
      `The live site ${manifest.liveBuild ? `was build ${manifest.liveBuild.id}` : 'had not been built'} when the backup was made; ` +
        '`npm start` builds the public site from the restored content. Use the same PAYLOAD_SECRET as the backed-up installation (logins, links in sent emails).',
    )
    return manifest
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}
