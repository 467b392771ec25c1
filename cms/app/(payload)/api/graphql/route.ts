import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { guarded } from '../../../../security/guard'

// Rate limit and input checks first (cms/security/); query depth, aliases and
// complexity are limited in the GraphQL config (cms/security/graphql.ts).
export const POST = guarded(config, 'graphql', GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
