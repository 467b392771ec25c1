import { cachedText, defineMapper, str, telHref, type Raw } from './shared'
import type { ConsultationQuestion } from '../../../cms/model/snapshot'

const questionTypes = ['text', 'single', 'multiple', 'scale']

export const consultations = defineMapper({
  fields: (d, c) => {
    const outcome = (d.outcome ?? {}) as Raw
    const contact = (d.contact ?? {}) as Raw
    const outcomeHtml = c.html(outcome.summary)
    const facts = c.responseFacts[String(d.id)]
    return {
      bodyHtml: c.html(d.body),
      opensAt: String(d.opensAt),
      closesAt: String(d.closesAt),
      status: (d.status as 'upcoming' | 'open' | 'closed' | 'outcome') ?? 'upcoming',
      documents: c.fileList(d.documents),
      howToRespondHtml: c.html(d.howToRespond, 1) || undefined,
      timeline: ((d.timeline ?? []) as Raw[])
        .filter((s) => str(s.date))
        .map((s) => ({ date: String(s.date), label: String(s.label ?? '') }))
        .sort((a, b) => a.date.localeCompare(b.date)),
      department: str(d.department),
      contact: str(contact.name) || str(contact.email) || str(contact.phone)
        ? {
            name: str(contact.name),
            email: str(contact.email),
            phone: str(contact.phone),
            tel: str(contact.phone) ? telHref(String(contact.phone)) : undefined,
          }
        : undefined,
      outcome:
        d.status === 'outcome' && outcomeHtml
          ? {
              html: outcomeHtml,
              documents: c.fileList(outcome.documents),
              publishedAt: String(outcome.publishedAt),
              whatYouSaid: ((outcome.whatYouSaid ?? []) as Raw[])
                .filter((p) => str(p.said) && str(p.did))
                .map((p) => ({ said: String(p.said), did: String(p.did) })),
              quotes: facts?.quotes ?? [],
            }
          : undefined,
      questions: ((d.questions ?? []) as Raw[])
        .filter((q) => str(q.label) && questionTypes.includes(String(q.type)))
        .map((q) => ({
          id: String(q.id),
          type: q.type as ConsultationQuestion['type'],
          label: String(q.label),
          help: str(q.help),
          required: q.required === true,
          options: ((q.options ?? []) as Raw[]).filter((o) => str(o.label)).map((o) => ({ id: String(o.id), label: String(o.label) })),
        })),
      responseCount: facts?.count ?? 0,
      text: cachedText(d.body),
    }
  },
})
