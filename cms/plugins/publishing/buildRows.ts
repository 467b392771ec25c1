import type { Payload } from 'payload'

import type { BuildOutcome, BuildRecorder, RunningBuild } from '../../model/services/builds'
import { heartbeatMs, requestSiteUpdate, type SiteChange } from './siteUpdates'

/**
 * The site-builds rows from running to their end, the one place that writes them (the
 * queue's side, `requestSiteUpdate` and `recoverSiteUpdates`, is in siteUpdates.ts):
 * the publisher records through the `BuildRecorder` made here.
 */

/** The sign of life of a running row: its duration so far, every few seconds. */
function keepAlive(payload: Payload, id: number | string, startedAt: number): NodeJS.Timeout {
  return setInterval(() => {
    payload.db
      .updateOne({
        collection: 'site-builds',
        where: { and: [{ id: { equals: id } }, { status: { equals: 'running' } }] },
        data: { durationMs: Date.now() - startedAt, updatedAt: new Date().toISOString() },
        returning: false,
      })
      .catch((error: unknown) => payload.logger.warn(`Site build ${id}: could not record its sign of life: ${(error as Error).message}`))
  }, heartbeatMs())
}

const failedData = (error: unknown) => ({ status: 'failed', error: ((error as Error)?.message ?? String(error)).slice(0, 20_000) })

/**
 * A running row: ends once, with when and after how long. `onSucceeded` / `onStopped`:
 * what a queued build does besides (changes saved too late, changes queued again).
 */
function running(
  payload: Payload,
  id: number | string,
  startedAt: number,
  hooks: { onSucceeded?: () => Promise<void>; onStopped?: () => Promise<void> } = {},
): RunningBuild {
  const heartbeat = keepAlive(payload, id, startedAt)
  const finish = async (data: Record<string, unknown>) => {
    clearInterval(heartbeat)
    await payload.update({
      collection: 'site-builds',
      id,
      data: { finishedAt: new Date().toISOString(), durationMs: Date.now() - startedAt, ...data },
      overrideAccess: true,
    })
  }
  return {
    id: String(id),
    async succeeded(outcome: BuildOutcome) {
      await hooks.onSucceeded?.()
      await finish({ status: 'succeeded', ...outcome })
      payload.logger.info(`Site build ${id}: ${outcome.detail}`)
    },
    async failed(error) {
      await finish(failedData(error))
      payload.logger.error(`Site build ${id} failed: ${(error as Error)?.message ?? error}`)
    },
    async stopped(message) {
      await finish({ status: 'stopped', error: message })
      await hooks.onStopped?.()
      payload.logger.warn(`Site build ${id}: ${message}`)
    },
  }
}

/** Is this the database saying "no such row" (rather than failing)? */
const notFound = (error: unknown) => (error as { status?: number })?.status === 404 || (error as Error)?.name === 'NotFound'

export function buildRows(payload: Payload): BuildRecorder {
  const changesOf = async (id: number | string) =>
    ((await payload.findByID({ collection: 'site-builds', id, depth: 0, overrideAccess: true })).changes as SiteChange[] | null) ?? []
  return {
    async claim(buildId) {
      // Only a missing row means "nothing to do": a database error fails the job.
      const row = await payload.findByID({ collection: 'site-builds', id: buildId, depth: 0, overrideAccess: true }).catch((error: unknown) => {
        if (notFound(error)) return null
        throw error
      })
      if (!row || row.status !== 'queued') return null
      const startedAt = new Date()
      // Only these columns: a full update would write back the `changes` it read, and
      // lose a save that joined the row in between.
      await payload.db.updateOne({
        collection: 'site-builds',
        where: { id: { equals: row.id } },
        data: { status: 'running', startedAt: startedAt.toISOString(), updatedAt: startedAt.toISOString() },
      })
      payload.logger.info(`Site build ${row.id}: building (${row.summary ?? 'site update'}).`)
      // Saves that joined this row until now are committed, so the content read next has
      // them; one that joins later may come too late for it, and gets an update of its own.
      const seen = await changesOf(row.id)
      return running(payload, row.id, startedAt.getTime(), {
        async onSucceeded() {
          const late = (await changesOf(row.id)).length - seen.length
          if (late > 0) {
            await requestSiteUpdate(payload, {
              collection: 'site-builds',
              operation: 'update',
              title: `${late} change(s) saved while update ${row.id} was reading the content`,
              at: new Date().toISOString(),
            })
          }
        },
        async onStopped() {
          await requestSiteUpdate(payload, [
            ...seen,
            { collection: 'site-builds', id: row.id, operation: 'retry', title: `again after update ${row.id} was stopped`, at: new Date().toISOString() },
          ])
        },
      })
    },
    async begin(title, plan) {
      const startedAt = Date.now()
      const at = new Date(startedAt).toISOString()
      const why = plan.reason ?? 'the content changed since the live build'
      const row = await payload.create({
        collection: 'site-builds',
        data: {
          status: 'running',
          mode: plan.mode,
          requestedAt: at,
          startedAt: at,
          summary: `${title}: ${why}`,
          changes: [{ collection: 'site', operation: 'update', title: `${title}: ${why}`, at } satisfies SiteChange],
        },
        depth: 0,
        overrideAccess: true,
      })
      return running(payload, row.id, startedAt)
    },
  }
}

/**
 * A queued or running row whose job failed before or outside the build: it must not
 * stay queued or running, or it would look alive forever.
 */
export async function failUnbuilt(payload: Payload, buildId: string, message: string): Promise<void> {
  await payload.db.updateOne({
    collection: 'site-builds',
    where: { and: [{ id: { equals: buildId } }, { status: { in: ['queued', 'running'] } }] },
    data: { status: 'failed', finishedAt: new Date().toISOString(), error: message.slice(0, 20_000), updatedAt: new Date().toISOString() },
  })
  payload.logger.error(`Site build ${buildId}: ${message}`)
}
