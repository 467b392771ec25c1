import type { PersonalDataSource } from '../personalData'
import { getDefaultLocale } from '../../model/locales'
import { asLocale } from '../../lib/locale'

/**
 * Consultation responses given with an address. Erasing removes who gave them (address,
 * name, organisation) and keeps the answers: the consultation's counts, and what the
 * city reported back, stay true. An admin who is asked to remove the answers too deletes
 * the response itself (Consultation responses), which editors cannot.
 */
export const consultationResponsesData: PersonalDataSource = {
  key: 'consultationResponses',
  async find(payload, email) {
    const found = await payload.find({
      collection: 'consultation-responses',
      where: { email: { equals: email } },
      sort: 'createdAt',
      limit: 0,
      pagination: false,
      depth: 1,
      locale: asLocale(getDefaultLocale()),
      overrideAccess: true,
    })
    return found.docs.map((r) => {
      const consultation = typeof r.consultation === 'object' && r.consultation ? { id: r.consultation.id, title: r.consultation.title } : { id: r.consultation }
      return {
        reference: r.reference,
        consultation,
        submittedAt: r.submittedAt,
        locale: r.locale,
        name: r.name,
        email: r.email,
        organisation: r.organisation,
        answers: r.answers,
        consentWording: r.consentWording,
        status: r.status,
        quoteInTheOutcome: r.publishQuote ? (r.quote ?? null) : null,
      }
    })
  },
  async erase(payload, email) {
    const found = await payload.find({
      collection: 'consultation-responses',
      where: { email: { equals: email } },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    for (const r of found.docs) {
      // `update: nobody` guards these fields from the API; this is the system erasing them.
      await payload.update({ collection: 'consultation-responses', id: r.id, data: { email: '', name: '', organisation: '' }, depth: 0, overrideAccess: true })
    }
    return found.docs.length
  },
}
