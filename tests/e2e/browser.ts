/**
 * Debian's Chromium through playwright-core, kept on loopback: every request to
 * another address is aborted (and recorded), so a page can never reach the network.
 */
import { AxeBuilder } from '@axe-core/playwright'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'

export const chromiumPath = '/usr/bin/chromium'

/** WCAG 2.2 AA, as the site promises in its accessibility statement. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1'
}

export type LoopbackContext = { context: BrowserContext; blocked: string[] }

/** A context whose requests to anything but 127.0.0.1 are aborted and listed in `blocked`. */
export async function loopbackContext(browser: Browser, options: BrowserContextOptions = {}): Promise<LoopbackContext> {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options })
  const blocked: string[] = []
  await context.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && !isLoopback(url),
    (route) => {
      blocked.push(route.request().url())
      return route.abort('blockedbyclient')
    },
  )
  return { context, blocked }
}

export type AxeViolation = { id: string; impact?: string | null; help: string; targets: string[] }

/** Runs axe-core (tags above) on the page as it is now. */
export async function axeViolations(page: Page, options: { disableRules?: string[] } = {}): Promise<AxeViolation[]> {
  let builder = new AxeBuilder({ page }).withTags(axeTags)
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules)
  const result = await builder.analyze()
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
  }))
}

export function formatViolations(label: string, violations: AxeViolation[]): string {
  return violations
    .map((v) => `${label}: [${v.id}${v.impact ? `, ${v.impact}` : ''}] ${v.help}\n    ${v.targets.slice(0, 5).join('\n    ')}${v.targets.length > 5 ? `\n    … and ${v.targets.length - 5} more` : ''}`)
    .join('\n')
}

/**
 * Opens the Publish button's menu and clicks an item in it. A click that lands while the
 * edit view is still settling (hydration, the first autosave) can leave the menu shut or
 * shut it again; the menu is opened until the item shows, then the item is clicked.
 */
export async function choosePublishMenuItem(page: Page, item: string): Promise<void> {
  const target = page.locator(item)
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!(await target.isVisible())) await page.locator('#action-save-popup button').first().click()
    try {
      await target.waitFor({ state: 'visible', timeout: 3000 })
      await target.click({ timeout: 3000 })
      return
    } catch {
      // shut again: open it once more
    }
  }
  throw new Error(`The Publish menu did not show ${item} after 5 tries.`)
}
