/**
 * The role matrix as data: one row per cell, with the outcome the README's roles table
 * promises. tests/e2e/roles.e2e.test.ts runs every row against the built admin over HTTP
 * (Local API only where that is the only path) and fails on any cell that changes.
 *
 * Outcomes: `yes` the action took effect · `no` refused, nothing changed · `draft`
 * accepted only as a newer draft, what is live unchanged · `own` only the actor's own
 * never-published drafts · `self` only the actor's own account · `live` only files that
 * live content uses.
 */
export type Actor = 'anonymous' | 'author' | 'editor' | 'admin'
export const actors: Actor[] = ['anonymous', 'author', 'editor', 'admin']
export type Outcome = 'yes' | 'no' | 'draft' | 'own' | 'self' | 'live'

export const contentCollections = ['news', 'guides', 'leaflets', 'handbook', 'services', 'consultations', 'pages', 'topics', 'alerts'] as const
export type ContentCollection = (typeof contentCollections)[number]

/** Operations on every published-content collection, outcome per actor (anonymous, author, editor, admin). */
export const contentOperations = {
  'read published (REST)': ['yes', 'yes', 'yes', 'yes'],
  'read a draft by id (REST ?draft=true)': ['no', 'yes', 'yes', 'yes'],
  'list drafts (REST ?draft=true)': ['no', 'yes', 'yes', 'yes'],
  'create a draft': ['no', 'yes', 'yes', 'yes'],
  'create published': ['no', 'no', 'yes', 'yes'],
  'update a draft': ['no', 'yes', 'yes', 'yes'],
  'save a draft over live content': ['no', 'draft', 'draft', 'draft'],
  publish: ['no', 'no', 'yes', 'yes'],
  unpublish: ['no', 'no', 'yes', 'yes'],
  'update live content': ['no', 'no', 'yes', 'yes'],
  'delete own never-published draft': ['no', 'yes', 'yes', 'yes'],
  "delete another's draft": ['no', 'no', 'yes', 'yes'],
  'delete own draft that was once published': ['no', 'no', 'yes', 'yes'],
  'delete published': ['no', 'no', 'yes', 'yes'],
  'restore an old version over live content': ['no', 'no', 'yes', 'yes'],
  'restore an old version as a draft': ['no', 'draft', 'draft', 'draft'],
  'restore a published version over unpublished content': ['no', 'no', 'yes', 'yes'],
  duplicate: ['no', 'draft', 'draft', 'draft'],
  'bulk publish (PATCH ?where)': ['no', 'no', 'yes', 'yes'],
  'bulk update live content (PATCH ?where)': ['no', 'no', 'yes', 'yes'],
  'bulk delete (DELETE ?where)': ['no', 'own', 'yes', 'yes'],
  'read versions': ['no', 'yes', 'yes', 'yes'],
  'publish permission shown in the admin': ['no', 'no', 'yes', 'yes'],
  "bulk edit, publish and unpublish offered in the admin's list": ['no', 'no', 'yes', 'yes'],
  'GraphQL: read a draft': ['no', 'yes', 'yes', 'yes'],
  'GraphQL: create a draft': ['no', 'yes', 'yes', 'yes'],
  'GraphQL: publish': ['no', 'no', 'yes', 'yes'],
  'GraphQL: update live content': ['no', 'no', 'yes', 'yes'],
  'GraphQL: restore an old version over live content': ['no', 'no', 'yes', 'yes'],
  'GraphQL: restore an old version as a draft': ['no', 'draft', 'draft', 'draft'],
  'GraphQL: delete published': ['no', 'no', 'yes', 'yes'],
  'GraphQL: delete own never-published draft': ['no', 'yes', 'yes', 'yes'],
} as const satisfies Record<string, readonly [Outcome, Outcome, Outcome, Outcome]>
export type ContentOperation = keyof typeof contentOperations

