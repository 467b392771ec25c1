import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'

import { isRunning } from '../../site/publisher/processes'

/**
 * Keeps `npm start`'s processes running. A child that dies (crash, out of memory,
 * `kill -9`) is started again after a pause that doubles from `baseMs` to `maxMs`; the
 * pause goes back to `baseMs` once it has run for `healthyMs`. The others keep serving
 * meanwhile. A child that keeps dying soon after it starts is reported with its last
 * output every `quickFailures` exits, so a crash loop is never silent. Only `stop()`
 * (Ctrl-C, SIGTERM to npm start) ends them all.
 */
export type ChildSpec = { name: string; command: string; args: string[]; options?: SpawnOptions }

export type SupervisorOptions = {
  baseMs?: number
  maxMs?: number
  healthyMs?: number
  quickFailures?: number
  /** How long an exit is held before it counts: Ctrl-C reaches the children before this process sometimes. */
  graceMs?: number
  log?: (line: string) => void
  warn?: (line: string) => void
}

type Entry = {
  spec: ChildSpec
  child: ChildProcess
  startedAt: number
  failures: number
  restarts: number
  tail: string
  timer?: NodeJS.Timeout
}

const TAIL_CHARS = 6000

export class Supervisor {
  private readonly entries: Entry[] = []
  private stopping = false
  private readonly o: Required<SupervisorOptions>

  constructor(options: SupervisorOptions = {}) {
    this.o = {
      baseMs: 1000,
      maxMs: 30_000,
      healthyMs: 60_000,
      quickFailures: 5,
      graceMs: 500,
      log: (line) => console.log(line),
      warn: (line) => console.error(line),
      ...options,
    }
  }

  /** Starts a child and keeps it running. */
  start(spec: ChildSpec): ChildProcess {
    const entry = { spec, failures: 0, restarts: 0, tail: '' } as Entry
    this.entries.push(entry)
    this.spawn(entry)
    return entry.child
  }

  /** The children running now (a restarted one replaces its predecessor). */
  children(): ChildProcess[] {
    return this.entries.map((e) => e.child)
  }

  get isStopping(): boolean {
    return this.stopping
  }

  private spawn(entry: Entry): void {
    const { spec } = entry
    const child = spawn(spec.command, spec.args, { ...spec.options, stdio: ['ignore', 'pipe', 'pipe'] })
    entry.child = child
    entry.startedAt = Date.now()
    // Passed on as it comes; the last few kilobytes are kept to show why it died.
    const keep = (out: NodeJS.WriteStream) => (chunk: Buffer) => {
      out.write(chunk)
      entry.tail = (entry.tail + chunk.toString()).slice(-TAIL_CHARS)
    }
    child.stdout!.on('data', keep(process.stdout))
    child.stderr!.on('data', keep(process.stderr))
    child.on('error', (error) => this.o.warn(`${spec.name}: could not start (${error.message}).`))
    child.once('exit', (code, signal) => {
      // Ctrl-C reaches the children too, sometimes before this process has seen it.
      setTimeout(() => this.exited(entry, child, code, signal), this.o.graceMs)
    })
  }

  private exited(entry: Entry, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping || entry.child !== child) return
    const ranMs = Date.now() - entry.startedAt
    entry.failures = ranMs >= this.o.healthyMs ? 1 : entry.failures + 1
    const delay = Math.min(this.o.maxMs, this.o.baseMs * 2 ** (entry.failures - 1))
    const how = signal ? `was killed (${signal})` : `exited (code ${code})`
    const at = new Date(Date.now() + delay).toLocaleTimeString('en-GB')
    this.o.warn(
      `${entry.spec.name} ${how} after ${seconds(ranMs)}; the others go on. Restarting it in ${seconds(delay)} (at ${at}).`,
    )
    if (entry.failures % this.o.quickFailures === 0) {
      const last = entry.tail.trim().split('\n').slice(-25).join('\n')
      this.o.warn(
        `${entry.spec.name} keeps failing: ${entry.failures} exits in a row, each within ${seconds(this.o.healthyMs)} of starting (the last: ${signal ?? `code ${code}`}). ` +
          `Its last output:\n${last || '(nothing)'}\n` +
          `Fix the problem above; it is tried again every ${seconds(this.o.maxMs)} at most (Ctrl-C stops everything).`,
      )
    }
    entry.timer = setTimeout(() => {
      entry.timer = undefined
      if (this.stopping) return
      entry.restarts++
      entry.tail = ''
      this.spawn(entry)
      this.o.log(`${entry.spec.name} started again (restart ${entry.restarts}, pid ${entry.child.pid}).`)
    }, delay)
  }

  /** Stops every child (SIGTERM, SIGKILL after `killAfterMs`) and resolves once all have exited. */
  async stop(killAfterMs = 10_000): Promise<void> {
    this.stopping = true
    for (const e of this.entries) {
      clearTimeout(e.timer)
      if (isRunning(e.child)) e.child.kill('SIGTERM')
    }
    const timer = setTimeout(() => {
      const stuck = this.entries.filter((e) => isRunning(e.child))
      this.o.warn(
        `${stuck.length} process(es) did not stop within ${seconds(killAfterMs)}; killing them: ${stuck.map((e) => e.spec.name).join(', ')}`,
      )
      for (const e of stuck) e.child.kill('SIGKILL')
    }, killAfterMs)
    timer.unref()
    await Promise.all(
      this.entries.map((e) => (isRunning(e.child) ? new Promise((r) => e.child.once('exit', r)) : null)),
    )
    clearTimeout(timer)
  }
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms / 1000)} s`
}
