import type { TaskConfig } from 'payload'

import { buildDigest } from '../queueing'

/** Builds one daily or weekly digest run (idempotent: unique outbox keys and per-subscriber cursors). */
export const newsletterDigestTask: TaskConfig<{ input: { runId: string }; output: { queued: number } }> = {
  slug: 'newsletterDigest',
  label: 'Newsletter: build a digest',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [{ name: 'runId', type: 'text', required: true }],
  outputSchema: [{ name: 'queued', type: 'number' }],
  handler: async ({ input, req }) => {
    if (!input.runId || !/^[A-Za-z0-9]{1,40}$/.test(input.runId)) throw new Error(`Invalid run id "${input.runId}"`)
    const { queued } = await buildDigest(req.payload, input.runId)
    req.payload.logger.info(`Newsletter: digest run ${input.runId} built, ${queued} email(s) queued.`)
    return { output: { queued } }
  },
}
