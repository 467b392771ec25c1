import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '../../access/isAdmin'
import { roles } from '../../access/roles'
import { adminOrSelf } from '../../access/usersAccess'
import { readEnv } from '../../model/env'
import { afterSignIn, beforeSignIn } from './hooks/signIn'
import { strongPassword } from './hooks/strongPassword'

const env = readEnv()

export const Users: CollectionConfig = {
  slug: 'users',
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'role', 'hasAPIKey'], group: 'Administration' },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // Long-lived keys for machines (a remote site build's CMS_API_KEY): only admins
    // enable, generate or change one (the `apiKey` field's access below).
    useAPIKey: true,
    // Previews on the public site read this session: share it with PAYLOAD_COOKIE_DOMAIN
    // (e.g. ".pajuris.lt") when the CMS and the site are on different subdomains.
    cookies: { sameSite: 'Lax', secure: env.cookieSecure, ...(env.cookieDomain ? { domain: env.cookieDomain } : {}) },
  },
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    read: adminOrSelf,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [beforeSignIn, strongPassword],
    afterLogin: [afterSignIn],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'author',
      saveToJWT: true,
      options: roles.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })),
      access: { create: isAdminField, update: isAdminField },
      admin: {
        description:
          'Admin: everything, including users. Editor: write, publish, unpublish, delete. Author: write drafts only.',
      },
    },
    // Merged with Payload's own API key field: its access also governs `enableAPIKey`,
    // the key's index and the `hasAPIKey` flag the users list shows (admins only).
    { name: 'apiKey', type: 'text', access: { create: isAdminField, update: isAdminField } },
    // Payload's own flag (read by admins only, through the access above): a label for the list column.
    { name: 'hasAPIKey', type: 'checkbox', virtual: true, label: { en: 'API key', lt: 'API raktas', uk: 'API-ключ' } },
  ],
}
