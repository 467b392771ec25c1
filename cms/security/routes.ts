import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { messages } from './messages'
import { errorResponse } from './responses'

/**
 * Requests Payload would answer with a 500, each the client asking for something that
 * is not there: the versions of a collection or global that keeps none (the query hits
 * a table that does not exist), an upload whose file is gone from the disk, e-mail
 * verification on accounts that have none, a document id the database cannot hold
 * (SQLite ids are whole numbers), and a page number past any list (the offset
 * overflows).
 */
export function routeRefusal(payload: Payload, url: URL, method: string): Response | null {
  const apiRoute = payload.config.routes.api
  const { pathname } = url
  if (!pathname.startsWith(`${apiRoute}/`)) return null
  const segments = pathname.slice(apiRoute.length + 1).split('/').map((s) => safeDecode(s))
  const page = url.searchParams.get('page')
  if (page !== null && Number(page) > 1_000_000) return errorResponse(400, messages.badPage)

  const [first, second, third] = segments
  if (first === 'globals' && second && third === 'versions') {
    const global = payload.config.globals.find((g) => g.slug === second)
    if (global && !global.versions) return errorResponse(404, messages.noVersions(second))
    return null
  }
  const collection = first ? payload.collections[first as keyof typeof payload.collections]?.config : undefined
  if (!collection) return null
  if (second === 'versions' && !collection.versions) return errorResponse(404, messages.noVersions(collection.slug))
  if (second === 'verify' && collection.auth && !collection.auth.verify) return errorResponse(404, messages.notFound)
  if (second && segments.length === 2 && payload.db.defaultIDType === 'number' && !/^\d+$/.test(second)) {
    // `/:id`, unless the segment names one of the collection's own endpoints for this
    // method (`GET /count`, `POST /login`…). `GET /access` is not one (`POST /access/:id` is)
    // and reached the database as an id.
    const verb = method === 'HEAD' ? 'get' : method.toLowerCase()
    const serves = (e: { path: string; method: string }, at: string) => e.path === at && (method === 'OPTIONS' || e.method === verb)
    const endpoint =
      (collection.endpoints || []).some((e) => serves(e, `/${second}`)) || (payload.config.endpoints || []).some((e) => serves(e, `/${first}/${second}`))
    if (!endpoint) return errorResponse(404, messages.notFound)
  }
  if (second === 'file' && third && (method === 'GET' || method === 'HEAD') && collection.upload && !collection.upload.handlers?.length) {
    const dir = path.resolve(collection.upload.staticDir || collection.slug)
    const file = path.resolve(dir, third)
    // Names that leave the directory are Payload's to refuse (400); only missing files are ours.
    if (file.startsWith(dir + path.sep) && !fs.existsSync(file)) return errorResponse(404, messages.fileMissing)
  }
  return null
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
