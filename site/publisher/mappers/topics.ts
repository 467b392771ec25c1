import { defineMapper, str } from './shared'

export const topics = defineMapper({
  fields: (d, c) => ({
    name: c.title,
    description: str(d.description),
    text: String(d.description ?? ''),
  }),
})
