import type { PayloadRequest } from 'payload'

export const roles = ['admin', 'editor', 'author'] as const
export type Role = (typeof roles)[number]

type MaybeUser = PayloadRequest['user'] | null | undefined

export function roleOf(user: MaybeUser): Role | null {
  const role = (user as { role?: unknown } | null | undefined)?.role
  return typeof role === 'string' && (roles as readonly string[]).includes(role) ? (role as Role) : null
}

export function hasRole(user: MaybeUser, ...allowed: Role[]): boolean {
  const role = roleOf(user)
  return role !== null && allowed.includes(role)
}
