import { canAccessAdmin, type ServerFunction } from 'payload'
import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'

import { authorMayNotSchedule } from '../access/refusal'
import { roleOf } from '../access/roles'
import { scheduleRefusal } from '../plugins/editingLanguage/schedule'

type Args = Parameters<typeof schedulePublishHandler>[0]

/**
 * The admin's `schedule-publish` server function. A scheduled publish runs later as the
 * staff member who scheduled it, so Payload's own handler accepts an author's ("Success")
 * and the job fails at the set time. Authors do not see the schedule menu (they have no
 * publish permission); a direct call is refused here with the reason, and an author
 * cannot cancel an editor's schedule either. A publish the document is not ready for
 * (the default language's required fields empty, or those of the one language to
 * publish) is refused now with the reason, rather than failing unseen at the set time;
 * the admin's Publish button shows the refusal (plugins/editingLanguage/admin). Jobs are
 * queued nowhere else: the jobs collection takes no writes through REST or GraphQL.
 */
export const schedulePublishServerFunction: ServerFunction = async (args) => {
  const { req } = args as unknown as Args
  if (roleOf(req.user) === 'author') return { error: authorMayNotSchedule().message }
  const request = args as unknown as Args
  if (!request.deleteID) {
    // Only someone who may use the admin learns what a document lacks.
    await canAccessAdmin({ req })
    const refusal = await scheduleRefusal(req, request)
    if (refusal) return { error: refusal }
  }
  return schedulePublishHandler(args as unknown as Args)
}
