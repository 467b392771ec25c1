/**
 * The city's identity as configuration: its brand colours (checked for WCAG AA where the
 * site uses them), the icons staff may give a top task, and the sections the main menu
 * offers by default. Read by the Settings global, the seed loader and the templates.
 */
import { colord, extend } from 'colord'
import a11yPlugin from 'colord/plugins/a11y'

import type { SectionCollection } from './registry'

extend([a11yPlugin])

export type ColourScheme = 'light' | 'dark'

/** The site's own accent colours, used when Settings give none. */
export const defaultBrand: Record<ColourScheme, string> = { light: '#0b4f8a', dark: '#8fc6ff' }

/**
 * Where the accent is read in each scheme: as link text on the page, the menu bar and
 * notices, and as the background of buttons with the page colour on it.
 * Kept in step with the custom properties in public/atvira.css.
 */
export const brandBackgrounds: Record<ColourScheme, { name: 'page' | 'menu' | 'notice'; hex: string }[]> = {
  light: [
    { name: 'page', hex: '#ffffff' },
    { name: 'menu', hex: '#eef2f5' },
    { name: 'notice', hex: '#e3eefa' },
  ],
  dark: [
    { name: 'page', hex: '#14171a' },
    { name: 'menu', hex: '#20252b' },
    { name: 'notice', hex: '#1c3047' },
  ],
}

/** WCAG 2.2 AA for normal text (1.4.3). */
export const minimumContrast = 4.5

const hexPattern = /^#[0-9a-f]{6}$/i

export type BrandProblem =
  | { kind: 'format'; value: string }
  | { kind: 'contrast'; value: string; background: 'page' | 'menu' | 'notice'; backgroundHex: string; ratio: number }

/**
 * Why a colour cannot be the accent of a scheme, or null when it can. The ratio is
 * rounded down to one decimal, so "4.4:1" never hides a colour that is just short.
 */
export function brandColourProblem(value: string, scheme: ColourScheme): BrandProblem | null {
  if (!hexPattern.test(value)) return { kind: 'format', value }
  let worst: BrandProblem | null = null
  for (const bg of brandBackgrounds[scheme]) {
    const ratio = colord(value).contrast(bg.hex)
    if (ratio < minimumContrast && (!worst || (worst.kind === 'contrast' && ratio < worst.ratio))) {
      worst = { kind: 'contrast', value, background: bg.name, backgroundHex: bg.hex, ratio: Math.floor(ratio * 10) / 10 }
    }
  }
  return worst
}

/** The custom properties a brand sets, in a scheme: links, the accent bars and buttons. */
export function brandProperties(hex: string): Record<string, string> {
  const c = hex.toLowerCase()
  return { '--accent': c, '--link': c }
}

/** Icons a top task may have: the key staff choose → the icon's name in lucide-static. */
export const taskIcons = {
  document: 'file-text',
  identity: 'id-card',
  family: 'baby',
  education: 'graduation-cap',
  health: 'heart-pulse',
  social: 'hand-heart',
  home: 'house',
  works: 'shovel',
  transport: 'bus',
  parking: 'square-parking',
  waste: 'recycle',
  water: 'droplets',
  taxes: 'receipt',
  business: 'briefcase',
  culture: 'drama',
  environment: 'trees',
  events: 'calendar-days',
  participation: 'megaphone',
  council: 'landmark',
  contact: 'phone',
  place: 'map-pin',
  accessibility: 'accessibility',
} as const

export type TaskIcon = keyof typeof taskIcons
export const taskIconKeys = Object.keys(taskIcons) as TaskIcon[]

/** What a top task may lead to: the documents residents come to do something with. */
export const taskCollections = ['services', 'guides', 'handbook', 'pages', 'leaflets', 'consultations'] as const

/**
 * The main menu when Settings name none: what residents come for (services, how-to
 * guides, answers, news, having a say). Leaflets and topics are reached from the
 * footer's list of every section and from the pages that use them.
 */
export const defaultNavigation: SectionCollection[] = ['services', 'guides', 'handbook', 'news', 'consultations']
