import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

import { guarded } from '../../../../security/guard'

// Every REST request passes the rate limit and the input checks first (cms/security/).
export const GET = guarded(config, 'rest', REST_GET(config))
export const POST = guarded(config, 'rest', REST_POST(config))
export const DELETE = guarded(config, 'rest', REST_DELETE(config))
export const PATCH = guarded(config, 'rest', REST_PATCH(config))
export const PUT = guarded(config, 'rest', REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
