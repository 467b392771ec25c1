import { describe, expect, it } from 'vitest'

import { withFilesFromCms } from '../../site/publisher/preview'

/** A draft's new image or file is not in the live build yet: its addresses in the preview point at the CMS. */
describe('withFilesFromCms', () => {
  const fromCms = new Map([
    ['/media/new.webp', 'http://127.0.0.1:3000/api/media/file/new.webp'],
    ['/media/new-400x225.webp', 'http://127.0.0.1:3000/api/media/file/new-400x225.webp'],
    ['/files/plan.pdf', 'http://127.0.0.1:3000/api/documents/file/plan.pdf'],
  ])
  it.each([
    ['an image source', { src: '/media/new.webp' }, { src: 'http://127.0.0.1:3000/api/media/file/new.webp' }],
    [
      'a srcset',
      { srcset: '/media/new-400x225.webp 400w, /media/new.webp 1600w' },
      { srcset: 'http://127.0.0.1:3000/api/media/file/new-400x225.webp 400w, http://127.0.0.1:3000/api/media/file/new.webp 1600w' },
    ],
    ['rendered text', { html: '<a href="/files/plan.pdf">Planas</a>' }, { html: '<a href="http://127.0.0.1:3000/api/documents/file/plan.pdf">Planas</a>' }],
    ['a file the live build has', { src: '/media/old.webp' }, { src: '/media/old.webp' }],
    ['an absolute address on the site', { image: 'https://pajuris.example/media/new.webp' }, { image: 'https://pajuris.example/media/new.webp' }],
    ['a longer name that only starts the same', { src: '/media/new.webp.bak' }, { src: '/media/new.webp.bak' }],
  ])('%s', (_, doc, expected) => {
    expect(withFilesFromCms(doc, fromCms)).toEqual(expected)
  })
})
