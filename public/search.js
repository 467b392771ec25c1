// Results as you type on the search page. The page works without this file: it only
// replaces the server-rendered results with the same search over /api/search.json.
const root = document.querySelector('[data-search-locale]')
const input = root && root.querySelector('#q')
if (root && input) {
  const out = root.querySelector('#search-results')
  const strings = JSON.parse(root.dataset.searchStrings)
  const rules = new Intl.PluralRules(root.dataset.searchLocale)
  const fmt = new Intl.NumberFormat(root.dataset.searchLocale)
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])
  const fill = (s, v) => s.replace(/\{(\w+)\}/g, (_, k) => (v[k] === undefined ? '' : esc(v[k])))
  let timer
  let controller
  const render = (data) => {
    const status = data.total
      ? `${fill(strings.count[rules.select(data.total)] || strings.count.other, { n: fmt.format(data.total) })}.`
      : fill(strings.none, { q: data.query })
    const hits = data.hits
      .map(
        (h) =>
          `<li><h2 class="hit-title"><a href="${esc(h.url)}">${esc(h.title)}</a></h2>` +
          `<p class="hit-meta"><span>${esc(strings.types[h.type] || h.type)}</span></p>` +
          `<p class="hit-snippet">${h.snippetHtml}</p></li>`,
      )
      .join('')
    out.innerHTML =
      `<p role="status" class="search-status">${status}</p>` +
      (data.fuzzy ? `<p class="notice">${esc(strings.fuzzy)}</p>` : '') +
      (hits ? `<ol class="search-hits">${hits}</ol>` : '')
  }
  const run = async () => {
    const q = input.value.trim()
    if (q.length < 2) return
    controller?.abort()
    controller = new AbortController()
    const params = new URLSearchParams({ locale: root.dataset.searchLocale, q })
    try {
      const res = await fetch(`${root.dataset.searchEndpoint}?${params}`, { signal: controller.signal })
      if (res.status === 429) {
        const body = await res.json()
        out.querySelector('[role=status]').textContent = fill(strings.rateLimited, { n: body.retryAfter })
        return
      }
      if (!res.ok) return
      render(await res.json())
      history.replaceState(null, '', `?${new URLSearchParams({ q })}`)
    } catch {
      // Aborted or offline: the server-rendered results stay.
    }
  }
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(run, 250)
  })
}