/** Images (`media`) and documents: used = live content shows it; unused = only a draft does. */
export const fileOperations = {
  list: ['live', 'yes', 'yes', 'yes'],
  'download a used file': ['yes', 'yes', 'yes', 'yes'],
  'download a file only a draft uses': ['no', 'yes', 'yes', 'yes'],
  'upload a new file': ['no', 'yes', 'yes', 'yes'],
  'change details of a used file': ['no', 'no', 'yes', 'yes'],
  'change details of an unused file': ['no', 'yes', 'yes', 'yes'],
  'replace a used file in place': ['no', 'no', 'no', 'no'],
  'replace an unused file': ['no', 'yes', 'yes', 'yes'],
  'restore an older version of a used file': ['no', 'no', 'yes', 'yes'],
  'read versions': ['no', 'yes', 'yes', 'yes'],
  'delete an unused file': ['no', 'no', 'yes', 'yes'],
  'GraphQL: list': ['live', 'yes', 'yes', 'yes'],
} as const satisfies Record<string, readonly [Outcome, Outcome, Outcome, Outcome]>
export type FileOperation = keyof typeof fileOperations
export const fileCollections = ['media', 'documents'] as const

/** The settings global. */
export const settingsOperations = {
  'read published': ['yes', 'yes', 'yes', 'yes'],
  'read the draft (?draft=true)': ['no', 'yes', 'yes', 'yes'],
  'save a draft': ['no', 'no', 'yes', 'yes'],
  publish: ['no', 'no', 'yes', 'yes'],
  'read versions': ['no', 'yes', 'yes', 'yes'],
  'restore a version': ['no', 'no', 'yes', 'yes'],
  'GraphQL: publish': ['no', 'no', 'yes', 'yes'],
} as const satisfies Record<string, readonly [Outcome, Outcome, Outcome, Outcome]>
export type SettingsOperation = keyof typeof settingsOperations

/** Collections that are not published content: who may list them, and create in them through the API. */
export const systemCollections = {
  users: { list: ['no', 'self', 'self', 'yes'], create: ['no', 'no', 'no', 'yes'] },
  subscribers: { list: ['no', 'no', 'yes', 'yes'], create: ['no', 'no', 'no', 'yes'] },
  'consultation-responses': { list: ['no', 'no', 'yes', 'yes'], create: ['no', 'no', 'no', 'no'] },
  'content-changes': { list: ['no', 'no', 'yes', 'yes'], create: ['no', 'no', 'no', 'no'] },
  'newsletter-runs': { list: ['no', 'no', 'yes', 'yes'], create: ['no', 'no', 'no', 'no'] },
  'email-outbox': { list: ['no', 'no', 'no', 'yes'], create: ['no', 'no', 'no', 'no'] },
  'seed-records': { list: ['no', 'no', 'no', 'yes'], create: ['no', 'no', 'no', 'yes'] },
  'site-builds': { list: ['no', 'yes', 'yes', 'yes'], create: ['no', 'no', 'no', 'no'] },
  // Old addresses are public (the public saw them); editors and admins keep them.
  redirects: { list: ['yes', 'yes', 'yes', 'yes'], create: ['no', 'no', 'yes', 'yes'] },
  'payload-jobs': { list: ['no', 'no', 'no', 'no'], create: ['no', 'no', 'no', 'no'] },
} as const satisfies Record<string, { list: readonly Outcome[]; create: readonly Outcome[] }>

/**
 * Subscribers are personal data. Editors find a person and answer their data-protection
 * request (export, erase), one person at a time; only admins create, edit, delete rows
 * or download everyone (`export.csv`, under endpoints). Every path: REST, GraphQL, the
 * per-person endpoints.
 */
