import type { StoredAnswer } from './responses'

type Question = { id: string; type: string; label: string; options?: { id: string; label: string }[] | null }

export type ChoiceSummary = {
  questionId: string
  question: string
  type: 'single' | 'multiple' | 'scale'
  /** Responses that answered this question. */
  answered: number
  rows: { label: string; count: number; percent: number }[]
}

const scaleLabels: Record<string, string[]> = {
  lt: ['Visiškai nesutinku', 'Nesutinku', 'Nei sutinku, nei nesutinku', 'Sutinku', 'Visiškai sutinku'],
  en: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
}

/**
 * Counts and percentages per option of each choice and scale question. Percentages are
 * of the responses that answered the question (several choices can add up past 100 %).
 */
export function summarize(questions: Question[], responses: { answers: StoredAnswer[] }[], locale = 'lt'): ChoiceSummary[] {
  const out: ChoiceSummary[] = []
  for (const q of questions) {
    if (q.type !== 'single' && q.type !== 'multiple' && q.type !== 'scale') continue
    const labels = q.type === 'scale' ? (scaleLabels[locale] ?? scaleLabels.en!) : (q.options ?? []).map((o) => o.label)
    const counts = new Map(labels.map((l) => [l, 0]))
    let answered = 0
    for (const r of responses) {
      const a = r.answers.find((x) => x.questionId === q.id)
      if (!a) continue
      answered++
      const values = q.type === 'scale' ? [labels[Number(a.answer) - 1] ?? String(a.answer)] : Array.isArray(a.answer) ? a.answer : [a.answer]
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    out.push({
      questionId: q.id,
      question: q.label,
      type: q.type,
      answered,
      rows: [...counts.entries()].map(([label, count]) => ({ label, count, percent: answered ? Math.round((count / answered) * 1000) / 10 : 0 })),
    })
  }
  return out
}
