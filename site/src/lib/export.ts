import type { Payload } from 'payload'
import fs from 'node:fs'
import path from 'node:path'

import { getTimeZone } from '../../../cms/lib/locales'
import { buildSnapshot } from './snapshot'
import { openContentSource } from './source'
import type { Snapshot } from './types'

/** Reads the CMS once and writes the snapshot the Astro build renders from. */
export async function exportSnapshot(
  outFile: string,
  env: NodeJS.ProcessEnv = process.env,
  payload?: Payload,
): Promise<Snapshot> {
  const source = await openContentSource(env, payload)
  try {
    const snapshot = await buildSnapshot(source, {
      siteUrl: (env.SITE_URL || 'http://localhost:4321').replace(/\/$/, ''),
      timeZone: getTimeZone(),
    })
    fs.mkdirSync(path.dirname(outFile), { recursive: true })
    const tmp = `${outFile}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(snapshot))
    fs.renameSync(tmp, outFile)
    return snapshot
  } finally {
    await source.close()
  }
}
