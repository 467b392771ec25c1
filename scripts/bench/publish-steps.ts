/**
 * One fast update on the publish benchmark's CMS (run `npm run bench -- publish` once
 * first), step by step: edits one article and runs publishSite with its log timed.
 * Usage: tsx scripts/bench/publish-steps.ts [count] [edit|unpublish]
 */
import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../../cms/model/env'

const work = path.join(rootDir, 'data/bench/publish')
Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(work, 'cms.db')}`,
  PAYLOAD_SECRET: fs.readFileSync(path.join(work, 'secret'), 'utf8'),
  MEDIA_DIR: path.join(work, 'media'),
  ATVIRA_SITE_ROOT: path.join(work, 'site'),
  SITE_URL: 'http://127.0.0.1:4321',
})
const { openPayload } = await import('../lib/payload')
const { publishSite } = await import('../../site/publisher/publish')
const { payloadSource } = await import('../../cms/plugins/publishing/localSource')
const payload = await openPayload()
const count = Number(process.argv[2] ?? 1)
const change = process.argv[3] ?? 'edit'
if (!Number.isInteger(count) || count < 1 || !['edit', 'unpublish'].includes(change)) {
  console.error('Usage: tsx scripts/bench/publish-steps.ts [count ≥ 1] [edit|unpublish]')
  process.exit(2)
}
const docs = await payload.find({ collection: 'news', limit: count, sort: '-publishedAt', where: { _status: { equals: 'published' } }, overrideAccess: true, depth: 0 })
for (const doc of docs.docs) {
  await payload.update({ collection: 'news', id: doc.id, data: change === 'edit' ? { title: `Pakeitimas ${Date.now()}` } : { _status: 'draft' }, overrideAccess: true, context: { atviraSeeding: true } })
  const started = Date.now()
  let last = started
  const result = await publishSite({
    source: payloadSource(payload),
    label: 'steps',
    log: (line) => {
      const now = Date.now()
      console.log(`${String(now - last).padStart(6)} ms  ${line}`)
      last = now
    },
  })
  console.log(`${String(Date.now() - last).padStart(6)} ms  (finish)`)
  console.log(`${result.mode}: ${result.renderedPages ?? result.pages} pages, ${Date.now() - started} ms in all`)
}
await payload.destroy()
process.exit(0)