export const subscriberOperations = {
  'REST: search by address (list)': ['no', 'no', 'yes', 'yes'],
  'REST: read one': ['no', 'no', 'yes', 'yes'],
  'REST: count': ['no', 'no', 'yes', 'yes'],
  'REST: create': ['no', 'no', 'no', 'yes'],
  'REST: update': ['no', 'no', 'no', 'yes'],
  'REST: delete': ['no', 'no', 'no', 'yes'],
  'REST: bulk delete (DELETE ?where)': ['no', 'no', 'no', 'yes'],
  'GraphQL: find by address': ['no', 'no', 'yes', 'yes'],
  'GraphQL: count': ['no', 'no', 'yes', 'yes'],
  'GraphQL: update': ['no', 'no', 'no', 'yes'],
  'GraphQL: delete': ['no', 'no', 'no', 'yes'],
  "GET /api/subscribers/:id/export (one person's data)": ['no', 'no', 'yes', 'yes'],
  'POST /api/subscribers/:id/erase (the person and their data)': ['no', 'no', 'yes', 'yes'],
} as const satisfies Record<string, readonly [Outcome, Outcome, Outcome, Outcome]>
export type SubscriberOperation = keyof typeof subscriberOperations

/** Custom endpoints and the other single-purpose operations. */
export const endpointOperations = {
  'GET /api/subscribers/export.csv': ['no', 'no', 'no', 'yes'],
  'GET /api/subscribers/stats': ['no', 'no', 'yes', 'yes'],
  'GET /api/site-builds/for (a document on the site)': ['no', 'yes', 'yes', 'yes'],
  'POST /api/news/:id/review (submit a draft for review)': ['no', 'yes', 'yes', 'yes'],
  'POST /api/news/:id/review (return it with a comment)': ['no', 'no', 'yes', 'yes'],
  'GET /api/consultation-responses/export.csv': ['no', 'no', 'yes', 'yes'],
  'GET /api/consultation-responses/summary': ['no', 'no', 'yes', 'yes'],
  'GET /api/consultation-responses/public': ['yes', 'yes', 'yes', 'yes'],
  'GET /api/newsletter-runs/preview': ['no', 'no', 'yes', 'yes'],
  'POST /api/newsletter-runs/send-test': ['no', 'no', 'yes', 'yes'],
  'GET /api/payload-jobs/run': ['no', 'no', 'no', 'no'],
  'POST /api/payload-jobs/run': ['no', 'no', 'no', 'no'],
  'media: download an image size only a draft uses': ['no', 'yes', 'yes', 'yes'],
  'change own role to admin': ['no', 'no', 'no', 'yes'],
  'promote another account to editor': ['no', 'no', 'no', 'yes'],
  'GraphQL: list users': ['no', 'self', 'self', 'yes'],
  'admin server function: schedule publishing (Local)': ['no', 'no', 'yes', 'yes'],
  'admin server function: cancel a scheduled publish (Local)': ['no', 'no', 'yes', 'yes'],
} as const satisfies Record<string, readonly [Outcome, Outcome, Outcome, Outcome]>
export type EndpointOperation = keyof typeof endpointOperations

export type Row = { area: string; target: string; operation: string; actor: Actor; expected: Outcome }

const cells = <O extends string>(area: string, target: string, table: Record<O, readonly Outcome[]>): Row[] =>
  (Object.keys(table) as O[]).flatMap((operation) =>
    actors.map((actor, i) => ({ area, target, operation, actor, expected: table[operation][i]! })),
  )

/** Every cell of the matrix. */
export const rows: Row[] = [
  ...contentCollections.flatMap((c) => cells('content', c, contentOperations)),
  ...fileCollections.flatMap((c) => cells('files', c, fileOperations)),
  ...cells('settings', 'settings', settingsOperations),
  ...Object.entries(systemCollections).flatMap(([c, table]) => cells('system', c, table as Record<'list' | 'create', readonly Outcome[]>)),
  ...cells('subscribers', 'subscribers', subscriberOperations),
  ...cells('endpoints', 'endpoints', endpointOperations),
]
