// Renders the app icons (public/) from one SVG with headless Chromium, at exact sizes.
// Run: npx tsx test/helpers/make-icons.ts   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'

const BRAND = '#14365d'

/** A traffic light: red octagon, yellow triangle, green circle — shapes, not only colours. */
function iconSvg(opts: { rounded: boolean; scale: number }): string {
  const { rounded, scale } = opts
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="100%" height="100%">
  <rect width="512" height="512" rx="${rounded ? 96 : 0}" fill="${BRAND}"/>
  <g transform="translate(256 256) scale(${scale}) translate(-256 -256)">
    <rect x="166" y="46" width="180" height="420" rx="90" fill="#0a1f38" stroke="#ffffff" stroke-width="14"/>
    <polygon points="234,86 278,86 309,117 309,161 278,192 234,192 203,161 203,117" fill="#d93025"/>
    <polygon points="256,206 312,302 200,302" fill="#f2c200" stroke-linejoin="round"/>
    <circle cx="256" cy="370" r="52" fill="#2ea44f"/>
  </g>
</svg>`
}

const targets = [
  { file: 'public/icons/icon-192.png', size: 192, rounded: true, scale: 0.86, transparent: true },
  { file: 'public/icons/icon-512.png', size: 512, rounded: true, scale: 0.86, transparent: true },
  // Maskable: full bleed, the drawing inside the 80 % safe circle.
  { file: 'public/icons/icon-maskable-512.png', size: 512, rounded: false, scale: 0.68, transparent: false },
  // iOS fills transparency with black: full square, no transparency.
  { file: 'public/apple-touch-icon.png', size: 180, rounded: false, scale: 0.8, transparent: false },
]

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 })
    for (const t of targets) {
      await page.setViewportSize({ width: t.size, height: t.size })
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${iconSvg(t)}</body></html>`)
      const png = await page.screenshot({ omitBackground: t.transparent, clip: { x: 0, y: 0, width: t.size, height: t.size } })
      writeFileSync(resolve(t.file), png)
      console.log(`${t.file} ${t.size}×${t.size}`)
    }
  } finally {
    await browser.close()
  }
  writeFileSync(resolve('public/favicon.svg'), iconSvg({ rounded: true, scale: 0.86 }).replace(' width="100%" height="100%"', '') + '\n')
}

await main()
