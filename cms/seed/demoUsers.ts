import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { settings } from '../model/env'
import type { demoRoles } from './schema'

export type DemoUser = { email: string; name: string; role: (typeof demoRoles)[number]; password: string }

/**
 * Demo-only accounts. Passwords are random per installation and kept out of the repo
 * (ATVIRA_DEMO_CREDENTIALS moves the file, e.g. for a throwaway installation in a test).
 */
export const credentialsFile = settings().ATVIRA_DEMO_CREDENTIALS

export type DemoPerson = Omit<DemoUser, 'password'>

/** Pajūris's staff; another demo set names its own in `staff.json`. */
export const pajurisStaff: DemoPerson[] = [
  { email: 'admin@pajuris.example', name: 'Aušra Administratorė', role: 'admin' },
  { email: 'editor@pajuris.example', name: 'Eglė Redaktorė', role: 'editor' },
  { email: 'author@pajuris.example', name: 'Andrius Autorius', role: 'author' },
]

export function demoUsers(file: string = credentialsFile, people: DemoPerson[] = pajurisStaff): DemoUser[] {
  if (fs.existsSync(file)) {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoUser[]
    // Kept passwords belong to these people only (another demo set has other staff).
    const same = Array.isArray(saved) && saved.length === people.length && people.every((p) => saved.some((u) => u.email === p.email && u.role === p.role))
    if (same) return saved
  }
  const users = people.map((p) => ({ ...p, password: `demo-${crypto.randomBytes(9).toString('base64url')}` }))
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(users, null, 2)}\n`, { mode: 0o600 })
  return users
}

export function formatCredentials(users: DemoUser[]): string {
  const width = Math.max(...users.map((u) => u.email.length))
  return users.map((u) => `  ${u.role.padEnd(7)} ${u.email.padEnd(width)} ${u.password}`).join('\n')
}
