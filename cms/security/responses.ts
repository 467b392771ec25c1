import { both, type Words } from './messages'

/** An error answer in Payload's own shape (`{ errors: [{ message }] }`), never cached. */
export function errorResponse(status: number, message: Words, headers: Record<string, string> = {}): Response {
  return Response.json(
    { errors: [{ message: both(message) }] },
    { status, headers: { 'cache-control': 'no-store', ...headers } },
  )
}
