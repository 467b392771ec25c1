import type { FieldAccess } from 'payload'

/** Fields written once by the system (what a resident submitted): nobody edits them through the API. */
export const nobody: FieldAccess = () => false
