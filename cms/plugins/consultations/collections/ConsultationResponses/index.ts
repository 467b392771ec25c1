import type { CollectionConfig } from 'payload'

import { MAX_NAME, MAX_ORGANISATION } from '../../../../model/consultationForm'
import { editorsAndAdmins } from '../../../../access/editorsAndAdmins'
import { isAdmin } from '../../../../access/isAdmin'
import { nobody } from '../../../../access/nobody'
import { exportResponsesEndpoint, publicResponseFactsEndpoint, responseSummaryEndpoint } from './endpoints'

// What the resident sent stays as sent: `readOnly` only guards the admin form, this
// guards the REST, GraphQL and Local API too. Moderation and the quote stay editable.
const asSubmitted = { update: nobody }

/**
 * What residents answered. Staff only (editors and admins): never in the site, the
 * search index, feeds or the anonymous API. Answers are stored as text exactly as
 * typed and escaped wherever they are shown. The site publishes only the number of
 * responses and the quotes staff chose for the outcome.
 */
export const ConsultationResponses: CollectionConfig = {
  slug: 'consultation-responses',
  dbName: 'consultation_responses',
  admin: {
    group: 'Content',
    useAsTitle: 'reference',
    defaultColumns: ['reference', 'consultation', 'status', 'organisation', 'createdAt'],
    description: 'Responses from the public form. Mark spam, review, and choose quotes for the outcome.',
    components: { beforeList: ['/plugins/consultations/admin/ResponsesPanel#ResponsesPanel'] },
  },
  defaultSort: '-createdAt',
  access: { read: editorsAndAdmins, create: () => false, update: editorsAndAdmins, delete: isAdmin },
  endpoints: [exportResponsesEndpoint, responseSummaryEndpoint, publicResponseFactsEndpoint],
  indexes: [{ fields: ['consultation', 'status'] }],
  fields: [
    { name: 'reference', type: 'text', required: true, unique: true, access: asSubmitted, admin: { readOnly: true } },
    { name: 'consultation', type: 'relationship', relationTo: 'consultations', required: true, index: true, access: asSubmitted, admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'new',
      options: [
        { value: 'new', label: 'New' },
        { value: 'reviewed', label: 'Reviewed' },
        { value: 'spam', label: 'Spam (not counted)' },
      ],
      admin: { position: 'sidebar' },
    },
    {
      name: 'publishQuote',
      type: 'checkbox',
      defaultValue: false,
      label: 'Quote in the outcome',
      admin: { position: 'sidebar', description: 'Shows the quote below on the consultation page once the response is reviewed.' },
    },
    {
      name: 'quote',
      type: 'textarea',
      maxLength: 1000,
      admin: { position: 'sidebar', description: 'The words to publish, without names or other personal details.' },
    },
    { name: 'locale', type: 'text', access: asSubmitted, admin: { readOnly: true } },
    {
      name: 'answers',
      type: 'json',
      access: asSubmitted,
      admin: { readOnly: true, description: 'Question, and the answer as given.' },
    },
    { name: 'name', type: 'text', maxLength: MAX_NAME, access: asSubmitted, admin: { readOnly: true } },
    { name: 'email', type: 'text', maxLength: 254, access: asSubmitted, admin: { readOnly: true } },
    { name: 'organisation', type: 'text', maxLength: MAX_ORGANISATION, access: asSubmitted, admin: { readOnly: true } },
    { name: 'consentWording', type: 'textarea', access: asSubmitted, admin: { readOnly: true } },
    { name: 'submittedAt', type: 'date', access: asSubmitted, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
