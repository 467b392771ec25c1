import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { rootDir } from '../../cms/model/env'

const require = createRequire(import.meta.url)

/** Next's CLI run with this Node (the pinned 24), not whatever `next` shebang finds. */
export function nextBin(): string {
  return require.resolve('next/dist/bin/next')
}

/** A command that failed: its exit code or the signal that ended it, and its last output. */
export class RunError extends Error {
  constructor(
    message: string,
    readonly code: number | null,
    readonly signal: NodeJS.Signals | null,
  ) {
    super(message)
    this.name = 'RunError'
  }
}

/**
 * Runs a command to completion. With `capture`, its output is kept (and passed on) so
 * a failure carries the last lines of what it said, e.g. into the build status view.
 * With `signal`, aborting kills the command (SIGTERM).
 */
export function run(command: string, args: string[], options: SpawnOptions & { capture?: boolean } = {}): Promise<void> {
  const { capture, ...spawnOptions } = options
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', cwd: rootDir, ...spawnOptions })
    let tail = ''
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-8000)
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve()
      const what = `${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')} failed (${signal ?? `exit ${code}`})`
      reject(new RunError(tail ? `${what}:\n${tail.trim().split('\n').slice(-40).join('\n')}` : what, code, signal))
    })
  })
}

/** Hash of every file under the given roots, for "is the build stale?" checks. */
export function treeHash(roots: string[], ignore: (rel: string) => boolean = () => false): string {
  const hash = crypto.createHash('sha256')
  const walk = (abs: string) => {
    const rel = path.relative(rootDir, abs)
    if (ignore(rel)) return
    const stat = fs.statSync(abs, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) walk(path.join(abs, name))
    } else {
      hash.update(rel).update('\0').update(fs.readFileSync(abs)).update('\0')
    }
  }
  for (const r of roots) walk(path.resolve(rootDir, r))
  return hash.digest('hex')
}

/** The child has neither exited nor been ended by a signal. */
export const isRunning = (c: ChildProcess) => c.exitCode === null && c.signalCode === null

/**
 * The dispatcher allocates a little for every message and keeps nothing: a small old
 * space makes V8 collect early instead of growing the process towards its default
 * limit, and a larger young generation lets most of that garbage die there.
 */
export const dispatcherNodeFlags = ['--max-old-space-size=160', '--max-semi-space-size=16']
