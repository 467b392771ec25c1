// Generates the demo city's binary assets (PNG illustrations, PDF documents) from
// content/media.json and content/documents.json, so no binary blobs are committed.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import * as fontkitModule from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import sharp from 'sharp'
import { z } from 'zod'

// Bump when drawing/layout code changes so cached outputs are regenerated.
const GENERATOR_VERSION = 1

const AUTHOR = 'Pajūrio miesto savivaldybė'
// Fixed dates (and pdf-lib's seeded RNG for font names) keep PDFs byte-identical.
const FIXED_DATE = new Date('2026-01-01T00:00:00Z')

// ---------------------------------------------------------------------------
// Schemas

const KEY_RE = /^[a-z0-9][a-z0-9-]*$/
const key = z.string().regex(KEY_RE)
// Words per language code, the city's default language first (lt for Pajūris, uk or el
// for the other demo cities): images show that language's label.
const LOCALE_RE = /^[a-z]{2,3}$/
const localized = z
  .record(z.string().regex(LOCALE_RE), z.string().trim().min(1))
  .refine((words) => Object.keys(words).length > 0)
/** The words in the first language given (the content's default language). */
const firstWords = (words: Record<string, string>): string => Object.values(words)[0]!

export const PALETTES = ['sea', 'forest', 'sand', 'city', 'sunset', 'night'] as const
export const MOTIFS = ['waves', 'buildings', 'trees', 'people', 'document', 'bus', 'sun'] as const

export const mediaSpecSchema = z.object({
  key,
  label: localized,
  palette: z.enum(PALETTES),
  motif: z.enum(MOTIFS),
  alt: localized,
  caption: localized.optional(),
  credit: z.string().optional(),
})

export const documentSpecSchema = z.object({
  key,
  title: localized,
  language: z.string().regex(LOCALE_RE),
  pages: z.array(z.string().trim().min(1)).min(1),
})

export type MediaSpec = z.infer<typeof mediaSpecSchema>
export type DocumentSpec = z.infer<typeof documentSpecSchema>

const LOCALIZED_MSG = 'must be an object of non-empty strings by language code, the default language first, e.g. { "lt": "…", "en": "…" }'
const quoteList = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ')

// Per-field wording so an error tells the author what to write, not zod's internals.
const FIELD_MESSAGES: Record<string, string> = {
  key: `must be a string of lowercase letters, digits and hyphens (${KEY_RE.source})`,
  label: LOCALIZED_MSG,
  alt: LOCALIZED_MSG,
  caption: LOCALIZED_MSG,
  title: LOCALIZED_MSG,
  credit: 'must be a string',
  palette: `must be one of ${quoteList(PALETTES)}`,
  motif: `must be one of ${quoteList(MOTIFS)}`,
  language: 'must be a language code such as "lt", "en", "uk" or "el"',
  pages: 'must be a non-empty array of strings',
}

/** Thrown for missing or invalid content files; the message is meant for the author. */
export class AssetInputError extends Error {
  override name = 'AssetInputError'
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file
}

async function readSpecs<T extends { key: string }>(file: string, schema: z.ZodType<T>, what: string): Promise<T[]> {
  const shown = displayPath(file)
  if (!existsSync(file)) {
    throw new AssetInputError(
      `${shown}: file not found. Create it as a JSON array of ${what} (format: docs/content-format.md, section "${path.basename(file)}").`,
    )
  }
  let data: unknown
  try {
    data = JSON.parse(await readFile(file, 'utf8'))
  } catch (err) {
    throw new AssetInputError(`${shown}: invalid JSON: ${(err as Error).message}`)
  }
  if (!Array.isArray(data)) throw new AssetInputError(`${shown}: must be a JSON array of ${what}`)

  const errors: string[] = []
  const items: T[] = []
  const seen = new Map<string, number>()
  data.forEach((raw: unknown, i) => {
    const rawKey = (raw as { key?: unknown } | null)?.key
    const where = `${shown}: item ${i}${typeof rawKey === 'string' ? ` (key "${rawKey}")` : ''}`
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push(`${where}: must be an object`)
      return
    }
    const parsed = schema.safeParse(raw)
    if (!parsed.success) {
      // One message per top-level field, even if zod reports several nested issues.
      const fields = new Set(parsed.error.issues.map((iss) => String(iss.path[0] ?? '')))
      for (const field of fields) {
        const rule = FIELD_MESSAGES[field] ?? 'is invalid'
        const missing = field !== '' && !(field in raw)
        errors.push(`${where}: "${field}" ${missing ? `is missing; it ${rule}` : rule}`)
      }
      return
    }
    const prev = seen.get(parsed.data.key)
    if (prev !== undefined) errors.push(`${where}: "key" duplicates item ${prev}`)
    else seen.set(parsed.data.key, i)
    items.push(parsed.data)
  })
  if (errors.length > 0) throw new AssetInputError(errors.join('\n'))
  return items
}

