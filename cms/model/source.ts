/** Where the site reads published content from: the local database or a remote CMS. */

import type { ContentTypeDef, SourceCollection, UploadCollection } from './registry'

export type { SourceCollection } from './registry'

export type RawDoc = Record<string, unknown> & { id: string | number }

/**
 * What the site may show about consultation responses, by consultation id: how many
 * (spam left out) and the quotes staff chose for the outcome. Never the responses.
 */
export type ResponseFacts = Record<string, { count: number; quotes: string[] }>

export interface ContentSource {
  readonly name: string
  locales(): { locales: string[]; defaultLocale: string }
  /**
   * Published documents of a collection in one locale. With `fallback: false`,
   * untranslated fields come back empty: that is how translations are detected.
   */
  published(collection: SourceCollection | (string & {}), locale: string, fallback: boolean): Promise<RawDoc[]>
  /** Images and documents by id (they have no drafts; only referenced ones are used). */
  uploads(collection: UploadCollection, locale: string): Promise<RawDoc[]>
  settings(locale: string): Promise<Record<string, unknown>>
  /**
   * What the site may show about consultation responses, by consultation id: how many
   * (spam left out) and the quotes staff chose for the outcome. Never the responses.
   */
  responseFacts(): Promise<ResponseFacts>
  /** Local path of an uploaded file (downloaded first for a remote CMS). */
  filePath(collection: UploadCollection, filename: string, url?: string): Promise<string>
  close(): Promise<void>
  /**
   * Old addresses (the CMS's `redirects`, depth 0). A source without them (an older
   * CMS) has none: the site then answers 404 where it would redirect.
   */
  redirects?(): Promise<RawDoc[]>
  /**
   * Content types beyond the product's (cms/model/registry.ts) this source serves, e.g.
   * a city's own; they reach the templates inside the snapshot.
   */
  types?(): ContentTypeDef[]
}

/**
 * Opens a content source for one read (the caller closes it). With `reuse`, documents
 * read before through the same source may be kept unless they changed.
 */
export type OpenSource = (options: { reuse: boolean }) => Promise<ContentSource>
