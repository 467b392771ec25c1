import path from 'node:path'

import type { Payload } from 'payload'

import { rootDir } from '../../cms/model/env'
import { run } from '../../site/publisher/processes'

/**
 * Migrations, and the demo city when the database is empty (unless `noSeed`): Pajūris
 * from content/, or another demo set (`content/demo-uk`, `content/demo-el`).
 */
export async function prepareDatabase(payload: Payload, options: { noSeed?: boolean; content?: string; signal?: AbortSignal } = {}): Promise<void> {
  console.log('Applying database migrations…')
  await payload.db.migrate()
  const users = await payload.count({ collection: 'users', overrideAccess: true })
  const news = await payload.count({ collection: 'news', overrideAccess: true })
  if (options.noSeed || users.totalDocs > 0 || news.totalDocs > 0) {
    console.log('Database ready.')
    return
  }
  console.log(options.content ? `The database is empty: loading the demo content of ${options.content}…` : 'The database is empty: loading the demo city Pajūris…')
  const content = options.content ? ['--content', options.content] : []
  await run(process.execPath, [path.join(rootDir, 'node_modules/tsx/dist/cli.mjs'), 'scripts/seed.ts', ...content], { signal: options.signal })
}
