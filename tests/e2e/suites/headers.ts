/**
 * Security headers of both servers, the content types of on-demand pages, the draft
 * preview's refusal, and the admin in real Chromium under its Content-Security-Policy
 * (sign in, list, edit rich text, upload) with no violation reported.
 */
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { launchBrowser, loopbackContext } from '../browser'
import { loopbackClient, rawRequest } from '../http'
import type { Targets } from './targets'

const directive = (csp: string | undefined, name: string) =>
  (csp ?? '')
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `))

export function headersSuite(targets: () => Targets): void {
  describe('security headers', () => {
    it('the admin: a CSP that keeps everything on its own origin, no framing by others, nosniff, referrer and permissions policies', async () => {
      const { cmsUrl } = targets()
      for (const path of ['/admin/login', '/admin']) {
        const res = await rawRequest(cmsUrl, { path, from: loopbackClient(30_001) })
        const csp = res.headers['content-security-policy'] as string
        expect(directive(csp, 'default-src'), path).toBe("default-src 'self'")
        expect(directive(csp, 'frame-ancestors'), path).toBe("frame-ancestors 'self'")
        expect(directive(csp, 'object-src'), path).toBe("object-src 'none'")
        expect(directive(csp, 'form-action'), path).toBe("form-action 'self'")
        expect(directive(csp, 'connect-src'), path).toBe("connect-src 'self'")
        // Live preview frames the site.
        expect(directive(csp, 'frame-src'), path).toContain(new URL(process.env.SITE_URL || 'http://localhost:4321').origin)
        expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
      }
      for (const path of ['/admin/login', '/api/news', '/api/graphql']) {
        const res = await rawRequest(cmsUrl, { path, from: loopbackClient(30_002) })
        expect(res.headers['x-content-type-options'], path).toBe('nosniff')
        expect(res.headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
        expect(res.headers['permissions-policy'], path).toContain('camera=()')
        expect(res.headers['x-frame-options'], path).toBe('SAMEORIGIN')
      }
    })

    it('the site: self only, never framed, on static and on-demand pages, with a charset on every text answer', async () => {
      const { siteUrl } = targets()
      const pages = [
        ['/', 'text/html'],
        ['/naujienos/', 'text/html'],
        ['/atvira.css', 'text/css'],
        ['/no-such-page', 'text/html'],
        ['/paieska?q=vanduo', 'text/html'],
        ['/en/search?q=water', 'text/html'],
        ['/api/search.json?q=vanduo', 'application/json'],
        ['/naujienlaiskis', 'text/html'],
        ['/en/newsletter', 'text/html'],
        ['/naujienlaiskis/patvirtinti?token=x', 'text/html'],
        ['/naujienlaiskis/nustatymai?token=x', 'text/html'],
        ['/konsultaciju-atsakymai', 'text/html'],
      ] as const
      for (const [path, type] of pages) {
        const res = await rawRequest(siteUrl, { path, from: loopbackClient(30_010) })
        const csp = res.headers['content-security-policy'] as string
        expect(res.status, path).toBeLessThan(500)
        expect(directive(csp, 'default-src'), path).toBe("default-src 'self'")
        expect(directive(csp, 'script-src'), path).toBe("script-src 'self'")
        expect(directive(csp, 'style-src'), path).toBe("style-src 'self'")
        expect(directive(csp, 'frame-ancestors'), path).toBe("frame-ancestors 'none'")
        expect(res.headers['x-frame-options'], path).toBe('DENY')
        expect(res.headers['x-content-type-options'], path).toBe('nosniff')
        expect(res.headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
        expect(res.headers['permissions-policy'], path).toContain('geolocation=()')
        expect(String(res.headers['content-type']).replace(/\s/g, '').toLowerCase(), path).toMatch(new RegExp(`^${type.replace('/', '\\/')};charset=utf-8`))
      }
    })

    it("the site's pages use no inline script or style, so its CSP costs nothing", async () => {
      const { siteUrl } = targets()
      for (const path of ['/', '/naujienos/', '/paieska?q=vanduo', '/naujienlaiskis', '/en/']) {
        const html = (await rawRequest(siteUrl, { path, from: loopbackClient(30_011) })).body
        const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>/g)].map((m) => m[0])
        expect(inlineScripts, path).toEqual([])
        expect(html, path).not.toMatch(/<style[\s>]|\sstyle="/)
        expect(html, path).not.toMatch(/\son[a-z]+="/)
      }
    })

    it('the draft preview: 401 Unauthorized with a page that links to the admin login, framed only by the CMS', async () => {
      const { siteUrl } = targets()
      const res = await rawRequest(siteUrl, { path: '/preview?collection=news&id=1&locale=lt', from: loopbackClient(30_012) })
      expect([res.status, res.reason]).toEqual([401, 'Unauthorized'])
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.body).toMatch(/<a href="[^"]*\/admin\/login"/)
      const csp = res.headers['content-security-policy'] as string
      // The admin's public address and the one the site server reaches it at.
      const ancestors = directive(csp, 'frame-ancestors')!.split(' ').slice(1)
      expect(ancestors.sort()).toEqual(["'self'", new URL(process.env.PAYLOAD_PUBLIC_SERVER_URL!).origin, new URL(targets().cmsUrl).origin].sort())
      expect(res.headers['x-frame-options']).toBeUndefined()
    })

    it('the site refuses TRACE and other methods it has no use for with 405, and says which it takes', async () => {
      const { siteUrl } = targets()
      for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'PROPFIND']) {
        for (const path of ['/', '/paieska', '/naujienlaiskis', '/preview']) {
          const res = await rawRequest(siteUrl, { method, path, from: loopbackClient(30_013) })
          expect([res.status, res.headers.allow], `${method} ${path}`).toEqual([405, 'GET, HEAD, POST, OPTIONS'])
          expect(res.body).toContain('This address does not accept')
        }
      }
      const options = await rawRequest(siteUrl, { method: 'OPTIONS', path: '/', from: loopbackClient(30_013) })
      expect([options.status, options.headers.allow]).toEqual([204, 'GET, HEAD, POST, OPTIONS'])
    })

    it('the admin works in Chromium under its CSP: sign in, list, edit rich text, upload, with no violation', { timeout: 240_000 }, async () => {
      const { cmsUrl, admin } = targets()
      const browser = await launchBrowser()
      const violations: string[] = []
      try {
        const { context, blocked } = await loopbackContext(browser)
        const page = await context.newPage()
        page.on('console', (m) => {
          if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(m.text())) violations.push(m.text())
        })
        await page.goto(`${cmsUrl}/admin/login`)
        await page.fill('input[name="email"]', admin.email)
        await page.fill('input[name="password"]', admin.password)
        await page.click('button[type="submit"]')
        await page.waitForURL((u) => !u.pathname.endsWith('/login'), { timeout: 60_000 })

        await page.goto(`${cmsUrl}/admin/collections/news`)
        await page.waitForSelector('table, .collection-list', { timeout: 60_000 })

        await page.goto(`${cmsUrl}/admin/collections/news/create`)
        await page.fill('input[name="title"]', `CSP check ${Date.now()}`)
        const editor = page.locator('[contenteditable="true"]').first()
        await editor.click()
        await page.keyboard.type('Typed under the admin CSP.')
        await expect.poll(() => editor.innerText(), { timeout: 10_000 }).toContain('Typed under the admin CSP.')

        await page.goto(`${cmsUrl}/admin/collections/media/create`)
        const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } }).png().toBuffer()
        await page.setInputFiles('input[type="file"]', { name: 'csp-check.png', mimeType: 'image/png', buffer: png })
        await page.fill('input[name="alt"]', 'A green rectangle')
        await page.click('#action-save')
        await page.waitForURL(/\/admin\/collections\/media\/\d+/, { timeout: 60_000 })
        // The uploaded image's preview loads from the admin's own origin.
        await page.waitForSelector('img[src*="csp-check"]', { timeout: 30_000 })

        expect(blocked).toEqual([])
      } finally {
        await browser.close()
      }
      expect(violations).toEqual([])
    })
  })
}
