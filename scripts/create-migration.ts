/**
 * `npm run db:migration -- <name>`: generates a migration from the schema difference
 * and makes its type-only imports explicit, so every runtime (tsx, Vite) can load it.
 */
import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../cms/model/env'
import { run } from '../site/publisher/processes'

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- <name>   (lowercase letters, digits and underscores)')
  process.exit(2)
}

const dir = path.join(rootDir, 'cms/migrations/sqlite')
const before = new Set(fs.existsSync(dir) ? fs.readdirSync(dir) : [])
await run(process.execPath, [path.join(rootDir, 'node_modules/payload/bin.js'), 'migrate:create', name], {
  env: { ...process.env, PAYLOAD_CONFIG_PATH: 'cms/payload.config.ts' },
})
for (const file of fs.readdirSync(dir)) {
  if (before.has(file) || !file.endsWith('.ts')) continue
  const p = path.join(dir, file)
  fs.writeFileSync(
    p,
    fs
      .readFileSync(p, 'utf8')
      .replace(
        "import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'",
        "import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'",
      ),
  )
  console.log(`Wrote ${path.relative(rootDir, p)}`)
}
