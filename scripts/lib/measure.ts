import fs from 'node:fs'

/** CPU time, user plus system, in milliseconds (from process.cpuUsage, or the difference it returns). */
export const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000

/**
 * This process's own peak memory. On Linux getrusage's maxRSS keeps the high-water mark
 * of the process it was forked from (a benchmark holding Payload read 270 MB here
 * before a line had run); /proc/self/status VmHWM belongs to this program alone.
 */
export function peakRssMB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))
    if (hwm) return Number(hwm[1]) / 1024
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024
}
