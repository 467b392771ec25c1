import { executeAuthStrategies, getPayload, type Payload, type SanitizedConfig } from 'payload'

import { checkBody } from './body'
import { clientOf } from './clientAddress'
import { graphqlRequestProblem } from './graphql'
import { consume, enter, type Bucket } from './limits'
import { messages } from './messages'
import { errorResponse } from './responses'
import { routeRefusal } from './routes'

type Handler<C> = (request: Request, context: C) => Promise<Response>

/** A session cookie or an Authorization header: the request claims to be staff. */
function claimsStaff(headers: Headers): boolean {
  return headers.has('authorization') || /(?:^|;\s*)payload-token=/.test(headers.get('cookie') ?? '')
}

/** The signed-in account, checked the way Payload checks it (JWT or API key), or null. */
async function staffAccount(payload: Payload, headers: Headers, isGraphQL: boolean): Promise<string | null> {
  if (!claimsStaff(headers)) return null
  try {
    const { user } = await executeAuthStrategies({ headers, payload, isGraphQL, canSetHeaders: false })
    return user ? `${user.collection}:${user.id}` : null
  } catch {
    return null
  }
}

/**
 * Wraps Payload's REST and GraphQL route handlers (cms/app/(payload)/api/): the
 * per-client rate limit first, then, for anonymous clients, a place among the requests
 * answered at once (both refusals cost no database work), then the requests Payload
 * would answer with a 500 (see routes.ts and body.ts).
 * Route handlers are the one place every API request passes with Payload at hand:
 * a Next proxy would run without Payload, and so could not tell staff from the public.
 */
export function guarded<C>(config: Promise<SanitizedConfig> | SanitizedConfig, api: 'rest' | 'graphql', handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const payload = await getPayload({ config })
    const staff = await staffAccount(payload, request.headers, api === 'graphql')
    const bucket: Bucket = staff ? 'staff' : api === 'graphql' ? 'anonymousGraphql' : 'anonymous'
    const client = clientOf(request.headers)
    const wait = await consume(bucket, staff ?? client)
    if (wait !== null) return errorResponse(429, messages.tooManyRequests(wait), { 'retry-after': String(wait) })
    if (staff) return answer(payload, api, request, context, handler)
    const leave = enter(client)
    if (!leave) return errorResponse(429, messages.busy, { 'retry-after': '1' })
    try {
      return await answer(payload, api, request, context, handler)
    } finally {
      leave()
    }
  }
}

/** The requests Payload would answer with a 500 are answered here; the rest go to Payload. */
async function answer<C>(payload: Payload, api: 'rest' | 'graphql', request: Request, context: C, handler: Handler<C>): Promise<Response> {
  const refusal = routeRefusal(payload, new URL(request.url), request.method)
  if (refusal) return refusal
  const checked = await checkBody(request, payload)
  if (checked instanceof Response) return checked
  if (api === 'graphql') {
    const problem = await graphqlRequestProblem(checked.clone())
    if (problem) return errorResponse(400, problem)
  }
  return handler(checked, context)
}
