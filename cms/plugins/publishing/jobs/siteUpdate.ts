import type { TaskConfig } from 'payload'

import type { SitePublisher } from '../../../model/services/builds'
import { buildRows, failUnbuilt } from '../buildRows'

/**
 * The publisher that builds queued rows, handed in by the process that runs the site
 * queue (scripts/jobs.ts, and tests that run site jobs). The CMS never loads it itself:
 * the site build is no part of the admin.
 */
let publisher: SitePublisher | undefined

export function providePublisher(next: SitePublisher | undefined): void {
  publisher = next
}

export const noPublisherMessage =
  'This process has no site publisher: only the job runner builds the site; run npm start or npm run jobs (with the "site" queue). The live site was not changed.'

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
      if (!publisher) throw new Error(noPublisherMessage)
      const status = await publisher.runQueued(input.buildId, buildRows(req.payload))
      return { output: { status } }
    } catch (error) {
      // Failed before or outside the build (the publisher records build failures itself).
      const message = (error as Error).message
      await failUnbuilt(req.payload, input.buildId, message === noPublisherMessage ? message : `The update job failed before it could build: ${message}`).catch(
        (e: unknown) => req.payload.logger.error(`Site build ${input.buildId}: could not record the failure: ${(e as Error).message}`),
      )
      throw error
    }
  },
}