// ---------------------------------------------------------------------------
// Shared helpers

const require = createRequire(import.meta.url)
// The package is a UMD bundle: under Node ESM its API sits on `default`.
const fontkit = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule

type FontFile = 'DejaVuSans.ttf' | 'DejaVuSans-Bold.ttf'
const fontBytesCache = new Map<FontFile, Promise<Uint8Array>>()

// Fonts come from an npm package so output never depends on the machine's fonts.
function fontBytes(name: FontFile): Promise<Uint8Array> {
  let bytes = fontBytesCache.get(name)
  if (!bytes) {
    bytes = readFile(require.resolve(`dejavu-fonts-ttf/ttf/${name}`)).then((b) => new Uint8Array(b))
    fontBytesCache.set(name, bytes)
  }
  return bytes
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** JSON with sorted keys, so the input hash doesn't depend on key order in the file. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`
  await writeFile(tmp, data)
  await rename(tmp, file)
}

/** Greedy word wrap; words wider than the line are split by characters. */
function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (measure(candidate) <= maxWidth) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    let rest = word
    while (measure(rest) > maxWidth && rest.length > 1) {
      let n = rest.length - 1
      while (n > 1 && measure(rest.slice(0, n)) > maxWidth) n--
      lines.push(rest.slice(0, n))
      rest = rest.slice(n)
    }
    line = rest
  }
  if (line) lines.push(line)
  return lines
}

