import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { rootDir, settings } from '../../cms/model/env'
import { run } from './processes'

/**
 * The build store: every update is built into a new directory under
 * `<site root>/builds/` and goes live by swapping the `<site root>/current` link, site
 * and search indexes together. A failed build never touches what is live. The site
 * server reads the same store (the live link, the markers of the builds it loads code
 * from); the store never imports the server.
 */

export function siteRoot(): string {
  return settings().ATVIRA_SITE_ROOT
}

export function currentLink(): string {
  return path.join(siteRoot(), 'current')
}

export function liveBuildDir(): string | null {
  try {
    return fs.realpathSync(currentLink())
  } catch {
    return null
  }
}

/** Atomic on POSIX: the link is replaced by a rename, readers see the old or the new. */
export function switchLive(buildDir: string): void {
  const link = currentLink()
  const tmp = `${link}.${process.pid}.${Date.now()}`
  fs.symlinkSync(path.relative(path.dirname(link), buildDir), tmp)
  fs.renameSync(tmp, link)
}

/** Builds being written by this process: never pruned. */
const building = new Set<string>()

/**
 * A new build directory, kept from pruning until `release`. A site root outside the
 * installation gets a `node_modules` link first: a build's server code imports packages
 * by name (Astro while rendering, the site server on demand). Never served: only a
 * build's `client/` is.
 */
export function newBuildDir(label: string): string {
  linkPackages()
  const stamp = new Date().toISOString().replace(/[-:.TZ]/g, '').slice(0, 17)
  const dir = path.join(siteRoot(), 'builds', `${stamp}-${label}`)
  building.add(dir)
  return dir
}

export function releaseBuildDir(dir: string): void {
  building.delete(dir)
}

function linkPackages(): void {
  const root = siteRoot()
  if (!path.relative(rootDir, root).startsWith('..')) return
  fs.mkdirSync(root, { recursive: true })
  try {
    fs.symlinkSync(path.join(rootDir, 'node_modules'), path.join(root, 'node_modules'), 'dir')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
}

const removeScript = `try { require('node:os').setPriority(19) } catch {}
for (const p of process.argv.slice(1)) require('node:fs').rmSync(p, { recursive: true, force: true })`

let pruning: Promise<void> | undefined

/**
 * Keeps the live build, the few newest other finished builds (a rollback, and
 * in-flight requests) and every build a running site server loaded its on-demand code
 * from (`buildsInUse`), and removes what failed updates left. Nothing an update of this
 * process is still writing is touched.
 */
export function pruneBuilds(keep = 3): Promise<void> {
  pruning ??= (async () => {
    const dir = path.join(siteRoot(), 'builds')
    if (!fs.existsSync(dir)) return
    const live = liveBuildDir()
    const inUse = buildsInUse(siteRoot())
    const names = fs.readdirSync(dir).filter((name) => !building.has(path.join(dir, name.split('.')[0]!)))
    // What a failed or interrupted update left beside its build (after a while: another
    // process may be writing it now).
    const hourAgo = Date.now() - 3_600_000
    const leftovers = names.filter((name) => name.includes('.') && (fs.statSync(path.join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < hourAgo)
    const builds = names
      .filter((name) => !name.includes('.'))
      .map((name) => path.join(dir, name))
      .filter((p) => p !== live && !inUse.has(realpath(p)))
      .sort()
    const old = [...leftovers.map((name) => path.join(dir, name)), ...builds.slice(0, Math.max(0, builds.length - keep))]
    // In another process, at the lowest priority: removing tens of thousands of files
    // would otherwise hold up this one's file system calls, and the site is live already.
    if (old.length) await run(process.execPath, ['-e', removeScript, ...old], { capture: true })
  })().finally(() => {
    pruning = undefined
  })
  return pruning
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p)
  } catch {
    return p
  }
}

/**
 * A site server loads its on-demand code from one build and imports its page chunks
 * lazily: that build must outlive the ones published after it. A marker file
 * (`<site root>/servers/<host>-<pid>-<n>.json`, written by the server) names it, and
 * `pruneBuilds` keeps every build a live server's marker names.
 */
export const serversDirName = 'servers'

/** The marker a server on this host writes for the build it loads code from; null when the build is never pruned. */
export function markerFileFor(dir: string, n: number): string | null {
  // Only builds under `<site root>/builds/` are ever pruned.
  if (path.basename(path.dirname(dir)) !== 'builds') return null
  return path.join(path.dirname(path.dirname(dir)), serversDirName, `${os.hostname()}-${process.pid}-${n}.json`)
}

/** Builds the site servers (on this machine, or any machine recently) still load code from. */
export function buildsInUse(root: string): Set<string> {
  const dir = path.join(root, serversDirName)
  const inUse = new Set<string>()
  if (!fs.existsSync(dir)) return inUse
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name)
    try {
      const marker = JSON.parse(fs.readFileSync(file, 'utf8')) as { host: string; pid: number; dir: string }
      let alive: boolean
      if (marker.host === os.hostname()) {
        try {
          process.kill(marker.pid, 0)
          alive = true
        } catch (error) {
          alive = (error as NodeJS.ErrnoException).code === 'EPERM'
        }
      } else alive = Date.now() - fs.statSync(file).mtimeMs < 3600_000
      if (alive) inUse.add(fs.realpathSync(marker.dir))
      else fs.rmSync(file, { force: true })
    } catch {
      // being written, or removed meanwhile
    }
  }
  return inUse
}

export const serverHashFile = 'server-hash'

/**
 * Written at the end of a build: the templates' hash, so on-demand code is loaded again
 * only when the templates changed (the bundle itself embeds the build's own paths).
 */
export function writeServerHash(outDir: string, templatesHash: string): void {
  fs.rmSync(path.join(outDir, serverHashFile), { force: true })
  fs.writeFileSync(path.join(outDir, serverHashFile), templatesHash)
}

/** The templates' hash a build was made with (undefined when it has none). */
export function readServerHash(dir: string): string | undefined {
  try {
    return fs.readFileSync(path.join(dir, serverHashFile), 'utf8')
  } catch {
    return undefined
  }
}
