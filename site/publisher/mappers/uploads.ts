import type { RawDoc } from '../../../cms/model/source'
import type { SiteFile, SiteImage } from '../../../cms/model/snapshot'
import { str, type Raw } from './shared'

export type UploadsByLocale = Record<string, { media: Map<string, RawDoc>; documents: Map<string, RawDoc> }>
/** Files the build copies, by public path (filled as documents reference them). */
export type FileRefs = Map<string, { collection: 'media' | 'documents'; filename: string; url?: string }>

/**
 * Images and documents as one locale's pages show them: alt text and titles in that
 * locale where translated, every variant recorded in `files` for the build to copy.
 */
export function uploadReaders(locale: string, defaultLocale: string, uploads: UploadsByLocale, files: FileRefs) {
  const image = (id: unknown): SiteImage | undefined => {
    if (id === null || id === undefined) return undefined
    const m = uploads[locale]!.media.get(String(id)) ?? uploads[defaultLocale]!.media.get(String(id))
    if (!m || !str(m.filename)) return undefined
    const variants: { src: string; width: number; height: number }[] = []
    const add = (filename: unknown, width: unknown, height: unknown, url?: unknown) => {
      if (!str(filename) || typeof width !== 'number' || typeof height !== 'number') return
      // The original and a resized copy can have the same width: keep the resized one.
      const same = variants.findIndex((v) => v.width === width)
      if (same !== -1) variants.splice(same, 1)
      const publicPath = `/media/${filename as string}`
      files.set(publicPath, { collection: 'media', filename: filename as string, url: str(url) })
      variants.push({ src: publicPath, width, height })
    }
    add(m.filename, m.width, m.height, m.url)
    for (const size of Object.values((m.sizes ?? {}) as Record<string, Raw>)) {
      add(size.filename, size.width, size.height, size.url)
    }
    variants.sort((a, b) => a.width - b.width)
    const largest = variants[variants.length - 1]
    if (!largest) return undefined
    const localAlt = uploads[locale]!.media.get(String(id))
    const altInLocale = str(localAlt?.alt)
    const baseAlt = str(uploads[defaultLocale]!.media.get(String(id))?.alt)
    return {
      src: largest.src,
      width: largest.width,
      height: largest.height,
      variants,
      alt: altInLocale ?? baseAlt ?? '',
      caption: str(localAlt?.caption) ?? str(m.caption),
      credit: str(m.credit),
      ...(altInLocale || !baseAlt || locale === defaultLocale ? {} : { lang: defaultLocale }),
    }
  }

  const file = (id: unknown): SiteFile | undefined => {
    if (id === null || id === undefined) return undefined
    const d = uploads[locale]!.documents.get(String(id)) ?? uploads[defaultLocale]!.documents.get(String(id))
    if (!d || !str(d.filename)) return undefined
    const publicPath = `/files/${d.filename as string}`
    files.set(publicPath, { collection: 'documents', filename: d.filename as string, url: str(d.url) })
    return {
      url: publicPath,
      title: str(d.title) ?? (d.filename as string),
      filename: d.filename as string,
      mimeType: str(d.mimeType) ?? 'application/octet-stream',
      size: typeof d.filesize === 'number' ? d.filesize : 0,
      pages: typeof d.pageCount === 'number' ? d.pageCount : undefined,
      language: str(d.language) ?? defaultLocale,
    }
  }
  const fileList = (ids: unknown) =>
    (Array.isArray(ids) ? ids : []).map(file).filter((f): f is SiteFile => f !== undefined)

  return { image, file, fileList }
}
