import type { TaskConfig } from 'payload'

import { fanOutChange } from '../queueing'

/** Queues the immediate and urgent emails of one content change (idempotent: unique outbox keys). */
export const newsletterFanOutTask: TaskConfig<{ input: { changeId: string }; output: { queued: number } }> = {
  slug: 'newsletterFanOut',
  label: 'Newsletter: queue emails for a published item',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  inputSchema: [{ name: 'changeId', type: 'text', required: true }],
  outputSchema: [{ name: 'queued', type: 'number' }],
  handler: async ({ input, req }) => {
    if (!input.changeId || !/^[A-Za-z0-9]{1,40}$/.test(input.changeId)) throw new Error(`Invalid change id "${input.changeId}"`)
    const { queued } = await fanOutChange(req.payload, input.changeId)
    if (queued > 0) req.payload.logger.info(`Newsletter: ${queued} email(s) queued for content change ${input.changeId}.`)
    return { output: { queued } }
  },
}
