/**
 * `npm run backup` and `npm run restore` as an operator runs them, on a real SQLite file
 * in WAL mode and a real media directory: a writer process inserts rows all through the
 * backup; the archive restores into a fresh installation with every table's rows equal
 * to the snapshot the backup took and every media file identical byte for byte. Restore
 * refuses a running system, an installation with data (unless --force, which keeps it
 * aside), and a damaged archive, before touching anything.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../../cms/model/env'
import { listFiles } from '../../scripts/lib/backup'

type Db = { prepare(sql: string): { all(args?: unknown): Record<string, unknown>[]; run(args?: unknown): unknown }; exec(sql: string): void; close(): void }
const require = createRequire(import.meta.url)
const open = (file: string): Db => new (require('libsql') as new (f: string) => Db)(file)

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-backup-'))
const source = { db: path.join(work, 'src/data/atvira.db'), media: path.join(work, 'src/media') }
const fresh = { db: path.join(work, 'fresh/data/atvira.db'), media: path.join(work, 'fresh/media') }
const backups = path.join(work, 'backups')

afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

function run(script: string, args: string[], target: { db: string; media: string }): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts', script), ...args], {
      cwd: rootDir,
      env: { ...process.env, DATABASE_URL: `file:${target.db}`, MEDIA_DIR: target.media, ATVIRA_SITE_ROOT: path.join(work, 'site') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('exit', (code) => resolve({ code, out }))
  })
}

const rowsOf = (db: Db, table: string) => db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()
const tables = (db: Db) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all().map((r) => String(r.name))
const mode = (p: string) => fs.statSync(p).mode & 0o777

beforeAll(() => {
  fs.mkdirSync(path.dirname(source.db), { recursive: true })
  const db = open(source.db)
  db.exec('PRAGMA journal_mode = WAL')
  db.exec('CREATE TABLE news (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body BLOB)')
  db.exec('CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE, hash TEXT)')
  db.exec('CREATE TABLE payload_migrations (id INTEGER PRIMARY KEY, name TEXT)')
  db.exec('CREATE INDEX news_title ON news (title)')
  const insert = db.prepare('INSERT INTO news (title, body) VALUES (?, ?)')
  for (let i = 0; i < 3000; i++) insert.run([`Šildymo sezonas ${i} — ąčęėįšųūž`, crypto.randomBytes(200)])
  const user = db.prepare('INSERT INTO users (email, hash) VALUES (?, ?)')
  for (let i = 0; i < 20; i++) user.run([`user${i}@pajuris.example`, crypto.randomBytes(32).toString('hex')])
  db.prepare('INSERT INTO payload_migrations (name) VALUES (?)').run(['20260101_initial'])
  db.close()
  for (const [rel, bytes] of [
    ['images/uostas.jpg', 300_000],
    ['images/uostas-800x600.webp', 40_000],
    ['documents/biudzetas 2026.pdf', 120_000],
    ['documents/tuščias.txt', 0],
  ] as const) {
    fs.mkdirSync(path.dirname(path.join(source.media, rel)), { recursive: true })
    fs.writeFileSync(path.join(source.media, rel), crypto.randomBytes(bytes))
  }
})

describe('backup and restore', { timeout: 120_000 }, () => {
  let archive: string

  it('backs up while a writer inserts, into an owner-only dated archive, showing progress', async () => {
    // The writer: its own process and connection, inserting until told to stop.
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require(${JSON.stringify(require.resolve('libsql'))}))(${JSON.stringify(source.db)})
         db.exec('PRAGMA busy_timeout = 5000')
         const ins = db.prepare('INSERT INTO news (title, body) VALUES (?, ?)')
         let n = 0, stop = false
         process.on('SIGTERM', () => { stop = true })
         const tick = () => { if (stop) { console.log(n); db.close(); process.exit(0) } ins.run(['written during the backup ' + n++, Buffer.alloc(100, n % 256)]); setImmediate(tick) }
         console.log('writing'); tick()`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let said = ''
    writer.stdout.on('data', (d) => (said += d))
    while (!said.includes('writing')) await new Promise((r) => setTimeout(r, 20))
    const countNow = () => {
      const db = open(source.db)
      try {
        return Number(db.prepare('SELECT count(*) AS n FROM news').all()[0]!.n)
      } finally {
        db.close()
      }
    }
    const before = countNow()
    const backup = await run('backup.ts', ['--out', backups], source)
    const after = countNow()
    writer.kill('SIGTERM')
    await new Promise((r) => writer.once('exit', r))
    expect(backup.code, backup.out).toBe(0)
    // The writer really wrote all through the backup.
    expect(after - before).toBeGreaterThan(50)
    console.log(`Backup with a writer in flight: ${after - before} rows inserted while it ran.`)

    for (const line of ['[1/3] Database: a consistent copy', 'writes go on meanwhile', '[2/3] Media:', '4 files', '[3/3] Archive:', 'Backup written:', 'Keep .env (PAYLOAD_SECRET) safe']) {
      expect(backup.out).toContain(line)
    }
    const names = fs.readdirSync(backups)
    expect(names).toHaveLength(1)
    expect(names[0]).toMatch(/^atvira-\d{8}-\d{6}\.tar\.gz$/)
    archive = path.join(backups, names[0]!)
    expect(mode(backups)).toBe(0o700)
    expect(mode(archive)).toBe(0o600)

    // Restore it into a fresh installation.
    const restore = await run('restore.ts', [archive], fresh)
    expect(restore.code, restore.out).toBe(0)
    expect(restore.out).toMatch(/Restored the database to .* \(\d+ rows in 3 tables\) and 4 media files to /)
    expect(restore.out).toContain('The archive is whole')

    // Every table equals the snapshot: the source's rows up to the last one the backup saw.
    // Read from a copy: a connection closed with statements still alive keeps its file
    // open until they are collected, and restore would rightly see this process as a user.
    const copy = path.join(work, 'restored-copy.db')
    fs.copyFileSync(fresh.db, copy)
    const restored = open(copy)
    const src = open(source.db)
    try {
      expect(tables(restored)).toEqual(tables(src))
      expect(String(restored.prepare('PRAGMA integrity_check').all()[0]!.integrity_check)).toBe('ok')
      const seen = Number(restored.prepare('SELECT max(id) AS id FROM news').all()[0]!.id)
      expect(seen).toBeGreaterThanOrEqual(before)
      expect(seen).toBeLessThan(Number(src.prepare('SELECT max(id) AS id FROM news').all()[0]!.id))
      expect(rowsOf(restored, 'news')).toEqual(src.prepare('SELECT * FROM news WHERE id <= ? ORDER BY rowid').all([seen]))
      for (const t of ['users', 'payload_migrations']) expect(rowsOf(restored, t)).toEqual(rowsOf(src, t))
      expect(restored.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'news_title'").all()).toHaveLength(1)
    } finally {
      restored.close()
      src.close()
    }
    expect(listFiles(fresh.media)).toEqual(listFiles(source.media))
    for (const rel of listFiles(source.media)) {
      expect(fs.readFileSync(path.join(fresh.media, rel)).equals(fs.readFileSync(path.join(source.media, rel))), rel).toBe(true)
      expect(mode(path.join(fresh.media, rel))).toBe(0o600)
    }
    expect(mode(fresh.db)).toBe(0o600)
    expect(mode(fresh.media)).toBe(0o700)
  })

  it('refuses an installation that has data, then replaces it with --force and keeps the old one aside', async () => {
    const again = await run('restore.ts', [archive], fresh)
    expect(again.code).toBe(2)
    expect(again.out).toMatch(/^Nothing was restored: This installation already has data \(the database .* has \d+ rows; .* has 4 files\)\. To replace it, run again with --force/m)

    fs.writeFileSync(path.join(fresh.media, 'images/new-after-restore.png'), 'x')
    const forced = await run('restore.ts', [archive, '--force'], fresh)
    expect(forced.code, forced.out).toBe(0)
    expect(forced.out).toContain('What was there before is kept:')
    const aside = fs.readdirSync(path.dirname(fresh.media)).find((n) => n.startsWith('media.before-restore-'))!
    expect(fs.existsSync(path.join(path.dirname(fresh.media), aside, 'images/new-after-restore.png'))).toBe(true)
    expect(fs.existsSync(path.join(fresh.media, 'images/new-after-restore.png'))).toBe(false)
    expect(fs.readdirSync(path.dirname(fresh.db)).some((n) => n.startsWith('atvira.db.before-restore-'))).toBe(true)
  })

  it('refuses while a process has the database open', async () => {
    const holder = spawn(process.execPath, ['-e', `const db = new (require(${JSON.stringify(require.resolve('libsql'))}))(${JSON.stringify(fresh.db)}); db.prepare('SELECT 1').all(); console.log('open'); setInterval(() => {}, 1000)`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await new Promise<void>((r) => holder.stdout.on('data', () => r()))
    try {
      const res = await run('restore.ts', [archive, '--force'], fresh)
      expect(res.code).toBe(2)
      expect(res.out).toMatch(new RegExp(`Nothing was restored: Atvira is running: pid ${holder.pid} \\(.*\\) has the database open\\. Stop it`))
    } finally {
      holder.kill('SIGKILL')
    }
  })

  it('checks an archive before touching anything', async () => {
    const damaged = path.join(work, 'damaged.tar.gz')
    const bytes = fs.readFileSync(archive)
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.6)))
    const notOurs = path.join(work, 'other.tar.gz')
    fs.writeFileSync(notOurs, bytes.subarray(0, 0))
    const empty = { db: path.join(work, 'empty/data/atvira.db'), media: path.join(work, 'empty/media') }
    for (const [file, message] of [
      [damaged, /Nothing was restored: .* is not a readable backup archive/],
      [notOurs, /Nothing was restored: .*(not a readable backup archive|no readable manifest)/],
      [path.join(work, 'missing.tar.gz'), /Nothing was restored: There is no file /],
    ] as const) {
      const res = await run('restore.ts', [file], empty)
      expect(res.code, res.out).toBe(2)
      expect(res.out).toMatch(message)
      expect(fs.existsSync(empty.db)).toBe(false)
      expect(listFiles(empty.media)).toEqual([])
    }
  })

  it('refuses MongoDB with the tool to use instead', async () => {
    const res = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts/backup.ts')], {
        cwd: rootDir,
        env: { ...process.env, DATABASE_URL: 'mongodb://127.0.0.1:9/atvira' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let out = ''
      child.stdout.on('data', (d) => (out += d))
      child.stderr.on('data', (d) => (out += d))
      child.on('exit', (code) => resolve({ code, out }))
    })
    expect(res.code).toBe(2)
    expect(res.out).toContain('DATABASE_URL points at MongoDB: back it up with MongoDB\'s own tools, e.g. `mongodump')
  })
})
