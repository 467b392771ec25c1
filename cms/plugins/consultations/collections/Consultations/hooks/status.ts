import type { FieldHook } from 'payload'

import type { Consultation } from '../../../../../payload-types'
import { deriveConsultationStatus } from '../status'

type StatusHook = FieldHook<Consultation, Consultation['status'], Partial<Consultation>>

/** Stored so lists can be queried by status; any typed value is overwritten. */
export const storeDerivedStatus: StatusHook = ({ siblingData, originalDoc }) => deriveConsultationStatus({ ...originalDoc, ...siblingData })

/** Reads always reflect the clock, even before the scheduled update has run. */
export const readDerivedStatus: StatusHook = ({ siblingData }) => deriveConsultationStatus(siblingData)
