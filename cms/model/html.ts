/**
 * The stock list converter writes empty class/style and a `value` on every item; a
 * link to nothing (`href="#"`) is kept as its text.
 */
export function tidyHtml(html: string): string {
  return html
    .replace(/<a href="#">([\s\S]*?)<\/a>/g, '$1')
    .replace(/\s+(?:class|style)=""/g, '')
    .replace(/<li\s+value="\d+"\s*>/g, '<li>')
    .replace(/<li\s+>/g, '<li>')
}
