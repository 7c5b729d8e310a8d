// The built service worker precaches the app shell and never anything under /api/ (data lives in
// Dexie). Reads dist/, which `npm run test:e2e` builds first.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIST } from '../helpers/dist'

const dist = DIST

function precacheUrls(): string[] {
  const sw = readFileSync(resolve(dist, 'sw.js'), 'utf8')
  return [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!)
}

describe('built PWA', () => {
  it('has been built', () => {
    expect(existsSync(resolve(dist, 'sw.js')), 'run `vite build` first').toBe(true)
  })

  it('precaches index.html, every JS and CSS asset, the icons and the manifest', () => {
    const urls = precacheUrls()
    expect(urls).toContain('index.html')
    expect(urls).toContain('manifest.webmanifest')
    expect(urls).toEqual(expect.arrayContaining(['icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png', 'apple-touch-icon.png']))
    const assets = readdirSync(resolve(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f))
    expect(assets.length).toBeGreaterThan(2)
    for (const asset of assets) expect(urls).toContain(`assets/${asset}`)
    // Precompressed twins are for the server, not the cache.
    expect(urls.some((u) => /\.(br|gz)$/.test(u))).toBe(false)
  })

  it('caches nothing under /api/ and keeps /api/ out of the navigation fallback', () => {
    const sw = readFileSync(resolve(dist, 'sw.js'), 'utf8')
    expect(precacheUrls().some((u) => u.includes('api/'))).toBe(false)
    expect(sw).toContain('createHandlerBoundToURL("/index.html")')
    expect(sw).toMatch(/denylist:\[\/\^\\\/api\\\/\/\]/)
    expect(sw).not.toMatch(/registerRoute\([^)]*api/)
  })

  it('has a Danish manifest with any and maskable icons', () => {
    const manifest = JSON.parse(readFileSync(resolve(dist, 'manifest.webmanifest'), 'utf8')) as { icons: Array<{ sizes: string; purpose: string }> }
    expect(manifest).toMatchObject({ name: 'Min lederside', short_name: 'Lederside', lang: 'da', start_url: '/', scope: '/', display: 'standalone' })
    const purposes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)
    expect(purposes).toEqual(['192x192 any', '512x512 any', '512x512 maskable'])
  })

  it('has no inline script in index.html (strict CSP)', () => {
    const html = readFileSync(resolve(dist, 'index.html'), 'utf8')
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/)
      expect(body!.trim()).toBe('')
    }
  })

  it('ships .br and .gz beside the JS, CSS and HTML', () => {
    const main = readdirSync(resolve(dist, 'assets')).find((f) => /^index-.*\.js$/.test(f))!
    expect(existsSync(resolve(dist, 'assets', `${main}.br`))).toBe(true)
    expect(existsSync(resolve(dist, 'assets', `${main}.gz`))).toBe(true)
    expect(existsSync(resolve(dist, 'index.html.gz'))).toBe(true)
  })
})
