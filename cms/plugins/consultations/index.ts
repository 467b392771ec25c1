import type { Config, Plugin } from 'payload'

import { addCollections } from '../extend'
import { withPersonalDataSource } from '../personalData'
import { ConsultationResponses } from './collections/ConsultationResponses'
import { Consultations } from './collections/Consultations'
import { consultationResponsesData } from './personalData'

export { consultationMoment } from './moments'

export type ConsultationsPluginOptions = {
  /** The collection the consultations follow in the admin navigation (default: at the end). */
  after?: string
}

/**
 * Public consultations: the consultations (content, published like the rest) and the
 * responses residents send through the site's form, with their staff endpoints
 * (export, summary, public facts), the responses panel in the admin and, on the
 * dashboard, consultations closing this week and responses not yet reviewed. The responses
 * given with an address are part of that person's data (export and erasure).
 */
export const consultationsPlugin =
  (options: ConsultationsPluginOptions = {}): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: addCollections(config, [Consultations, ConsultationResponses], options.after),
    custom: withPersonalDataSource(config, consultationResponsesData),
    admin: {
      ...config.admin,
      components: {
        ...config.admin?.components,
        beforeDashboard: [...(config.admin?.components?.beforeDashboard ?? []), '/plugins/consultations/admin/ConsultationsAttention#ConsultationsAttention'],
      },
    },
  })
