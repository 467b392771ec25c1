import { cachedText, defineMapper } from './shared'

/**
 * A type without a mapper of its own (a city's extra type): its rich text `body` as
 * HTML and plain text, which the templates' generic document view renders.
 */
export const generic = defineMapper({
  fields: (d, c) => ({ bodyHtml: c.html(d.body), text: cachedText(d.body) }),
})
