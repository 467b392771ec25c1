import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { isSet, rootDir } from '../../cms/model/env'

/**
 * First run on a fresh clone: create .env from .env.example with a random secret, so
 * that no secret ever lives in the repository.
 */
export function ensureDotEnv(): { created: boolean; file: string } {
  const file = path.join(rootDir, '.env')
  if (fs.existsSync(file)) return { created: false, file }
  if (isSet('PAYLOAD_SECRET')) return { created: false, file }
  const example = fs.readFileSync(path.join(rootDir, '.env.example'), 'utf8')
  const secret = crypto.randomBytes(32).toString('base64url')
  fs.writeFileSync(file, example.replace(/^PAYLOAD_SECRET=.*$/m, `PAYLOAD_SECRET=${secret}`), { mode: 0o600 })
  return { created: true, file }
}
