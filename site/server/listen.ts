import { settings } from '../../cms/model/env'

/**
 * Where the CMS listens: loopback unless `CMS_HOST` says otherwise (a reverse proxy on
 * the same machine reaches it there; `0.0.0.0` or `::` exposes it on every interface).
 */
export function cmsHost(): string {
  return settings().CMS_HOST
}

/** The address a local client uses to reach a server listening on `host`. */
export function probeHost(host: string): string {
  if (host === '0.0.0.0' || host === 'localhost') return '127.0.0.1'
  if (host === '::' || host === '::1' || host === '[::1]') return '[::1]'
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
}
