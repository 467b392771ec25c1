import type { CollectionConfig } from 'payload'

import { fileAccess, fileUsageFields, fileVersions, keepLiveFileInPlace } from '../../files/access'
import { altTextRequired } from './alt'

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
      {
        name: 'alt',
        type: 'text',
        localized: true,
        validate: altTextRequired,
        maxLength: 300,
        admin: { description: 'Required in every language: what the image shows and why it matters.' },
      },
      { name: 'caption', type: 'textarea', localized: true, maxLength: 500 },
      { name: 'credit', type: 'text', maxLength: 200 },
      ...fileUsageFields,
    ],
    hooks: { beforeChange: [keepLiveFileInPlace] },
  }
}
