import slugifyLib from 'slugify'

/**
 * URL slug in ASCII where the script has a transliteration (Lithuanian, Ukrainian,
 * Greek all do): "Šildymo sezonas" → "sildymo-sezonas".
 */
export function slugify(input: string): string {
  return slugifyLib(input.normalize('NFC'), { lower: true, strict: true, trim: true })
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 96)
    .replace(/-$/, '')
}
