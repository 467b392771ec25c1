import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { TaskConfig } from 'payload'

import type { runSiteUpdate as RunSiteUpdate } from '../../../../site/publisher/publish'
import { rootDir } from '../../../model/env'

/**
 * Builds the public site for one queued site-builds row and switches it live. One
 * build at a time (concurrency key), never retried: a failure is recorded on the row
 * and the next change builds again. A job that dies without a word (its runner killed)
 * is recovered by `recoverSiteUpdates`, which every job runner runs.
 */
export const siteUpdateTask: TaskConfig<{ input: { buildId: string }; output: { status: string } }> = {
  slug: 'siteUpdate',
  label: 'Update the public site',
  retries: 0,
  concurrency: () => 'site-build',
  inputSchema: [{ name: 'buildId', type: 'text', required: true }],
  outputSchema: [{ name: 'status', type: 'text' }],
  handler: async ({ input, req }) => {
    try {
      // Loaded at run time from the job runner (tsx): the site build is not part of the
      // admin bundle.
      const url = pathToFileURL(path.join(rootDir, 'site/publisher/publish.ts')).href
      const { runSiteUpdate } = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url)) as {
        runSiteUpdate: typeof RunSiteUpdate
      }
      const status = await runSiteUpdate(req.payload, input.buildId)
      return { output: { status } }
    } catch (error) {
      // Failed before or outside the build (runSiteUpdate records build failures itself):
      // the row must not stay queued or running, or it would look alive forever.
      await req.payload.db
        .updateOne({
          collection: 'site-builds',
          where: { and: [{ id: { equals: input.buildId } }, { status: { in: ['queued', 'running'] } }] },
          data: {
            status: 'failed',
            finishedAt: new Date().toISOString(),
            error: `The update job failed before it could build: ${(error as Error).message}`.slice(0, 20_000),
            updatedAt: new Date().toISOString(),
          },
        })
        .catch(() => {})
      throw error
    }
  },
}
