import { executeAuthStrategies, getPayload, type Payload, type SanitizedConfig } from 'payload'

import { checkBody } from './body'
import { clientOf } from './clientAddress'
import { graphqlRequestProblem } from './graphql'
import { ADMITTED_HEADER, admitAnonymous, claimsStaff, consume, refusalText } from './limits'
import { errorResponse } from './responses'
import { routeRefusal } from './routes'

type Handler<C> = (request: Request, context: C) => Promise<Response>

/** The signed-in account, checked the way Payload checks it (JWT or API key), or null. */
async function staffAccount(payload: Payload, headers: Headers, isGraphQL: boolean): Promise<string | null> {
  if (!claimsStaff((name) => headers.get(name))) return null
  try {
    const { user } = await executeAuthStrategies({ headers, payload, isGraphQL, canSetHeaders: false })
    return user ? `${user.collection}:${user.id}` : null
  } catch {
    return null
  }
}

/**
 * Wraps Payload's REST and GraphQL route handlers (cms/app/(payload)/api/): signed-in
 * staff are checked the way Payload checks them and counted by account; anonymous
 * clients are counted by address, mostly as their requests arrive (incoming.ts: a
 * refusal there costs no work of Next's); then the requests Payload would answer with
 * a 500 (see routes.ts and body.ts).
 * Route handlers are the one place every API request passes with Payload at hand:
 * a Next proxy would run without Payload, and so could not tell staff from the public.
 */
export function guarded<C>(config: Promise<SanitizedConfig> | SanitizedConfig, api: 'rest' | 'graphql', handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const payload = await getPayload({ config })
    const staff = await staffAccount(payload, request.headers, api === 'graphql')
    if (staff) {
      const wait = await consume('staff', staff)
      if (wait !== null) return tooMany({ wait, busy: false })
      return answer(payload, api, request, context, handler)
    }
    // Anonymous requests without credentials were admitted as they arrived (incoming.ts);
    // those with credentials that turned out not to be staff are admitted here.
    if (request.headers.get(ADMITTED_HEADER) === '1') return answer(payload, api, request, context, handler)
    const admission = await admitAnonymous(api === 'graphql' ? 'anonymousGraphql' : 'anonymous', clientOf(request.headers))
    if ('status' in admission) return tooMany(admission)
    try {
      return await answer(payload, api, request, context, handler)
    } finally {
      admission.leave()
    }
  }
}

function tooMany(refusal: { wait: number; busy: boolean }): Response {
  return errorResponse(429, refusalText(refusal), { 'retry-after': String(refusal.wait) })
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
