import type { DocCollection } from '../../../cms/model/registry'
import { consultations } from './consultations'
import { generic } from './generic'
import { guides } from './guides'
import { handbook } from './handbook'
import { leaflets } from './leaflets'
import { news } from './news'
import { pages } from './pages'
import type { Mapper } from './shared'
import { services } from './services'
import { topics } from './topics'

/** One mapper per content type; a type without one gets the generic mapper. */
const mappers: Record<DocCollection, Mapper> = { news, guides, leaflets, handbook, services, consultations, pages, topics }

export function mapperFor(collection: string): Mapper {
  return (mappers as Record<string, Mapper>)[collection] ?? generic
}

export type { MapContext, Mapper } from './shared'
