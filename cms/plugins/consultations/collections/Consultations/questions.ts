import type { ArrayField } from 'payload'

import type { Consultation } from '../../../../payload-types'

export const questionTypes = ['text', 'single', 'multiple', 'scale'] as const
export type QuestionType = (typeof questionTypes)[number]

/** A question as stored: Payload gives every array row (and option) its id when saved. */
export type StoredQuestion = { id: string; type: QuestionType; label: string; required?: boolean | null; options?: { id: string; label: string }[] | null }

/** A saved consultation's questions (the generated types keep row ids optional, as on a new form). */
export function storedQuestions(consultation: Pick<Consultation, 'questions'>): StoredQuestion[] {
  return (consultation.questions ?? []) as StoredQuestion[]
}

/**
 * The consultation's own questions, asked on the response form in this order. Rows keep
 * their ids when reordered or edited, so answers stay attached to their question.
 */
export const questionsField: ArrayField = {
  name: 'questions',
  type: 'array',
  labels: { singular: 'Question', plural: 'Response form questions' },
  maxRows: 30,
  admin: {
    description: 'Asked on the public response form. Name, email, organisation and consent are always asked.',
    initCollapsed: true,
  },
  fields: [
    {
      name: 'type',
      type: 'select',
      required: true,
      defaultValue: 'text',
      options: [
        { value: 'text', label: 'Free text' },
        { value: 'single', label: 'One choice' },
        { value: 'multiple', label: 'Several choices' },
        { value: 'scale', label: 'Agree–disagree scale' },
      ],
    },
    { name: 'label', type: 'text', localized: true, required: true, maxLength: 300 },
    { name: 'help', type: 'text', localized: true, maxLength: 500 },
    { name: 'required', type: 'checkbox', defaultValue: false },
    {
      name: 'options',
      type: 'array',
      maxRows: 20,
      admin: { condition: (_, siblingData) => siblingData?.type === 'single' || siblingData?.type === 'multiple' },
      validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
        const choice = siblingData?.type === 'single' || siblingData?.type === 'multiple'
        const n = Array.isArray(value) ? value.length : typeof value === 'number' ? value : 0
        return !choice || n >= 2 || 'A choice question needs at least two options.'
      },
      fields: [{ name: 'label', type: 'text', localized: true, required: true, maxLength: 200 }],
    },
  ],
}
