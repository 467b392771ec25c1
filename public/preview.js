// Draft previews only: reload when the CMS's live preview says the draft changed.
const banner = document.querySelector('[data-cms-origin]')
if (banner) {
  let timer
  window.addEventListener('message', (event) => {
    if (event.origin !== banner.dataset.cmsOrigin || !event.data || event.data.type !== 'payload-live-preview') return
    clearTimeout(timer)
    timer = setTimeout(() => location.reload(), 800)
  })
}
