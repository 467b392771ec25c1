/**
 * Loads the demo city from content/ into the CMS. Validates every file first, shows
 * progress, never fires publish side effects, and a second run changes nothing.
 */
import path from 'node:path'

import { rootDir } from '../cms/model/env'
import { getDefaultLocale, getLocaleCodes } from '../cms/model/locales'
import { credentialsFile, demoUsers, formatCredentials } from '../cms/seed/demoUsers'
import { loadContent, SeedValidationError } from '../cms/seed/load'
import { makeAssets } from './lib/assets'
import { fail, parseFlags, progress } from './lib/cli'
import { openPayload } from './lib/payload'

const usage = `Usage: npm run seed -- [--content <dir>] [--no-demo-users]

  --content <dir>    folder with the seed files (default: content)
  --no-demo-users    do not create the demo staff accounts`

const flags = parseFlags(
  process.argv.slice(2),
  { content: { type: 'string' }, 'no-demo-users': { type: 'boolean' }, help: { type: 'boolean' } },
  usage,
)
if (flags.help) {
  console.log(usage)
  process.exit(0)
}

const contentDir = path.resolve(rootDir, flags.content ?? 'content')

async function main() {
  let content
  try {
    content = loadContent(contentDir, getLocaleCodes(), getDefaultLocale())
  } catch (error) {
    if (error instanceof SeedValidationError) {
      fail(`${error.message}\nNothing was written. Fix the files above and run \`npm run seed\` again.`)
    }
    throw error
  }

  const assetBar = progress('Drawing images and PDFs')
  const assets = await makeAssets({
    contentDir,
    outDir: path.join(rootDir, 'data/assets'),
    onProgress: (done, total, label) => assetBar.update(done, total, label),
  })
  assetBar.stop()

  const staff = flags['no-demo-users'] ? [] : demoUsers(credentialsFile, content.staff ?? undefined)
  const payload = await openPayload({ migrate: true })
  const bar = progress('Seeding')
  const report = await (await import('../cms/seed/index')).seed(payload, {
    content,
    assets,
    demoUsers: staff,
    onProgress: ({ done, total, label }) => bar.update(done, total, label),
  })
  bar.stop()

  const changed = report.created.length + report.updated.length
  if (changed === 0) {
    console.log(`Nothing changed: all ${report.unchanged} seed documents are already up to date.`)
  } else {
    console.log(
      `Seeded: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged} unchanged.`,
    )
  }
  if (report.users.length) {
    const created = report.users.filter((u) => u.created).length
    console.log(
      `Demo staff accounts (demo only, never use on a public server)${created ? '' : ', unchanged'}:\n` +
        `${formatCredentials(staff)}\n  (saved in ${path.relative(rootDir, credentialsFile)})`,
    )
  }
  await payload.destroy()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    console.error('Seeding stopped. Fix the problem above and run `npm run seed` again; finished files are kept.')
    process.exit(1)
  },
)
