/**
 * axe (WCAG 2.2 AA) over admin views: a rule outside Payload's listed ones
 * (tests/fixtures/admin-a11y.ts) on any view, or any violation inside what Atvira adds,
 * is unexpected. Shared by the Lithuanian and the Ukrainian admin's journeys.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'

import { upstreamAdminViolations } from '../fixtures/admin-a11y'
import { axeTags, axeViolations, formatViolations } from './browser'

/** What Atvira adds to the admin: its panels, boxes and buttons. */
export const atviraAdminParts = ['.atvira-collections', '.atvira-consultations-attention', '.atvira-overdue', '.atvira-site-box', '.atvira-review', '.atvira-attention', '.atvira-panel', '.atvira-editing-notices', '.atvira-failed-schedules', '[aria-labelledby="newsletter-panel-title"]', '[aria-labelledby="responses-panel-title"]']

export type AdminAudit = { unexpected: string[]; seen: Map<string, Set<string>> }

/** Opens each view (a path under the CMS) in `page`, already logged in, and runs axe on it. */
export async function auditAdmin(page: Page, cmsUrl: string, views: string[], onView?: (view: string) => Promise<void>): Promise<AdminAudit> {
  const unexpected: string[] = []
  const seen = new Map<string, Set<string>>()
  for (const view of views) {
    await page.goto(`${cmsUrl}${view}`, { waitUntil: 'load' })
    await page.locator('nav').first().waitFor()
    await page.waitForLoadState('networkidle').catch(() => {})
    for (const v of await axeViolations(page)) {
      seen.set(v.id, (seen.get(v.id) ?? new Set()).add(view))
      if (!Object.hasOwn(upstreamAdminViolations, v.id)) unexpected.push(formatViolations(view, [v]))
    }
    await onView?.(view)
    const present = []
    for (const selector of atviraAdminParts) if ((await page.locator(selector).count()) > 0) present.push(selector)
    if (present.length) {
      let builder = new AxeBuilder({ page }).withTags(axeTags)
      for (const selector of present) builder = builder.include(selector)
      for (const v of (await builder.analyze()).violations) unexpected.push(`${view} (Atvira's own ${present.join(', ')}): [${v.id}] ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`)
    }
  }
  return { unexpected, seen }
}

export const byRule = (audit: AdminAudit, of: number): string =>
  [...audit.seen].map(([id, where]) => `${id} (${where.size} of ${of} views)`).join('; ') || 'none'
