import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/**
 * Another process holding the SQLite write lock (`BEGIN IMMEDIATE`), as a backup tool or
 * an `sqlite3` shell would. Resolves once the lock is held; `released` resolves when the
 * process has committed and exited (after `ms`, or at once on `release()`).
 */
export async function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void>; release: () => void }> {
  const script = `
    const Libsql = require(${JSON.stringify(require.resolve('libsql'))})
    const db = new Libsql(${JSON.stringify(file)})
    db.exec('PRAGMA busy_timeout = 10000')
    db.exec('BEGIN IMMEDIATE')
    process.stdout.write('locked\\n')
    const end = () => { db.exec('COMMIT'); db.close(); process.exit(0) }
    setTimeout(end, ${ms})
    process.on('SIGTERM', end)
  `
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  const released = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('locked')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)))
  })
  return { released, release: () => child.kill('SIGTERM') }
}
