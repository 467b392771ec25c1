import { brandProperties } from '@atvira/model/identity'
import type { SiteSettings } from '@atvira/model/snapshot'

const block = (selector: string, props: Record<string, string>) =>
  `${selector} { ${Object.entries(props).map(([k, v]) => `${k}: ${v};`).join(' ')} }`

/**
 * /brand.css for a city's colours (checked for contrast when staff saved them). Screen
 * only: print keeps its black links. Empty when Settings give none.
 */
export function brandCss(brand: SiteSettings['brand']): string {
  const rules: string[] = ['/* The city\'s colours from Settings (atvira.css has the defaults). */']
  if (brand.colour) rules.push(`@media screen { ${block(':root', brandProperties(brand.colour))} }`)
  if (brand.colourDark) rules.push(`@media screen and (prefers-color-scheme: dark) { ${block(':root', brandProperties(brand.colourDark))} }`)
  return `${rules.join('\n')}\n`
}

/** Whether a page links /brand.css at all (no request when the city keeps the defaults). */
export const hasBrand = (brand: SiteSettings['brand'] | undefined): boolean => Boolean(brand?.colour || brand?.colourDark)
