// Installed and offline: time from navigation start to the four lights on screen, median of 5
// reloads (after one unmeasured warm-up). The client sets performance.mark('lights-visible') when
// the lights render; where it does not, an init script polls once per frame for the four cards.
// Budget ≤ 300 ms.
import { DEMO_LEADER, launchChromium, lightCards, phoneContext, waitForServiceWorker } from '../helpers/browser'
import { loginCookie, type ServerProcess } from '../helpers/server-process'
import { figure, median, type Figure } from './report'

export const OFFLINE_LIGHTS_BUDGET_MS = 300
const RUNS = 5

declare global {
  interface Window {
    __lightsVisibleAt?: number
  }
}

// A string, not a function: tsx would wrap a named function in a helper the page does not have.
const WATCH_FOR_LIGHTS = `(() => {
  const check = () => {
    if (document.querySelectorAll('[data-testid^="light-"]').length >= 4) {
      window.__lightsVisibleAt = performance.now()
      return
    }
    requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
})()`

export async function offlineLightTimes(server: ServerProcess, runs = RUNS): Promise<{ times: number[]; source: string }> {
  const cookie = await loginCookie(server.url, DEMO_LEADER)
  const [name, value] = cookie.split('=') as [string, string]
  const browser = await launchChromium()
  try {
    const context = await phoneContext(browser, server.url)
    await context.addCookies([{ name, value, url: server.url }])
    await context.addInitScript({ content: WATCH_FOR_LIGHTS })
    const page = await context.newPage()
    await page.goto('/')
    await lightCards(page).nth(3).waitFor()
    await waitForServiceWorker(page)
    await lightCards(page).nth(3).waitFor()
    // Let the fetched units land in IndexedDB before the network goes.
    await page.waitForLoadState('networkidle')

    await context.setOffline(true)
    const times: number[] = []
    let source = 'rAF poll'
    for (let i = 0; i <= runs; i++) {
      await page.reload({ waitUntil: 'commit' })
      await page.waitForFunction(() => window.__lightsVisibleAt !== undefined, undefined, { timeout: 10_000 })
      const { polled, mark, offline } = await page.evaluate(async () => ({
        polled: window.__lightsVisibleAt!,
        mark: performance.getEntriesByName('lights-visible', 'mark')[0]?.startTime ?? null,
        // Not navigator.onLine: Chromium may say true after an offline reload. A request nothing
        // can have cached must fail.
        offline: await fetch(`/api/health?probe=${Math.random()}`, { cache: 'no-store' }).then(
          () => false,
          () => true,
        ),
      }))
      if (!offline) throw new Error('the page was not offline')
      if (mark !== null) source = "performance.mark('lights-visible')"
      if (i > 0) times.push(mark ?? polled)
    }
    // It must really have been the cached page: the offline notice is on screen.
    await page.getByTestId('offline-banner').waitFor({ timeout: 5_000 })
    return { times, source }
  } finally {
    await browser.close()
  }
}

export async function benchOffline(server: ServerProcess): Promise<Figure[]> {
  const { times, source } = await offlineLightTimes(server)
  const detail = `${times.map((t) => t.toFixed(0)).join(', ')} ms (${source})`
  return [figure(`offline: lights after navigation (median of ${times.length})`, Math.round(median(times)), ' ms', '<=', OFFLINE_LIGHTS_BUDGET_MS, detail)]
}
