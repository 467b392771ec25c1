import { cachedText, defineMapper } from './shared'

export const leaflets = defineMapper({
  fields: (d, c) => ({
    bodyHtml: c.html(d.body),
    pdf: c.file(d.pdf),
    audience: (d.audience ?? []) as string[],
    text: cachedText(d.body),
  }),
})
