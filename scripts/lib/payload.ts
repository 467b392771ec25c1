import type { Payload } from 'payload'

/**
 * Opens the Local API from a plain Node script. The config is imported lazily so env
 * problems surface as one clear message instead of a stack trace.
 */
export async function openPayload({ migrate = false }: { migrate?: boolean } = {}): Promise<Payload> {
  const { getPayload } = await import('payload')
  const config = (await import('../../cms/payload.config')).default
  const payload = await getPayload({ config })
  if (migrate) await payload.db.migrate()
  return payload
}
