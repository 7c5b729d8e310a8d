// JavaScript loaded before the first screen: every script the page asks for from opening a
// signed-in leader's home until its four lights are visible (its 'lights-visible' mark), measured as the built files gzipped
// at level 9 (what the server's precompressed .gz twins hold). Budget ≤ 90 KiB.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { DEMO_LEADER, firstVisit, launchChromium, lightCards } from '../helpers/browser'
import { loginCookie, type ServerProcess } from '../helpers/server-process'
import { figure, type Figure } from './report'

export const FIRST_SCREEN_JS_BUDGET_KIB = 90

export async function firstScreenScripts(server: ServerProcess): Promise<string[]> {
  const cookie = await loginCookie(server.url, DEMO_LEADER)
  const browser = await launchChromium()
  try {
    // No service worker: this is the first visit's download.
    const page = await firstVisit(browser, server.url, cookie)
    await lightCards(page).nth(3).waitFor()
    // The page's own clock, not the order Playwright hears of responses: on a busy machine a script
    // asked for just after the lights can be reported before the wait above returns.
    const scripts = await page.evaluate(() => {
      const lights = performance.getEntriesByName('lights-visible', 'mark')[0]?.startTime ?? Infinity
      return performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < lights && new URL(e.name).pathname.endsWith('.js'))
        .map((e) => new URL(e.name).pathname)
    })
    return [...new Set(scripts)].sort()
  } finally {
    await browser.close()
  }
}

export async function benchBundle(server: ServerProcess, dist: string): Promise<Figure[]> {
  const scripts = await firstScreenScripts(server)
  if (scripts.length === 0) throw new Error('no JavaScript was loaded before the lights — did the page render?')
  const sizes = scripts.map((path) => {
    const gz = gzipSync(readFileSync(join(dist, path)), { level: 9 }).length
    return { path, gz }
  })
  const total = sizes.reduce((sum, s) => sum + s.gz, 0) / 1024
  const detail = sizes.map((s) => `${s.path.replace(/^\/assets\//, '')} ${(s.gz / 1024).toFixed(1)} KiB`).join(', ')
  return [figure('JS before first screen (gzip)', total, ' KiB', '<=', FIRST_SCREEN_JS_BUDGET_KIB, detail)]
}
