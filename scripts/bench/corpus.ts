import { defaultNavigation } from '../../cms/model/identity'
import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../../cms/model/env'
import type { Collection, SiteDoc, Snapshot } from '../../cms/model/snapshot'

/**
 * A generated corpus for benchmarks: documents whose words are drawn from the demo
 * city's own Lithuanian and English text (so stemming sees real inflections), with a
 * fixed seed so every run measures the same data.
 */

export function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function collectStrings(value: unknown, locale: string, out: string[]): void {
  if (typeof value !== 'object' || value === null) return
  for (const [k, v] of Object.entries(value)) {
    if (k === locale && typeof v === 'string') out.push(v)
    else collectStrings(v, locale, out)
  }
}

/** Words of the demo content in one locale, with their natural frequencies. */
export function vocabulary(locale: string): string[] {
  const texts: string[] = []
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name)
      if (fs.statSync(p).isDirectory()) walk(p)
      else if (name.endsWith('.json')) collectStrings(JSON.parse(fs.readFileSync(p, 'utf8')), locale, texts)
    }
  }
  walk(path.join(rootDir, 'content'))
  return texts
    .join(' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split(/[\s#*\-–—()[\]",.;:!?]+/)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w))
}

const types: Collection[] = ['news', 'news', 'news', 'news', 'guides', 'leaflets', 'handbook', 'handbook', 'services', 'consultations', 'pages']

export type CorpusOptions = { documents: number; locales?: string[]; bodyWords?: number; seed?: number }

/** `documents` localized documents in total, spread evenly over the locales. */
export function generateCorpus({ documents, locales = ['lt', 'en'], bodyWords = 500, seed = 42 }: CorpusOptions): Snapshot {
  const random = rng(seed)
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!
  const perLocale = Math.ceil(documents / locales.length)
  const content: Snapshot['content'] = {}
  for (const locale of locales) {
    const words = vocabulary(locale)
    const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ')
    const docs: SiteDoc[] = []
    for (let i = 0; i < perLocale; i++) {
      const type = pick(types)
      const title = sentence(4 + Math.floor(random() * 5))
      const text = Array.from({ length: Math.ceil(bodyWords / 16) }, () => `${sentence(16)}.`).join(' ')
      const base = {
        id: String(i),
        locale,
        title: title[0]!.toUpperCase() + title.slice(1),
        slug: `doc-${i}`,
        url: `/${locale}/${type}/doc-${i}/`,
        summary: `${sentence(18)}.`,
        publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
        updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
        topics: [{ id: String(i % 8), name: `tema ${i % 8}`, slug: `tema-${i % 8}`, url: `/temos/tema-${i % 8}/` }],
        alternates: {},
        seo: { title },
        fallbackFields: [],
        text,
      }
      if (type === 'services') {
        const number = `+370 460 ${String(10000 + i).slice(-5)}`
        docs.push({
          ...base,
          collection: 'services',
          description: base.summary,
          phones: [{ number, tel: `tel:${number.replace(/\s/g, '')}` }],
          email: `service${i}@example.org`,
          address: { street: `${pick(words)} g. ${1 + (i % 40)}`, postcode: 'LT-92100', city: 'Pajūris' },
          hours: [],
        })
      } else {
        docs.push({ ...base, collection: 'news', bodyHtml: `<p>${text}</p>`, urgent: false, related: [] })
      }
    }
    content[locale] = {
      locale,
      docs,
      alerts: [],
      settings: { cityName: 'Pajūris', brand: {}, topTasks: [], navigation: [...defaultNavigation], contact: {}, footerLinks: [], socialLinks: [] },
    }
  }
  return {
    version: 1,
    generatedAt: new Date().toISOString(),
    siteUrl: 'http://127.0.0.1:4321',
    timeZone: 'Europe/Vilnius',
    defaultLocale: locales[0]!,
    locales,
    content,
    files: {},
  }
}
