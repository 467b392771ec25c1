import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { rootDir } from '../../cms/model/env'
import { rng, vocabulary } from './corpus'

/**
 * Publish → live on a CMS holding 10,000 generated documents: the time from the
 * publish call returning to the new page being served by the site server (or, for an
 * unpublish, to the page answering 404), with the job runner doing what it does in
 * production. Three cases, each sampled several times on a warm runner: an edit of a
 * published article's title, the first publication of a new article (newest first: it
 * shifts every list page it appears on), and an unpublish. The runner's first update
 * after it starts (it reads every document once) is reported apart as the cold sample.
 * Beside them: a full build, and the Astro floor (the same pages rendered from the
 * snapshot JSON, no CMS read).
 */

export type PublishCase = 'edit' | 'publish' | 'unpublish'

export type PublishBench = {
  documents: number
  pages: number
  fillSeconds: number
  fullBuildMs: number
  floorMs: number
  /** The runner's first update after it started (an edit). */
  coldMs: number
  coldDetail: string
  /** Warm samples per case, in ms. */
  samples: Record<PublishCase, number[]>
  /** What each sample's update did (the build status view's detail), per case. */
  details: Record<PublishCase, string[]>
}

/** Kept between runs; a smaller count has a CMS of its own, so it never reuses the big one. */
const workFor = (documents: number) => path.join(rootDir, documents === 10_000 ? 'data/bench/publish' : `data/bench/publish-${documents}`)

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

function paragraph(text: string) {
  return {
    root: {
      type: 'root', format: '', indent: 0, version: 1, direction: 'ltr',
      children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0,
        children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] }],
    },
  }
}

