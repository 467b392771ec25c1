import { isSet, settings, type Source } from '../../cms/model/env'

type Ports = { port: number; sitePort: number }

/**
 * The public addresses `npm start` runs with. Unset, they follow the ports it listens on
 * (`npm start -- --port 3900` must not send previews, e-mailed links and the printed URLs
 * to :3000). Set in .env, they win (a proxy in front); one that points at localhost on
 * another port than the one in use is almost always a leftover, so it is named.
 */
export function publicAddresses({ port, sitePort }: Ports, source: Source = process.env): { set: Record<string, string>; warnings: string[] } {
  const wanted = { PAYLOAD_PUBLIC_SERVER_URL: port, SITE_URL: sitePort } as const
  const set: Record<string, string> = {}
  const warnings: string[] = []
  for (const [name, listening] of Object.entries(wanted) as [keyof typeof wanted, number][]) {
    if (!isSet(name, source)) {
      set[name] = `http://localhost:${listening}`
      continue
    }
    const url = new URL(settings(source)[name])
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    const urlPort = Number(url.port || (url.protocol === 'https:' ? 443 : 80))
    if (local && urlPort !== listening) {
      warnings.push(`${name} is ${url.origin} but this start listens on port ${listening}: links will point at the wrong port. Remove ${name} from .env (it then follows the port) or set it to http://localhost:${listening}.`)
    }
  }
  return { set, warnings }
}
