// Draft previews only. The admin's live preview frames this page (or opens it as a
// popup) and sends nothing until the page says it is ready; after every save, autosave
// included, it says so, and the page reloads to show what the CMS now holds.
const banner = document.querySelector('[data-cms-origin]')
if (banner) {
  const cms = banner.dataset.cmsOrigin
  const host = window.parent !== window ? window.parent : window.opener
  if (host) host.postMessage({ type: 'payload-live-preview', ready: true }, cms)
  let timer
  window.addEventListener('message', (event) => {
    if (event.origin !== cms || !event.data || event.data.type !== 'payload-document-event') return
    clearTimeout(timer)
    timer = setTimeout(() => location.reload(), 300)
  })
}
