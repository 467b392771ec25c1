import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import { roleOf } from '../../access/roles'
import { settings } from '../../model/env'
import { t, type MessageKey } from '../../model/i18n'
import { getDefaultLocale } from '../../model/locales'
import { documentTitle } from '../../lib/titles'
import type { Review } from './fields'

const MAX_COMMENT = 2000

type Body = { action?: unknown; comment?: unknown }
type Doc = { id: number | string; review?: Review | null; createdBy?: unknown } & Record<string, unknown>

const answer = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

const idOf = (v: unknown): string | undefined => (v && typeof v === 'object' ? String((v as { id: unknown }).id) : v == null ? undefined : String(v))

/** Staff e-mails in the city's language (the default content locale's catalogue, else English). */
async function tell(req: PayloadRequest, to: string[], subject: MessageKey, text: MessageKey, vars: Record<string, string>): Promise<void> {
  const lang = getDefaultLocale()
  for (const address of to) await req.payload.sendEmail({ to: address, subject: t(lang, subject, vars), text: t(lang, text, vars) })
}

export type ReviewAction = { action: 'submit' } | { action: 'return'; comment: string }
export type ReviewOutcome = { status: 200; review: Review } | { status: 400 | 403 | 404 | 409; message: string }

/**
 * Submits a draft for review (any member of staff: for an author the way to ask for
 * publishing) or returns it with a comment (editors and admins). The review goes onto a
 * new draft version, so what is live is never touched; whoever acts next is e-mailed:
 * every editor and admin on submit, the author on return. Refusals in `lang`, saying
 * what to do.
 */
export async function reviewDraft(req: PayloadRequest, collection: string, id: string, asked: ReviewAction, lang: string): Promise<ReviewOutcome> {
  const role = roleOf(req.user)
  if (role === null) return { status: 403, message: t(lang, 'admin.review.error.signIn') }
  const comment = asked.action === 'return' ? asked.comment.trim() : ''
  if (asked.action === 'return') {
    if (role === 'author') return { status: 403, message: t(lang, 'admin.review.error.editorsOnly') }
    if (!comment) return { status: 400, message: t(lang, 'admin.review.error.comment') }
    if (comment.length > MAX_COMMENT) return { status: 400, message: t(lang, 'admin.review.error.commentLength', { max: MAX_COMMENT }) }
  }
  const latest = /^[\w-]{1,64}$/.test(id)
    ? ((await req.payload.findByID({ collection: collection as 'news', id, draft: true, depth: 0, locale: 'all' as never, overrideAccess: true, disableErrors: true })) as unknown as Doc | null)
    : null
  if (!latest) return { status: 404, message: t(lang, 'admin.review.error.notFound') }
  if (asked.action === 'return' && latest.review?.state !== 'submitted') return { status: 409, message: t(lang, 'admin.review.error.notWaiting') }

  const review: Review = { state: asked.action === 'submit' ? 'submitted' : 'returned', comment: comment || null, by: req.user!.id, at: new Date().toISOString() }
  await req.payload.update({ collection: collection as 'news', id, draft: true, data: { review } as never, overrideAccess: true, user: req.user, depth: 0 })

  const vars = {
    title: documentTitle(collection, latest),
    who: String((req.user as { name?: string; email?: string }).name || req.user!.email || ''),
    comment,
    url: `${settings().PAYLOAD_PUBLIC_SERVER_URL.replace(/\/$/, '')}/admin/collections/${collection}/${id}`,
  }
  if (asked.action === 'submit') {
    const editors = await req.payload.find({ collection: 'users', where: { role: { in: ['editor', 'admin'] } }, pagination: false, depth: 0, overrideAccess: true })
    await tell(req, editors.docs.map((u) => u.email), 'email.review.submitted.subject', 'email.review.submitted.text', vars)
  } else {
    const authorId = idOf(latest.review?.by) ?? idOf(latest.createdBy)
    const author = authorId ? await req.payload.findByID({ collection: 'users', id: authorId, depth: 0, overrideAccess: true, disableErrors: true }) : null
    if (author?.email) await tell(req, [author.email], 'email.review.returned.subject', 'email.review.returned.text', vars)
  }
  return { status: 200, review }
}

/** `POST /api/<collection>/:id/review` with `{"action": "submit"}` or `{"action": "return", "comment": "…"}`. */
export function reviewEndpoint(collection: string): Endpoint {
  return {
    path: '/:id/review',
    method: 'post',
    handler: async (req: PayloadRequest) => {
      const lang = req.i18n?.language ?? 'en'
      if (roleOf(req.user) === null) return answer(403, t(lang, 'admin.review.error.signIn'))
      let body: Body
      try {
        await addDataAndFileToRequest(req)
        body = (req.data ?? {}) as Body
      } catch {
        return answer(400, t(lang, 'admin.review.error.body'))
      }
      const asked: ReviewAction | null =
        body.action === 'submit' ? { action: 'submit' } : body.action === 'return' ? { action: 'return', comment: typeof body.comment === 'string' ? body.comment : '' } : null
      if (!asked) return answer(400, t(lang, 'admin.review.error.body'))
      const outcome = await reviewDraft(req, collection, String(req.routeParams?.id ?? ''), asked, lang)
      if (outcome.status !== 200) return answer(outcome.status, outcome.message)
      return Response.json({ review: outcome.review }, { headers: { 'cache-control': 'no-store' } })
    },
  }
}
