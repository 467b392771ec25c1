import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { rootDir } from '../../cms/lib/env'
import { rng, vocabulary } from './corpus'

/**
 * Publish → live on a CMS holding 10,000 generated documents: the time from the
 * publish call returning to the new page being served by the site server, with the job
 * runner doing what it does in production. Beside it: a full build, and the Astro
 * floor (the same pages rendered from the snapshot JSON, no CMS read).
 */

export type PublishBench = {
  documents: number
  pages: number
  fillSeconds: number
  fullBuildMs: number
  floorMs: number
  publishToLiveMs: number[]
  modes: string[]
}

const work = path.join(rootDir, 'data/bench/publish')

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

export async function benchPublish(documents = 10_000, publishes = 5, log = console.log): Promise<PublishBench> {
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
  const { publishSite } = await import('../lib/publish')
  const { buildSite } = await import('../lib/siteBuild')
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

  log('Full build…')
  let started = Date.now()
  const full = await publishSite({ payload, full: true, log: () => {} })
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
  child(['scripts/jobs.ts', '--interval', '250'])
  const site = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${site}/`)).ok) break
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 200))
  }

  const publishToLiveMs: number[] = []
  const docs = await payload.find({ collection: 'news', limit: publishes, sort: '-publishedAt', overrideAccess: true, depth: 0 })
  // The runner and the server must not outlive the benchmark, even when it fails.
  const stopChildren = () => children.forEach((c) => c.kill('SIGTERM'))
  process.once('exit', stopChildren)
  for (const [n, doc] of docs.docs.entries()) {
    const marker = `Pakeitimas ${Date.now()} ${n}`
    await payload.update({ collection: 'news', id: doc.id, data: { title: marker }, overrideAccess: true })
    const t = Date.now()
    const url = `${site}/naujienos/${doc.slug}/`
    for (;;) {
      const html = await (await fetch(url)).text().catch(() => '')
      if (html.includes(marker)) break
      if (Date.now() - t > 900_000) throw new Error(`the change never went live: ${url}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    publishToLiveMs.push(Date.now() - t)
    log(`  publish ${n + 1}: ${((Date.now() - t) / 1000).toFixed(1)} s`)
  }
  const rows = await payload.find({ collection: 'site-builds', sort: '-requestedAt', limit: publishes, overrideAccess: true })
  stopChildren()
  await payload.destroy()
  return {
    documents,
    pages: full.pages,
    fillSeconds,
    fullBuildMs,
    floorMs,
    publishToLiveMs,
    modes: rows.docs.map((r) => `${r.mode}:${r.durationMs}ms`),
  }
}
