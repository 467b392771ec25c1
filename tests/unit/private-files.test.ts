/**
 * The database, outbox, media and backups are owner-only whatever the umask: run here
 * with umask 000, where anything left to defaults would be world-writable.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import nodemailer from 'nodemailer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fileTransport } from '../../cms/lib/fileTransport'
import { privateDir, privateFile, privateUploads } from '../../cms/lib/privateFiles'
import { replaceWithCopy } from '../../site/publisher/output'

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-perm-'))
const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8)
let umask: number

beforeAll(() => {
  umask = process.umask(0)
})
afterAll(() => {
  process.umask(umask)
  fs.rmSync(work, { recursive: true, force: true })
})

describe('owner-only files', () => {
  it('privateDir makes every directory it creates 0700 and leaves an existing one outside data/ alone', () => {
    const dir = privateDir(path.join(work, 'a/b/c'))
    for (const d of ['a', 'a/b', 'a/b/c']) expect(mode(path.join(work, d)), d).toBe('700')
    const shared = path.join(work, 'shared')
    fs.mkdirSync(shared, { mode: 0o755 })
    fs.chmodSync(shared, 0o755)
    privateDir(path.join(shared, 'inner'))
    expect(mode(shared)).toBe('755')
    expect(mode(path.join(shared, 'inner'))).toBe('700')
    privateFile(path.join(dir, 'atvira.db'))
    expect(mode(path.join(dir, 'atvira.db'))).toBe('600')
  })

  it('the outbox: directory 0700, each .eml 0600 (they hold password-reset links)', async () => {
    const outbox = path.join(work, 'outbox')
    const transport = nodemailer.createTransport(fileTransport(outbox))
    const info = (await transport.sendMail({ from: 'a@pajuris.example', to: 'b@pajuris.example', subject: 'Slaptažodžio keitimas', text: 'https://…/reset/token' })) as unknown as { file: string }
    expect(mode(outbox)).toBe('700')
    expect(mode(info.file)).toBe('600')
  })

  it('uploads: the directory 0700, the original and every size 0600 once written; their copies in a build are public', async () => {
    const staticDir = path.join(work, 'media/images')
    const collection = privateUploads({ slug: 'media', upload: { staticDir }, fields: [] })
    expect(mode(staticDir)).toBe('700')
    for (const name of ['uostas.jpg', 'uostas-800x600.webp']) fs.writeFileSync(path.join(staticDir, name), 'x')
    expect(mode(path.join(staticDir, 'uostas.jpg'))).toBe('666')
    const hook = collection.hooks!.afterChange!.at(-1)!
    await hook({ doc: { filename: 'uostas.jpg', sizes: { card: { filename: 'uostas-800x600.webp' }, empty: { filename: null } } } } as never)
    expect(mode(path.join(staticDir, 'uostas.jpg'))).toBe('600')
    expect(mode(path.join(staticDir, 'uostas-800x600.webp'))).toBe('600')
    const published = path.join(work, 'build/client/media/uostas.jpg')
    replaceWithCopy(path.join(staticDir, 'uostas.jpg'), published)
    expect(mode(published)).toBe('644')
  })
})
