import type { TestCms } from '../../int/helpers'

/** The running servers the hardening suites talk to (cms-api.e2e.test.ts starts them once). */
export type Targets = {
  cms: TestCms
  /** The built admin, e.g. http://127.0.0.1:41234. */
  cmsUrl: string
  /** The site server built from the same CMS. */
  siteUrl: string
  cmsLog: () => string
  siteLog: () => string
  /** An admin account of the CMS. */
  admin: { email: string; password: string }
}
