import type { Endpoint } from 'payload'

export const subscriberStatsEndpoint: Endpoint = {
  path: '/stats',
  method: 'get',
  handler: async () => new Response('todo', { status: 501 }),
}
