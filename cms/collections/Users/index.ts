import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '../../access/isAdmin'
import { roles } from '../../access/roles'
import { adminOrSelf } from '../../access/usersAccess'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'User', plural: 'Users' },
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'role'], group: 'Administration' },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    useAPIKey: true,
    // Previews on the public site read this session: share it with PAYLOAD_COOKIE_DOMAIN
    // (e.g. ".pajuris.lt") when the CMS and the site are on different subdomains.
    cookies: { sameSite: 'Lax', ...(process.env.PAYLOAD_COOKIE_DOMAIN ? { domain: process.env.PAYLOAD_COOKIE_DOMAIN } : {}) },
  },
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    read: adminOrSelf,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
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
  ],
}