export async function benchPublish(documents = 10_000, samples = 5, log = console.log): Promise<PublishBench> {
  const work = workFor(documents)
  fs.mkdirSync(work, { recursive: true })
  const secretFile = path.join(work, 'secret')
  if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, crypto.randomBytes(24).toString('hex'))
  Object.assign(process.env, {
    DATABASE_URL: `file:${path.join(work, 'cms.db')}`,
    PAYLOAD_SECRET: fs.readFileSync(secretFile, 'utf8'),
    MEDIA_DIR: path.join(work, 'media'),
    ATVIRA_SITE_ROOT: path.join(work, 'site'),
    SITE_URL: 'http://127.0.0.1:4321',
  })
  const { openPayload } = await import('../lib/payload')
  const { publishSite } = await import('../../site/publisher/publish')
  const { payloadSource } = await import('../../cms/plugins/publishing/localSource')
  const { buildSite } = await import('../../site/publisher/siteBuild')
  const payload = await openPayload({ migrate: true })
  const ctx = { atviraSeeding: true }

  // Fill the CMS once (kept between runs): adapter-level inserts, both locales at once.
  let fillSeconds = 0
  const have = (await payload.count({ collection: 'news', overrideAccess: true })).totalDocs
  if (have < documents) {
    log(`Filling the CMS with ${documents - have} generated documents (kept for later runs)…`)
    const started = Date.now()
    await payload.updateGlobal({ slug: 'settings', data: { cityName: 'Pajūris', _status: 'published' } as never, context: ctx })
    const topic = await payload.create({ collection: 'topics', data: { name: 'Tema', slug: 'tema', _status: 'published' } as never, context: ctx })
    const random = rng(11)
    const words = { lt: vocabulary('lt'), en: vocabulary('en') }
    const text = (l: 'lt' | 'en', n: number) => Array.from({ length: n }, () => words[l][Math.floor(random() * words[l].length)]).join(' ')
    for (let i = have; i < documents; i++) {
      await payload.db.create({
        collection: 'news',
        data: {
          title: { lt: `${text('lt', 6)} ${i}`, en: `${text('en', 6)} ${i}` },
          slug: { lt: `naujiena-${i}`, en: `news-${i}` },
          summary: { lt: text('lt', 20), en: text('en', 20) },
          body: { lt: paragraph(text('lt', 300)), en: paragraph(text('en', 300)) },
          topics: [topic.id],
          department: { lt: 'Skyrius', en: 'Department' },
          _status: 'published',
          publishedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
        } as never,
      })
      if ((i + 1) % 2000 === 0) log(`  ${i + 1}/${documents}`)
    }
    fillSeconds = (Date.now() - started) / 1000
  }

  const topicId = (await payload.find({ collection: 'topics', limit: 1, overrideAccess: true, depth: 0 })).docs[0]!.id

  log('Full build…')
  let started = Date.now()
  const full = await publishSite({ source: payloadSource(payload), full: true, log: () => {} })
  const fullBuildMs = Date.now() - started

  log('Astro floor (the same pages from the snapshot JSON)…')
  const snapshot = JSON.parse(fs.readFileSync(path.join(full.buildDir, 'snapshot.json'), 'utf8'))
  started = Date.now()
  await buildSite({ outDir: path.join(work, 'floor'), snapshotFile: path.join(work, 'floor.snapshot.json'), snapshot, log: () => {} })
  const floorMs = Date.now() - started
  fs.rmSync(path.join(work, 'floor'), { recursive: true, force: true })

  const port = await freePort()
  const children: ChildProcess[] = []
  const child = (args: string[]) => {
    const c = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: rootDir, env: process.env, stdio: 'ignore' })
    children.push(c)
  }
  child(['scripts/site-server.ts', '--dir', path.join(work, 'site', 'current'), '--port', String(port)])
  // As npm start runs it (its 1 s poll is part of every sample).
  child(['scripts/jobs.ts'])
  const site = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${site}/`)).ok) break
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 200))
  }

  // The runner and the server must not outlive the benchmark, even when it fails.
  const stopChildren = () => children.forEach((c) => c.kill('SIGTERM'))
  process.once('exit', stopChildren)
  const body = paragraph(Array.from({ length: 300 }, (_, i) => `žodis${i}`).join(' '))

  /** Time from `change` returning until `served` holds, and what the update did. */
  async function sample(what: string, change: () => Promise<{ id: number | string; url: string }>, served: (status: number, html: string) => boolean) {
    const { id, url } = await change()
    const t = Date.now()
    for (;;) {
      const res = await fetch(`${site}${url}`).catch(() => null)
      if (res && served(res.status, await res.text())) break
      if (Date.now() - t > 900_000) throw new Error(`${what} never went live: ${url}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    const ms = Date.now() - t
    // The newest update that carries this change (it may have joined one already queued).
    const rows = await payload.find({ collection: 'site-builds', sort: '-requestedAt', limit: 20, overrideAccess: true })
    const row = rows.docs.find((r) => ((r.changes as { id?: unknown }[]) ?? []).some((c) => String(c.id) === String(id)))
    const detail = `${row?.mode ?? '?'} ${row?.durationMs ?? '?'} ms: ${row?.detail ?? row?.error?.slice(0, 200) ?? ''}`
    log(`  ${what}: ${(ms / 1000).toFixed(1)} s (${detail})`)
    // The next sample starts from a quiet queue.
    for (;;) {
      const pending = await payload.count({ collection: 'site-builds', where: { status: { in: ['queued', 'running'] } }, overrideAccess: true })
      if (pending.totalDocs === 0) break
      await new Promise((r) => setTimeout(r, 200))
    }
    return { ms, detail }
  }

  const existing = await payload.find({ collection: 'news', where: { _status: { equals: 'published' } }, limit: 2 * samples + 1, sort: '-publishedAt', overrideAccess: true, depth: 0 })
  const [coldDoc, ...rest] = existing.docs
  const toEdit = rest.slice(0, samples)
  const toUnpublish = rest.slice(samples, 2 * samples)
  const edit = (doc: { id: number | string; slug?: unknown }, n: string) => {
    const marker = `Pakeitimas ${Date.now()} ${n}`
    return sample(
      `edit ${n}`,
      async () => {
        await payload.update({ collection: 'news', id: doc.id, data: { title: marker }, overrideAccess: true })
        return { id: doc.id, url: `/naujienos/${doc.slug}/` }
      },
      (status, html) => status === 200 && html.includes(marker),
    )
  }

  log('Cold: the first update since the runner started')
  const cold = await edit(coldDoc!, 'cold')
  const results: Record<PublishCase, { ms: number; detail: string }[]> = { edit: [], publish: [], unpublish: [] }
  const publishNew = (i: number) => {
    const title = `Nauja naujiena ${Date.now()} ${i}`
    return sample(
      `publish ${i}`,
      async () => {
        const doc = await payload.create({
          collection: 'news',
          data: { title, summary: 'Santrauka', body, topics: [topicId], _status: 'published', publishedAt: new Date().toISOString() } as never,
          overrideAccess: true,
        })
        return { id: doc.id, url: `/naujienos/${doc.slug}/` }
      },
      (status, html) => status === 200 && html.includes(title),
    )
  }
  const unpublish = (doc: { id: number | string; slug?: unknown }, i: number) =>
    sample(
      `unpublish ${i}`,
      async () => {
        await payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' }, overrideAccess: true })
        return { id: doc.id, url: `/naujienos/${doc.slug}/` }
      },
      (status) => status === 404,
    )
  // Rounds of one of each (a new article, an edit, an unpublish), so that the runner
  // warming up and the machine's load over the run weigh on every case alike.
  log('Rounds: a new article (the newest, on top of its lists), an edit, an unpublish')
  for (let i = 1; i <= samples; i++) {
    results.publish.push(await publishNew(i))
    results.edit.push(await edit(toEdit[i - 1]!, String(i)))
    results.unpublish.push(await unpublish(toUnpublish[i - 1]!, i))
  }
  stopChildren()
  await payload.destroy()
  const pick = (f: (r: { ms: number; detail: string }) => number | string) =>
    Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.map(f)])) as never
  return {
    documents,
    pages: full.pages,
    fillSeconds,
    fullBuildMs,
    floorMs,
    coldMs: cold.ms,
    coldDetail: cold.detail,
    samples: pick((r) => r.ms),
    details: pick((r) => r.detail),
  }
}
