/**
 * One spelling of a path on the site, for old addresses and the requests that match
 * them: decoded (`/naujienos/šventė/`, as a browser shows it), query and fragment
 * dropped, one trailing slash (the site's pages all end in one). A full address on
 * any host is read for its path, so staff can paste what a QR code or an old link
 * holds. Null for what cannot be a page's address: the home page, `..`, control
 * characters, over 500 characters.
 */
export function normalizeSitePath(input: string): string | null {
  let value = input.trim()
  if (/^https?:\/\//i.test(value)) {
    try {
      value = new URL(value).pathname
    } catch {
      return null
    }
  }
  value = value.replace(/[?#].*$/s, '')
  if (!value.startsWith('/')) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(value)
  } catch {
    return null
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return null
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.length === 0 || segments.some((s) => s === '.' || s === '..')) return null
  const path = `/${segments.join('/')}/`
  return path.length <= 500 ? path : null
}
