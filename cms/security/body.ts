import { addDataAndFileToRequest, APIError, type Payload, type PayloadRequest } from 'payload'

import { messages } from './messages'
import { errorResponse } from './responses'

/** Payload's own ceiling for a multipart request (uploads); JSON documents are far smaller. */
const MULTIPART_LIMIT = 50 * 1048576
const JSON_LIMIT = 10 * 1048576

const withBody = new Set(['POST', 'PUT', 'PATCH'])

/** Reads the body, or null when it grows past `limit` bytes (the rest is not read). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  const reader = request.body!.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return bytes
}

/**
 * Payload parses request bodies inside its handlers, where a body it cannot parse
 * (invalid JSON in GraphQL, a broken multipart form, a `_payload` field that is not
 * JSON) becomes a 500 with a stack trace in the log. The body is read here first and
 * parsed once with Payload's own parser on a copy: whatever that parser refuses is the
 * client's mistake and gets a 400 (413 when too large). Otherwise the handler gets a
 * new request with the same bytes.
 */
export async function checkBody(request: Request, payload: Payload): Promise<Request | Response> {
  if (!withBody.has(request.method) || !request.body) return request
  const type = (request.headers.get('content-type') || '').split(';', 1)[0]!.trim().toLowerCase()
  const multipart = type.includes('multipart/')
  if (type !== 'application/json' && !multipart) return request
  const limit = multipart ? MULTIPART_LIMIT : JSON_LIMIT
  if (Number(request.headers.get('content-length') || 0) > limit) return errorResponse(413, messages.bodyTooLarge(limit))
  const bytes = await readLimited(request, limit)
  if (!bytes) return errorResponse(413, messages.bodyTooLarge(limit))
  const copy = () => new Request(request.url, { method: request.method, headers: request.headers, body: bytes as BodyInit })
  // Payload compares the media type exactly, with its original case.
  const parsedByPayload = (request.headers.get('content-type') || '').split(';', 1)[0] === 'application/json' || multipart
  if (!parsedByPayload) return copy()
  try {
    const probe = Object.assign(copy(), { payload, routeParams: {} }) as unknown as PayloadRequest
    await addDataAndFileToRequest(probe)
  } catch (error) {
    const status = error instanceof APIError && error.status === 413 ? 413 : 400
    const detail = (error as Error).message || 'unreadable'
    return errorResponse(status, multipart ? messages.invalidMultipart(detail) : messages.invalidJson(detail))
  }
  return copy()
}
