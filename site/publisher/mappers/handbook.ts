import { cachedText, defineMapper, str } from './shared'

export const handbook = defineMapper({
  fields: (d, c) => ({
    question: c.title,
    answerHtml: c.html(d.answer, 1),
    anchor: str(d.slug) ?? `q-${c.id}`,
    topic: c.topicRef(d.topic),
    order: typeof d.order === 'number' ? d.order : 0,
    text: cachedText(d.answer),
  }),
})
