import type { FieldHook } from 'payload'

import { deriveConsultationStatus, type StatusInput } from '../status'

/** Stored so lists can be queried by status; any typed value is overwritten. */
export const storeDerivedStatus: FieldHook = ({ siblingData, originalDoc }) => {
  const merged = { ...(originalDoc ?? {}), ...siblingData } as StatusInput
  return deriveConsultationStatus(merged)
}

/** Reads always reflect the clock, even before the scheduled update has run. */
export const readDerivedStatus: FieldHook = ({ siblingData }) =>
  deriveConsultationStatus(siblingData as StatusInput)
