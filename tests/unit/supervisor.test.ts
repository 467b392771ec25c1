/**
 * The supervisor of `npm start`'s processes, with real child processes: one killed with
 * SIGKILL comes back while the others keep running; one that keeps failing at start-up
 * backs off and is reported with its last output; stop() ends all and restarts nothing.
 */
import { afterEach, describe, expect, it } from 'vitest'

import { Supervisor, type SupervisorOptions } from '../../scripts/lib/supervisor'

const node = (code: string) => ({ command: process.execPath, args: ['-e', code] })
const forever = node('setInterval(() => {}, 1000)')

let current: Supervisor | undefined
afterEach(async () => {
  await current?.stop(2000)
  current = undefined
})

function supervisor(options: SupervisorOptions = {}) {
  const lines: string[] = []
  const s = new Supervisor({ graceMs: 20, log: (l) => lines.push(l), warn: (l) => lines.push(l), ...options })
  current = s
  return { s, lines }
}

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('Supervisor', () => {
  it('restarts a child killed with SIGKILL and leaves the others running', async () => {
    const { s, lines } = supervisor({ baseMs: 100 })
    const a = s.start({ name: 'The site server', ...forever })
    const b = s.start({ name: 'The CMS', ...forever })
    await until('both running', () => Boolean(a.pid && b.pid))
    process.kill(a.pid!, 'SIGKILL')
    await until('restarted', () => lines.some((l) => l.startsWith('The site server started again')))
    expect(lines[0]).toMatch(/^The site server was killed \(SIGKILL\) after [\d.]+ s; the others go on\. Restarting it in 0\.1 s \(at \d\d:\d\d:\d\d\)\.$/)
    expect(lines[1]).toMatch(/^The site server started again \(restart 1, pid \d+\)\.$/)
    const [a2, b2] = s.children()
    expect(a2!.pid).not.toBe(a.pid)
    expect(a2!.exitCode).toBeNull()
    expect(b2).toBe(b)
    expect(b.exitCode).toBeNull()
  })

  it('backs off a child that keeps failing at start-up and says why, with its last output', async () => {
    const { s, lines } = supervisor({ baseMs: 100, maxMs: 400, quickFailures: 3 })
    s.start({ name: 'The job runner', ...node("console.error('Port 4321 is already in use.'); process.exit(3)") })
    await until('four exits', () => lines.filter((l) => l.includes('exited (code 3)')).length >= 4)
    const delays = lines.filter((l) => l.includes('exited (code 3)')).map((l) => /Restarting it in ([\d.]+) s/.exec(l)![1])
    // Doubling, capped.
    expect(delays.slice(0, 4)).toEqual(['0.1', '0.2', '0.4', '0.4'])
    const report = lines.find((l) => l.includes('keeps failing'))!
    expect(report).toContain('The job runner keeps failing: 3 exits in a row')
    expect(report).toContain('(the last: code 3)')
    expect(report).toContain('Its last output:\nPort 4321 is already in use.')
    expect(lines.filter((l) => l.includes('keeps failing'))).toHaveLength(1)
  })

  it('goes back to the first pause once a child has run for the healthy time', async () => {
    const { s, lines } = supervisor({ baseMs: 100, maxMs: 5000, healthyMs: 300 })
    s.start({ name: 'The dispatcher', ...node('setTimeout(() => process.exit(1), 400)') })
    await until('three exits', () => lines.filter((l) => l.includes('exited (code 1)')).length >= 3)
    const delays = lines.filter((l) => l.includes('exited')).map((l) => /Restarting it in ([\d.]+) s/.exec(l)![1])
    expect(delays.slice(0, 3)).toEqual(['0.1', '0.1', '0.1'])
    expect(lines.join('\n')).not.toContain('keeps failing')
  })

  it('stop() ends every child and restarts none', async () => {
    const { s, lines } = supervisor({ baseMs: 10 })
    const children = [s.start({ name: 'A', ...forever }), s.start({ name: 'B', ...forever })]
    await until('running', () => children.every((c) => c.pid))
    await s.stop(2000)
    expect(children.map((c) => c.signalCode)).toEqual(['SIGTERM', 'SIGTERM'])
    await new Promise((r) => setTimeout(r, 100))
    expect(lines).toEqual([])
  })
})
