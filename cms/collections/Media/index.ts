import type { CollectionConfig, Validate } from 'payload'

import { fileAccess, fileUsageFields, fileVersions, keepLiveFileInPlace } from '../../files/access'
import { getDefaultLocale } from '../../model/locales'

/** Alt text is required in the default locale; other locales fall back to it. */
const altRequiredInDefaultLocale: Validate = (value, { req }) => {
  const locale = req.locale && req.locale !== 'all' ? req.locale : getDefaultLocale()
  if (locale !== getDefaultLocale()) return true
  if (typeof value === 'string' && value.trim().length > 0) return true
  return 'Alt text is required: describe the image for people who cannot see it.'
}

export function mediaCollection(staticDir: string): CollectionConfig {
  return {
    slug: 'media',
    admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'updatedAt'], group: 'Files' },
    // The public sees only files live content uses; authors change only unused ones.
    access: fileAccess,
    versions: fileVersions,
    upload: {
      staticDir,
      mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'],
      focalPoint: true,
      formatOptions: { format: 'webp', options: { quality: 82 } },
      imageSizes: [
        { name: 'thumbnail', width: 400, formatOptions: { format: 'webp', options: { quality: 78 } } },
        { name: 'card', width: 800, formatOptions: { format: 'webp', options: { quality: 80 } } },
        { name: 'hero', width: 1600, formatOptions: { format: 'webp', options: { quality: 80 } } },
      ],
      adminThumbnail: 'thumbnail',
    },
    fields: [
      { name: 'alt', type: 'text', localized: true, validate: altRequiredInDefaultLocale, maxLength: 300 },
      { name: 'caption', type: 'textarea', localized: true, maxLength: 500 },
      { name: 'credit', type: 'text', maxLength: 200 },
      ...fileUsageFields,
    ],
    hooks: { beforeChange: [keepLiveFileInPlace] },
  }
}