/** Deterministic per-key randomness so each picture differs but never changes between runs. */
function seededRandom(seed: string): () => number {
  let a = parseInt(sha256(seed).slice(0, 8), 16) >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// ---------------------------------------------------------------------------
// Images

const W = 1600
const H = 900

interface Palette {
  skyTop: string
  skyBottom: string
  ground: string
  groundDark: string
  water: string
  waterDark: string
  accent: string
  building: string[]
  foliage: string[]
  people: string[]
  /** Label panel colour: white text on it must stay well above 4.5:1 contrast. */
  ink: string
  sunGlow: string
}

const PALETTE_COLOURS: Record<MediaSpec['palette'], Palette> = {
  sea: {
    skyTop: '#6ec3f0',
    skyBottom: '#dff3fd',
    ground: '#e8d3a2',
    groundDark: '#c9ad72',
    water: '#2a86c4',
    waterDark: '#0f4f7d',
    accent: '#ffc94a',
    building: ['#2d5f82', '#3b7399', '#22506f'],
    foliage: ['#2f7d4f', '#3f9460'],
    people: ['#e4572e', '#0f4f7d', '#f2a541', '#2f7d4f'],
    ink: '#0b2a40',
    sunGlow: '#fff3c4',
  },
  forest: {
    skyTop: '#9fd6b5',
    skyBottom: '#eef8ea',
    ground: '#4c8f4f',
    groundDark: '#2f6b3a',
    water: '#3d8fb0',
    waterDark: '#23607a',
    accent: '#f2a541',
    building: ['#3a5a40', '#587a5a', '#2b4430'],
    foliage: ['#1f5a2c', '#2f7a3a', '#3f9248', '#175026'],
    people: ['#c4472c', '#23607a', '#f2a541', '#6b3e8a'],
    ink: '#13301a',
    sunGlow: '#fff1c9',
  },
  sand: {
    skyTop: '#ffd88a',
    skyBottom: '#fff6e0',
    ground: '#e3b86f',
    groundDark: '#c4924a',
    water: '#3a8fc0',
    waterDark: '#1f6390',
    accent: '#e4572e',
    building: ['#8a5a2b', '#a8733c', '#6e461f'],
    foliage: ['#5f8a3a', '#7aa24a'],
    people: ['#1f6390', '#e4572e', '#6e461f', '#2f7d4f'],
    ink: '#3d2608',
    sunGlow: '#fff1c4',
  },
  city: {
    skyTop: '#a9bed3',
    skyBottom: '#edf2f7',
    ground: '#7a8998',
    groundDark: '#4f5d6b',
    water: '#4f7fa6',
    waterDark: '#2d5577',
    accent: '#e4572e',
    building: ['#3a4a5c', '#4f6175', '#2a3746', '#5d7089'],
    foliage: ['#3f7a4a', '#4f8f57'],
    people: ['#e4572e', '#2d5577', '#f2b134', '#3f7a4a'],
    ink: '#17212c',
    sunGlow: '#fff4d6',
  },
  sunset: {
    skyTop: '#ff6f61',
    skyBottom: '#ffc47e',
    ground: '#7a3b63',
    groundDark: '#4e2143',
    water: '#b5527a',
    waterDark: '#6b2d5c',
    accent: '#ffe08a',
    building: ['#4e2143', '#3a1733', '#63294f'],
    foliage: ['#3a1733', '#4e2143'],
    people: ['#3a1733', '#63294f', '#2a0f25', '#7a3b63'],
    ink: '#2a0d26',
    sunGlow: '#fff0b8',
  },
  night: {
    skyTop: '#08142b',
    skyBottom: '#2b3f73',
    ground: '#1c2740',
    groundDark: '#0e1526',
    water: '#1f3a66',
    waterDark: '#0b1a36',
    accent: '#f6e27a',
    building: ['#141d33', '#1c2846', '#0f1628'],
    foliage: ['#0f2a26', '#163a33'],
    people: ['#3b4f80', '#5a4a8a', '#2f6f7a', '#7a5a3a'],
    ink: '#000814',
    sunGlow: '#fdf6c8',
  },
}

type Rand = () => number
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
const between = (rand: Rand, lo: number, hi: number) => lo + rand() * (hi - lo)
const r1 = (n: number) => Math.round(n * 10) / 10

function groundBand(p: Palette, y: number): string {
  return (
    `<rect x="0" y="${y}" width="${W}" height="${H - y}" fill="${p.ground}"/>` +
    `<rect x="0" y="${y}" width="${W}" height="8" fill="${p.groundDark}" opacity="0.5"/>`
  )
}

function sunShape(p: Palette, cx: number, cy: number, r: number, rays: number): string {
  let out = `<circle cx="${cx}" cy="${cy}" r="${r * 1.5}" fill="${p.sunGlow}" opacity="0.35"/>`
  for (let i = 0; i < rays; i++) {
    const a = (i / rays) * Math.PI * 2
    const x1 = cx + Math.cos(a) * r * 1.2,
      y1 = cy + Math.sin(a) * r * 1.2
    const x2 = cx + Math.cos(a) * r * 1.65,
      y2 = cy + Math.sin(a) * r * 1.65
    out += `<line x1="${r1(x1)}" y1="${r1(y1)}" x2="${r1(x2)}" y2="${r1(y2)}" stroke="${p.accent}" stroke-width="${r1(r / 8)}" stroke-linecap="round"/>`
  }
  return out + `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${p.accent}"/>`
}

function wavePath(y: number, amp: number, len: number, phase: number): string {
  let d = `M${-len + phase} ${y}`
  for (let x = -len + phase; x < W + len; x += len) {
    d += ` q${len / 4} ${-amp} ${len / 2} 0 t${len / 2} 0`
  }
  return d
}

function person(x: number, ground: number, h: number, colour: string, skin: string): string {
  const head = h * 0.13
  const bodyTop = ground - h + head * 2.1
  const bodyW = h * 0.3
  const legTop = ground - h * 0.38
  return (
    `<rect x="${r1(x - bodyW * 0.38)}" y="${r1(legTop)}" width="${r1(bodyW * 0.3)}" height="${r1(ground - legTop)}" rx="${r1(bodyW * 0.12)}" fill="${colour}" opacity="0.85"/>` +
    `<rect x="${r1(x + bodyW * 0.08)}" y="${r1(legTop)}" width="${r1(bodyW * 0.3)}" height="${r1(ground - legTop)}" rx="${r1(bodyW * 0.12)}" fill="${colour}" opacity="0.85"/>` +
    `<rect x="${r1(x - bodyW / 2)}" y="${r1(bodyTop)}" width="${r1(bodyW)}" height="${r1(legTop - bodyTop + bodyW * 0.15)}" rx="${r1(bodyW * 0.45)}" fill="${colour}"/>` +
    `<circle cx="${r1(x)}" cy="${r1(ground - h + head)}" r="${r1(head)}" fill="${skin}"/>`
  )
}

const MOTIF_DRAWERS: Record<MediaSpec['motif'], (p: Palette, rand: Rand) => string> = {
  waves(p, rand) {
    let out = sunShape(p, 1290, 190, 80, 12)
    out += `<rect x="0" y="500" width="${W}" height="${H - 500}" fill="url(#water)"/>`
    // Sailboat on the horizon gives scale to the sea.
    out +=
      `<path d="M560 500 l0 -190 l110 170 z" fill="#ffffff"/><path d="M548 320 l0 180 l-80 -10 z" fill="#ffffff" opacity="0.85"/>` +
      `<path d="M450 500 h240 l-40 38 h-165 z" fill="${p.waterDark}"/>`
    for (let i = 0; i < 7; i++) {
      const y = 560 + i * 52
      const len = 180 + i * 30
      out += `<path d="${wavePath(y, 16 + i * 3, len, r1(rand() * len))}" fill="none" stroke="#ffffff" stroke-opacity="${r1(0.25 + i * 0.07)}" stroke-width="${6 + i}" stroke-linecap="round"/>`
    }
    return out
  },
  buildings(p, rand) {
    let out = sunShape(p, 260, 170, 60, 0) + groundBand(p, 720)
    let x = 40
    while (x < W - 40) {
      const w = between(rand, 90, 170)
      const h = between(rand, 200, 500)
      const top = 720 - h
      out += `<rect x="${r1(x)}" y="${r1(top)}" width="${r1(w)}" height="${r1(h)}" fill="${pick(rand, p.building)}"/>`
      for (let wy = top + 24; wy < 700 - 30; wy += 44) {
        for (let wx = x + 16; wx < x + w - 30; wx += 36) {
          if (rand() < 0.55)
            out += `<rect x="${r1(wx)}" y="${r1(wy)}" width="18" height="24" fill="${p.accent}" opacity="0.8"/>`
        }
      }
      x += w + between(rand, 4, 24)
    }
    // Town hall with a clock in front of the skyline.
    out +=
      `<rect x="1040" y="360" width="190" height="360" fill="${p.building[0]}"/>` +
      `<path d="M1020 362 L1135 230 L1250 362 Z" fill="${p.groundDark}"/>` +
      `<circle cx="1135" cy="430" r="40" fill="#ffffff"/><path d="M1135 430 V402 M1135 430 H1158" stroke="${p.ink}" stroke-width="6" stroke-linecap="round"/>` +
      `<rect x="1105" y="620" width="60" height="100" rx="30" fill="${p.accent}"/>`
    return out
  },
  trees(p, rand) {
    let out = sunShape(p, 1350, 170, 70, 10)
    out += `<path d="M0 700 Q400 560 800 680 T1600 640 V900 H0 Z" fill="${p.groundDark}"/>` + groundBand(p, 760)
    const count = 11
    for (let i = 0; i < count; i++) {
      const x = 80 + (i + between(rand, -0.3, 0.3)) * ((W - 160) / (count - 1))
      const s = between(rand, 0.7, 1.25)
      const base = 770 + between(rand, 0, 60)
      const leaf = pick(rand, p.foliage)
      out += `<rect x="${r1(x - 10 * s)}" y="${r1(base - 120 * s)}" width="${r1(20 * s)}" height="${r1(120 * s)}" fill="#5b3a1e"/>`
      if (rand() < 0.5) {
        out += `<path d="M${r1(x)} ${r1(base - 330 * s)} l${r1(90 * s)} ${r1(150 * s)} h${r1(-50 * s)} l${r1(70 * s)} ${r1(110 * s)} h${r1(-220 * s)} l${r1(70 * s)} ${r1(-110 * s)} h${r1(-50 * s)} z" fill="${leaf}"/>`
      } else {
        out +=
          `<circle cx="${r1(x)}" cy="${r1(base - 190 * s)}" r="${r1(85 * s)}" fill="${leaf}"/>` +
          `<circle cx="${r1(x - 55 * s)}" cy="${r1(base - 140 * s)}" r="${r1(60 * s)}" fill="${leaf}"/>` +
          `<circle cx="${r1(x + 55 * s)}" cy="${r1(base - 140 * s)}" r="${r1(60 * s)}" fill="${leaf}"/>`
      }
    }
    return out
  },
  people(p, rand) {
    let out = sunShape(p, 220, 160, 55, 0) + groundBand(p, 740)
    const skins = ['#f1c7a3', '#d9a27b', '#a86f4c', '#7a4b2e']
    const count = 7
    for (let i = 0; i < count; i++) {
      const x = 560 + i * 150 + between(rand, -25, 25)
      out += person(
        x,
        760 + between(rand, 0, 30),
        between(rand, 300, 430),
        p.people[i % p.people.length] as string,
        pick(rand, skins),
      )
    }
    return out
  },
  document(p, rand) {
    let out = groundBand(p, 780)
    const page = (dx: number, dy: number, rot: number, lines: boolean) => {
      let g =
        `<g transform="translate(${820 + dx} ${90 + dy}) rotate(${rot})">` +
        `<rect x="8" y="12" width="480" height="640" rx="10" fill="#000000" opacity="0.15"/>` +
        `<path d="M0 0 H390 L480 90 V640 H0 Z" fill="#ffffff"/>` +
        `<path d="M390 0 V90 H480 Z" fill="#dfe5ec"/>`
      if (lines) {
        g += `<rect x="48" y="60" width="260" height="30" rx="6" fill="${p.accent}"/>`
        for (let y = 140; y < 560; y += 38) {
          g += `<rect x="48" y="${y}" width="${r1(between(rand, 240, 384))}" height="14" rx="7" fill="#b8c2cc"/>`
        }
        g +=
          `<circle cx="380" cy="560" r="50" fill="none" stroke="${p.accent}" stroke-width="10"/>` +
          `<path d="M355 560 l18 18 l34 -36" fill="none" stroke="${p.accent}" stroke-width="10" stroke-linecap="round" stroke-linejoin="round"/>`
      }
      return g + '</g>'
    }
    out += page(-70, 40, -8, false) + page(0, 0, 3, true)
    return out
  },
  bus(p, rand) {
    let out = sunShape(p, 240, 170, 60, 10) + groundBand(p, 640)
    out += `<rect x="0" y="690" width="${W}" height="140" fill="#3c4248"/>`
    for (let x = 20; x < W; x += 120) out += `<rect x="${x}" y="754" width="60" height="10" fill="#f4f4f4"/>`
    const bx = 420 + r1(rand() * 40)
    out +=
      `<rect x="${bx}" y="360" width="880" height="340" rx="40" fill="${p.accent}"/>` +
      `<rect x="${bx}" y="600" width="880" height="22" fill="#ffffff" opacity="0.6"/>`
    for (let i = 0; i < 5; i++) {
      out += `<rect x="${bx + 40 + i * 150}" y="400" width="120" height="120" rx="12" fill="#cfe8f7"/>`
    }
    out +=
      `<rect x="${bx + 790}" y="400" width="60" height="230" rx="10" fill="#cfe8f7"/>` +
      `<rect x="${bx + 780}" y="620" width="70" height="20" rx="6" fill="#ffeb99"/>`
    for (const wx of [bx + 170, bx + 690]) {
      out += `<circle cx="${wx}" cy="705" r="58" fill="#1f2326"/><circle cx="${wx}" cy="705" r="24" fill="#9aa3ab"/>`
    }
    // Bus stop sign.
    out +=
      `<rect x="1420" y="420" width="14" height="270" fill="#5d656d"/><rect x="1377" y="370" width="100" height="100" rx="16" fill="${p.waterDark}"/>` +
      `<rect x="1402" y="395" width="50" height="36" rx="6" fill="#ffffff"/><circle cx="1412" cy="440" r="6" fill="#ffffff"/><circle cx="1442" cy="440" r="6" fill="#ffffff"/>`
    return out
  },
  sun(p, rand) {
    let out = sunShape(p, 1100, 360, 170, 16)
    out +=
      `<path d="M0 640 Q420 520 860 640 T1600 600 V900 H0 Z" fill="${p.groundDark}"/>` +
      `<path d="M0 720 Q520 620 1000 720 T1600 700 V900 H0 Z" fill="${p.ground}"/>`
    for (let i = 0; i < 5; i++) {
      const x = between(rand, 300, 800),
        y = between(rand, 140, 380),
        s = between(rand, 14, 26)
      out += `<path d="M${r1(x - s)} ${r1(y)} q${r1(s / 2)} ${r1(-s / 2)} ${r1(s)} 0 q${r1(s / 2)} ${r1(-s / 2)} ${r1(s)} 0" fill="none" stroke="${p.groundDark}" stroke-width="5" stroke-linecap="round"/>`
    }
    return out
  },
}

type FontkitFont = ReturnType<typeof fontkit.create>
let svgFontPromise: Promise<FontkitFont> | undefined

// Text is drawn as glyph outlines: sharp's SVG renderer would otherwise depend on
// whatever fonts fontconfig finds (or none) on the machine.
function svgFont(): Promise<FontkitFont> {
  svgFontPromise ??= fontBytes('DejaVuSans-Bold.ttf').then((b) => fontkit.create(b))
  return svgFontPromise
}

function textPaths(font: FontkitFont, text: string, x: number, baseline: number, size: number): string {
  const scale = size / font.unitsPerEm
  const run = font.layout(text)
  let pen = 0
  let out = `<g transform="translate(${r1(x)} ${r1(baseline)}) scale(${scale} ${-scale})">`
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i]
    const d = glyph.path.toSVG()
    if (d) out += `<path transform="translate(${pen + (pos?.xOffset ?? 0)} ${pos?.yOffset ?? 0})" d="${d}"/>`
    pen += pos?.xAdvance ?? glyph.advanceWidth
  })
  return out + '</g>'
}

