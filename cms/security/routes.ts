import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { messages } from './messages'
import { errorResponse } from './responses'

/**
 * Requests Payload would answer with a 500: the versions of a collection or global that
 * keeps none (the query hits a table that does not exist), and an upload whose file is
 * gone from the disk. Both are the client asking for something that is not there: 404.
 */
export function routeRefusal(payload: Payload, pathname: string, method: string): Response | null {
  const apiRoute = payload.config.routes.api
  if (!pathname.startsWith(`${apiRoute}/`)) return null
  const segments = pathname.slice(apiRoute.length + 1).split('/').map((s) => safeDecode(s))

  const [first, second, third] = segments
  if (first === 'globals' && second && third === 'versions') {
    const global = payload.config.globals.find((g) => g.slug === second)
    if (global && !global.versions) return errorResponse(404, messages.noVersions(second))
    return null
  }
  const collection = first ? payload.collections[first as keyof typeof payload.collections]?.config : undefined
  if (!collection) return null
  if (second === 'versions' && !collection.versions) return errorResponse(404, messages.noVersions(collection.slug))
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
