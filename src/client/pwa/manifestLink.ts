// The web app manifest is linked once the first screen is up (App.vue, afterFirstScreen), not from
// index.html: linked there, the browser fetches it and then its icons at once, beside the first
// screen's script and data on a slow line (≈ 0.2 s later lights in `npm run bench`). Installing
// the app, and its name and icons on the home screen, need it only later. The build takes the
// link that vite-plugin-pwa writes out of index.html (vite.config.ts: manifestLinkAfterFirstScreen).

export const MANIFEST_HREF = `${import.meta.env.BASE_URL}manifest.webmanifest`

export function linkManifest(): void {
  if (document.querySelector('link[rel="manifest"]')) return
  const link = document.createElement('link')
  link.rel = 'manifest'
  link.href = MANIFEST_HREF
  document.head.append(link)
}
