import type { CSSProperties } from 'react'

/** The frame of Atvira's panels in the admin (dashboard, lists, documents), in Payload's theme colours. */
export const panelBox: CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '1rem', marginBottom: '1.5rem' }
