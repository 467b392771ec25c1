import type { Config, Payload } from 'payload'

/**
 * What a feature holds about a person by their e-mail address, for data-protection
 * requests. A feature plugin adds a source (`withPersonalDataSource`); the newsletter's
 * "Export personal data" and "Erase subscriber and their data" ask every source, so a
 * feature that keeps addresses needs no code in the newsletter, nor the newsletter in it.
 */
export type PersonalDataSource = {
  /** The key of this source's records in the exported document. */
  key: string
  /** Everything the feature holds under this (normalised) address, ready for JSON. */
  find(payload: Payload, email: string): Promise<unknown[]>
  /** Removes the person from those records; returns how many records changed. */
  erase(payload: Payload, email: string): Promise<number>
}

type WithSources = { personalData?: PersonalDataSource[] }

/** The config with one more source (kept in `config.custom`, which Payload carries over). */
export function withPersonalDataSource(config: Config, source: PersonalDataSource): Config['custom'] {
  const custom = (config.custom ?? {}) as Record<string, unknown> & WithSources
  return { ...custom, personalData: [...(custom.personalData ?? []), source] }
}

export function personalDataSources(payload: Payload): PersonalDataSource[] {
  return ((payload.config.custom ?? {}) as WithSources).personalData ?? []
}
