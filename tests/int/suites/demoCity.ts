import fs from 'node:fs'
import path from 'node:path'

import { HtmlValidate, StaticConfigLoader } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../../../cms/model/env'
import { t } from '../../../cms/model/i18n'
import type { Snapshot } from '../../../cms/model/snapshot'
import { payloadSource } from '../../../cms/plugins/publishing/localSource'
import { loadContent } from '../../../cms/seed/load'
import { buildSite } from '../../../site/publisher/siteBuild'
import { htmlValidateConfig } from '../../support/htmlValidate'
import { seedDemo, startCms, type TestCms } from '../helpers'

/**
 * A demo city in another language, as `npm start -- --content content/demo-<locale>`
 * loads it with `ATVIRA_LOCALES=<locale>,en`: every file seeds, and the site built from
 * it is in that language, with its privacy notice and accessibility statement.
 */
export function demoCitySuite(locale: 'uk' | 'el', script: RegExp): void {
  const contentDir = path.join(rootDir, 'content', `demo-${locale}`)
  let cms: TestCms
  let snapshot: Snapshot
  // Inside the repository: a build resolves its packages from the repository's node_modules.
  const work = path.join(rootDir, 'data', `test-demo-${locale}-${process.pid}`)
  const outDir = path.join(work, 'site')

  beforeAll(async () => {
    cms = await startCms({ env: { ATVIRA_LOCALES: `${locale},en`, ATVIRA_SITE_ROOT: path.join(work, 'root') } })
    const report = await seedDemo(cms, contentDir, [locale, 'en'])
    expect(report.created.length).toBeGreaterThan(20)
    const env = { ...process.env, SITE_URL: `https://www.demo-${locale}.example` }
    ;({ snapshot } = await buildSite({ outDir, snapshotFile: path.join(work, 'snapshot.json'), source: payloadSource(cms.payload), env, log: () => {} }))
  }, 300_000)

  afterAll(async () => {
    await cms?.close()
    fs.rmSync(work, { recursive: true, force: true })
  })

  describe(`the ${locale} demo city (content/demo-${locale})`, () => {
    it('has what a person needs to see the city working: news, guides, answers, services, a consultation, the legal pages', () => {
      const docs = snapshot.content[locale]!.docs
      const count = (c: string) => docs.filter((d) => d.collection === c).length
      expect(count('news')).toBeGreaterThanOrEqual(10)
      expect(count('guides')).toBeGreaterThanOrEqual(3)
      expect(count('handbook')).toBeGreaterThanOrEqual(5)
      expect(count('services')).toBeGreaterThanOrEqual(4)
      expect(count('consultations')).toBeGreaterThanOrEqual(1)
      expect(count('pages')).toBeGreaterThanOrEqual(3)
      for (const d of docs) expect(`${d.title}`, `${d.collection} ${d.url}`).toMatch(script)
      expect(snapshot.content.en!.docs.filter((d) => d.collection === 'news').length).toBeGreaterThanOrEqual(10)
    })

    it('has demo staff of its own: one per role, named in the language, at the city\'s domain', () => {
      const staff = loadContent(contentDir, [locale, 'en'], locale).staff!
      expect(staff.map((p) => p.role).sort()).toEqual(['admin', 'author', 'editor'])
      const domain = snapshot.content[locale]!.settings.contact?.email?.split('@')[1]
      for (const p of staff) {
        expect(p.name).toMatch(script)
        expect(p.email.split('@')[1]).toBe(domain)
      }
    })

    it('builds a home page in the language, with its top tasks and the city declined in its settings', () => {
      const settings = snapshot.content[locale]!.settings
      expect(settings.cityName).toMatch(script)
      expect(settings.cityNameCases?.genitive).toMatch(script)
      expect(settings.topTasks.length).toBeGreaterThanOrEqual(4)
      const home = fs.readFileSync(path.join(outDir, 'client', 'index.html'), 'utf8')
      expect(home).toContain(`<html lang="${locale}"`)
      expect(home).toContain(t(locale, 'home.heading'))
      for (const task of settings.topTasks) expect(home).toContain(`href="${task.url}"`)
    })

    it('every page of its content (Markdown, images, hours, a consultation form) passes html-validate, in its language', async () => {
      const client = path.join(outDir, 'client')
      const files = fs.readdirSync(client, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name))
      expect(files.length).toBeGreaterThan(40)
      const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig))
      const problems: string[] = []
      for (const file of files) {
        const rel = path.relative(client, file)
        const html = fs.readFileSync(file, 'utf8')
        if (!rel.startsWith('404')) expect(/<html lang="([^"]+)"/.exec(html)?.[1], rel).toBe(rel.startsWith('en/') ? 'en' : locale)
        for (const r of (await validator.validateString(html, rel)).results) for (const m of r.messages) problems.push(`${rel}: ${m.ruleId}: ${m.message}`)
      }
      expect(problems).toEqual([])
    })
  })
}
