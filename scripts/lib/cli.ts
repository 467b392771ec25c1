import { parseArgs, type ParseArgsConfig } from 'node:util'

import cliProgress from 'cli-progress'

/**
 * Strict flag parsing: an unknown flag or a missing value prints the usage and exits 2,
 * so a typo never runs the command with defaults.
 */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`)
    process.exit(2)
  }
}

/** A progress bar on a terminal, plain lines (every 10%) in logs and CI. */
export function progress(title: string) {
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${title} [{bar}] {value}/{total} {label}`, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    )
    let started = false
    return {
      update(done: number, total: number, label: string) {
        if (!started) {
          bar.start(total, 0, { label: '' })
          started = true
        }
        bar.update(done, { label })
      },
      stop() {
        if (started) bar.stop()
      },
    }
  }
  let lastTenth = -1
  return {
    update(done: number, total: number, label: string) {
      const tenth = Math.floor((done / Math.max(total, 1)) * 10)
      if (tenth !== lastTenth || done === total) {
        lastTenth = tenth
        console.log(`${title}: ${done}/${total} ${label}`)
      }
    },
    stop() {},
  }
}

export function fail(message: string, code = 1): never {
  console.error(message)
  process.exit(code)
}
