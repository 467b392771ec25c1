import { both, type Bilingual } from './messages'

/** An error answer in Payload's own shape (`{ errors: [{ message }] }`), never cached. */
export function errorResponse(status: number, message: Bilingual, headers: Record<string, string> = {}): Response {
  return Response.json(
    { errors: [{ message: both(message) }] },
    { status, headers: { 'cache-control': 'no-store', ...headers } },
  )
}