function labelPanel(font: FontkitFont, label: string, p: Palette): string {
  const margin = 60
  const pad = 40
  const maxWidth = W - 2 * margin - 2 * pad
  const measure = (size: number) => (s: string) => (font.layout(s).advanceWidth * size) / font.unitsPerEm
  let size = 96
  let lines = wrapText(label, maxWidth, measure(size))
  // Prefer large type on at most two lines; shrink only when needed.
  while (lines.length > 2 && size > 48) {
    size -= 4
    lines = wrapText(label, maxWidth, measure(size))
  }
  const lineHeight = size * 1.2
  const width = Math.max(...lines.map(measure(size))) + 2 * pad
  const height = lines.length * lineHeight + 2 * pad - (lineHeight - size)
  const top = H - margin - height
  let out =
    `<rect x="${margin}" y="${r1(top)}" width="${r1(width)}" height="${r1(height)}" rx="20" fill="${p.ink}" opacity="0.9"/>` +
    `<rect x="${margin}" y="${r1(top + 20)}" width="10" height="${r1(height - 40)}" rx="5" fill="${p.accent}"/>`
  out += '<g fill="#ffffff">'
  lines.forEach((line, i) => {
    out += textPaths(font, line, margin + pad, top + pad + size * 0.8 + i * lineHeight, size)
  })
  return out + '</g>'
}

