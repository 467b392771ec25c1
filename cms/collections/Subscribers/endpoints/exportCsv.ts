import type { Endpoint } from 'payload'

export const exportSubscribersEndpoint: Endpoint = {
  path: '/export.csv',
  method: 'get',
  handler: async () => new Response('todo', { status: 501 }),
}