export async function renderImageSvg(spec: MediaSpec): Promise<string> {
  const p = PALETTE_COLOURS[spec.palette]
  const rand = seededRandom(spec.key)
  const font = await svgFont()
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    '<defs>' +
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.skyTop}"/><stop offset="1" stop-color="${p.skyBottom}"/></linearGradient>` +
    `<linearGradient id="water" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.water}"/><stop offset="1" stop-color="${p.waterDark}"/></linearGradient>` +
    '</defs>' +
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>` +
    MOTIF_DRAWERS[spec.motif](p, rand) +
    labelPanel(font, firstWords(spec.label), p) +
    '</svg>'
  )
}

async function renderImage(spec: MediaSpec): Promise<Buffer> {
  const svg = await renderImageSvg(spec)
  // sharp writes no timestamps or metadata by default, so PNGs are reproducible.
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer()
}

// ---------------------------------------------------------------------------
// PDFs

const A4: [number, number] = [595.28, 841.89]
const MARGIN_X = 56
const MARGIN_TOP = 60
const BODY_BOTTOM = 64 // leaves room for the footer
const TEXT = rgb(0.1, 0.1, 0.12)
const MUTED = rgb(0.38, 0.4, 0.44)

type Block = { kind: 'para' | 'heading'; text: string } | { kind: 'item'; marker: string; text: string }

/** Light Markdown so content authors can use the same habits as in rich text fields. */
function cleanInline(s: string): string {
  return (
    s
      .replace(/\*\*(.+?)\*\*/g, '$1')
      .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '$1 ($2)')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/[\t\u00a0]/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
  )
}

function parseBlocks(page: string): Block[] {
  const blocks: Block[] = []
  let para: string[] = []
  const flush = () => {
    if (para.length) blocks.push({ kind: 'para', text: cleanInline(para.join(' ')) })
    para = []
  }
  for (const raw of page.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim()
    const heading = /^#{1,6}\s+(.*)$/.exec(line)
    const bullet = /^[-*•]\s+(.*)$/.exec(line)
    const numbered = /^(\d+[.)])\s+(.*)$/.exec(line)
    if (line && !heading && !bullet && !numbered) {
      para.push(line)
      continue
    }
    flush()
    if (heading) blocks.push({ kind: 'heading', text: cleanInline(heading[1] ?? '') })
    else if (bullet) blocks.push({ kind: 'item', marker: '•', text: cleanInline(bullet[1] ?? '') })
    else if (numbered) blocks.push({ kind: 'item', marker: numbered[1] ?? '', text: cleanInline(numbered[2] ?? '') })
  }
  flush()
  return blocks.filter((b) => b.text)
}

interface LaidLine {
  text: string
  x: number
  dy: number
  size: number
  bold: boolean
}

/**
 * Text width at size 1 from cached per-word widths: the fit search re-wraps every page
 * many times, and pdf-lib's own measurement re-shapes the whole string on each call.
 */
function widthMeter(font: PDFFont): (s: string, size: number) => number {
  const cache = new Map<string, number>()
  const space = font.widthOfTextAtSize(' ', 1)
  return (s, size) => {
    let total = 0
    const words = s.split(' ')
    for (const word of words) {
      let w = cache.get(word)
      if (w === undefined) cache.set(word, (w = font.widthOfTextAtSize(word, 1)))
      total += w
    }
    return (total + space * (words.length - 1)) * size
  }
}

/** Positions lines top-down at a given body size; returns the total height used. */
type Meter = (s: string, size: number) => number

function layoutBlocks(blocks: Block[], size: number, width: number, regular: Meter, bold: Meter) {
  const lines: LaidLine[] = []
  let y = 0
  const leading = size * 1.4
  blocks.forEach((block, i) => {
    if (i > 0) y += size * 0.6
    if (block.kind === 'heading') {
      const hs = size * 1.25
      if (i > 0) y += size * 0.4
      for (const text of wrapText(block.text, width, (s) => bold(s, hs))) {
        y += hs * 1.3
        lines.push({ text, x: 0, dy: y, size: hs, bold: true })
      }
      return
    }
    const indent = block.kind === 'item' ? size * 1.6 : 0
    const wrapped = wrapText(block.text, width - indent, (s) => regular(s, size))
    wrapped.forEach((text, j) => {
      y += leading
      if (j === 0 && block.kind === 'item') lines.push({ text: block.marker, x: size * 0.3, dy: y, size, bold: false })
      lines.push({ text, x: indent, dy: y, size, bold: false })
    })
  })
  return { lines, height: y }
}

function drawFooter(page: PDFPage, font: PDFFont, n: number, total: number): void {
  const text = `${AUTHOR} · ${n}/${total}`
  page.drawText(text, { x: MARGIN_X, y: 32, size: 8, font, color: MUTED })
  page.drawLine({ start: { x: MARGIN_X, y: 46 }, end: { x: A4[0] - MARGIN_X, y: 46 }, thickness: 0.5, color: MUTED })
}

async function renderDocument(spec: DocumentSpec): Promise<Uint8Array> {
  // updateMetadata: false stops pdf-lib from stamping the current time.
  const pdf = await PDFDocument.create({ updateMetadata: false })
  pdf.registerFontkit(fontkit)
  const regular = await pdf.embedFont(await fontBytes('DejaVuSans.ttf'), { subset: true })
  const bold = await pdf.embedFont(await fontBytes('DejaVuSans-Bold.ttf'), { subset: true })
  const meterRegular = widthMeter(regular)
  const meterBold = widthMeter(bold)
  const title = spec.title[spec.language] ?? firstWords(spec.title)

  pdf.setTitle(title, { showInWindowTitleBar: true })
  pdf.setAuthor(AUTHOR)
  pdf.setLanguage(spec.language)
  pdf.setCreator('Atvira make-assets')
  pdf.setProducer('pdf-lib')
  pdf.setCreationDate(FIXED_DATE)
  pdf.setModificationDate(FIXED_DATE)

  const width = A4[0] - 2 * MARGIN_X
  const total = spec.pages.length
  spec.pages.forEach((pageText, idx) => {
    const page = pdf.addPage(A4)
    let top = A4[1] - MARGIN_TOP
    if (idx === 0) {
      page.drawText(AUTHOR, { x: MARGIN_X, y: top - 9, size: 9, font: regular, color: MUTED })
      top -= 24
      const titleSize = title.length > 90 ? 16 : 20
      for (const line of wrapText(title, width, (s) => bold.widthOfTextAtSize(s, titleSize))) {
        top -= titleSize * 1.25
        page.drawText(line, { x: MARGIN_X, y: top, size: titleSize, font: bold, color: TEXT })
      }
      top -= 14
      page.drawLine({
        start: { x: MARGIN_X, y: top },
        end: { x: A4[0] - MARGIN_X, y: top },
        thickness: 1,
        color: rgb(0.16, 0.45, 0.65),
      })
      top -= 8
    }
    const available = top - BODY_BOTTOM
    const blocks = parseBlocks(pageText)
    // Shrink the body rather than spill: the page count must equal pages.length.
    const layout = (size: number) => layoutBlocks(blocks, size, width, meterRegular, meterBold)
    let laid = layout(11)
    if (laid.height > available) {
      // Binary search in quarter points for the largest size that fits.
      let lo = 8 // in quarter points: 2pt
      let hi = 43 // 10.75pt
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2)
        if (layout(mid / 4).height <= available) lo = mid
        else hi = mid - 1
      }
      laid = layout(lo / 4)
    }
    if (laid.height > available) {
      throw new AssetInputError(`documents: "${spec.key}" page ${idx + 1} has too much text to fit on one A4 page`)
    }
    for (const line of laid.lines) {
      page.drawText(line.text, {
        x: MARGIN_X + line.x,
        y: top - line.dy,
        size: line.size,
        font: line.bold ? bold : regular,
        color: TEXT,
      })
    }
    drawFooter(page, regular, idx + 1, total)
  })
  return pdf.save()
}

// ---------------------------------------------------------------------------
// Orchestration

export interface MakeAssetsOptions {
  contentDir: string
  outDir: string
  onProgress?: (done: number, total: number, label: string) => void
}

export interface MakeAssetsResult {
  /** media key → absolute PNG path */
  images: Record<string, string>
  /** document key → absolute PDF path */
  documents: Record<string, string>
  /** how many files were written vs. reused because their sidecar hash matched */
  generated: number
  upToDate: number
}

interface Job {
  label: string
  file: string
  hash: string
  render: () => Promise<Uint8Array>
}

export async function makeAssets(opts: MakeAssetsOptions): Promise<MakeAssetsResult> {
  const contentDir = path.resolve(opts.contentDir)
  const outDir = path.resolve(opts.outDir)
  // Validate both files before writing anything, and report both files' problems at once.
  const [mediaRead, docsRead] = await Promise.allSettled([
    readSpecs(path.join(contentDir, 'media.json'), mediaSpecSchema, 'image specs'),
    readSpecs(path.join(contentDir, 'documents.json'), documentSpecSchema, 'document specs'),
  ])
  const failures = [mediaRead, docsRead].flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []))
  if (failures.length > 0) {
    const unexpected = failures.find((f) => !(f instanceof AssetInputError))
    if (unexpected) throw unexpected
    throw new AssetInputError(failures.map((f) => (f as AssetInputError).message).join('\n'))
  }
  const media = (mediaRead as PromiseFulfilledResult<MediaSpec[]>).value
  const docs = (docsRead as PromiseFulfilledResult<DocumentSpec[]>).value

  const result: MakeAssetsResult = { images: {}, documents: {}, generated: 0, upToDate: 0 }
  const jobs: Job[] = []
  const specHash = (kind: string, spec: unknown) => sha256(canonicalJson({ generator: GENERATOR_VERSION, kind, spec }))

  await mkdir(path.join(outDir, 'images'), { recursive: true })
  await mkdir(path.join(outDir, 'documents'), { recursive: true })
  for (const spec of media) {
    const file = path.join(outDir, 'images', `${spec.key}.png`)
    result.images[spec.key] = file
    jobs.push({ label: `images/${spec.key}.png`, file, hash: specHash('image', spec), render: () => renderImage(spec) })
  }
  for (const spec of docs) {
    const file = path.join(outDir, 'documents', `${spec.key}.pdf`)
    result.documents[spec.key] = file
    jobs.push({
      label: `documents/${spec.key}.pdf`,
      file,
      hash: specHash('document', spec),
      render: () => renderDocument(spec),
    })
  }

  let done = 0
  opts.onProgress?.(0, jobs.length, 'starting')
  const runJob = async (job: Job) => {
    const sidecar = `${job.file}.sha256`
    const cached = existsSync(job.file) && existsSync(sidecar) && (await readFile(sidecar, 'utf8')).trim() === job.hash
    if (cached) {
      result.upToDate++
    } else {
      await writeAtomic(job.file, await job.render())
      // Sidecar last: an interrupted run leaves no hash, so the file is redone next time.
      await writeAtomic(sidecar, `${job.hash}\n`)
      result.generated++
    }
    opts.onProgress?.(++done, jobs.length, cached ? `${job.label} (up to date)` : job.label)
  }

  // A few jobs at once: sharp/libvips work happens off the main thread.
  const queue = [...jobs]
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await runJob(job)
  }
  await Promise.all(Array.from({ length: Math.min(4, jobs.length) }, worker))
  return result
}
