// The signed-in home's first screen in a real Chromium, on a new device: its two data requests go
// out together (one round trip, not two in a row), it loads only the entry chunk before its lights,
// and what it does not need (the sync engine's store and status line, the later screens' texts)
// follows once the lights are there. The later texts are not in the entry chunk, and a later screen
// opened directly still shows its own texts. A page opened from it comes with its imports preloaded;
// what loads behind the first screen does not insert a preload link each (vite.config.ts).
// Behaviour, not timings (those are `npm run bench`).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { DEMO_LEADER, launchChromium, lightCards, phoneContext } from '../helpers/browser'
import { ensureDist } from '../helpers/dist'
import { loginCookie, startServer, type ServerProcess } from '../helpers/server-process'

describe('the first screen of a signed-in leader on a new device', () => {
  let server: ServerProcess
  let browser: Browser
  let dist: string

  beforeAll(async () => {
    dist = ensureDist()
    server = await startServer({ staticDir: dist })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  /** A fresh phone (empty IndexedDB, no service worker) with the leader's session cookie. */
  async function newDevice(): Promise<{ context: BrowserContext; page: Page }> {
    const [name, value] = (await loginCookie(server.url, DEMO_LEADER)).split('=') as [string, string]
    const context = await phoneContext(browser, server.url, { serviceWorkers: 'block' })
    await context.addCookies([{ name, value, url: server.url }])
    return { context, page: await context.newPage() }
  }

  it('asks for the session and the units together, before either has answered', async () => {
    const { context, page } = await newDevice()
    const events: string[] = []
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname
      if (path === '/api/session' || path === '/api/units') events.push(`asked ${path}`)
    })
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname
      if (path === '/api/session' || path === '/api/units') events.push(`answered ${path}`)
    })
    await page.goto('/')
    await lightCards(page).nth(3).waitFor()
    expect(events.slice(0, 2).sort()).toEqual(['asked /api/session', 'asked /api/units'])
    expect(events.filter((e) => e === 'asked /api/units')).toHaveLength(1)
    await context.close()
  })

  it('loads only the entry chunk before its lights; sync and the later texts follow', async () => {
    const { context, page } = await newDevice()
    await page.goto('/')
    await lightCards(page).nth(3).waitFor()
    // Then, once the lights are there: the sync status line, the sync store and the later texts.
    await page.getByTestId('sync-status').waitFor()
    // The page's own clock: when each script was asked for, against the home's mark for its four lights.
    const scripts = () =>
      page.evaluate(() => {
        const lights = performance.getEntriesByName('lights-visible', 'mark')[0]!.startTime
        return performance
          .getEntriesByType('resource')
          .filter((e) => new URL(e.name).pathname.endsWith('.js'))
          .map((e) => ({ file: new URL(e.name).pathname.replace(/^\/assets\//, ''), beforeLights: e.startTime < lights }))
      })
    await expect.poll(async () => (await scripts()).some((s) => s.file.startsWith('da.later-'))).toBe(true)
    const loaded = await scripts()
    const before = loaded.filter((s) => s.beforeLights).map((s) => s.file)
    expect(before, before.join(', ')).toHaveLength(1)
    expect(before[0]).toMatch(/^index-[\w-]+\.js$/)
    expect(loaded.some((s) => s.file.startsWith('syncStore-') && !s.beforeLights)).toBe(true)
    await context.close()
  })

  it("preloads a page's scripts when it is opened, and none of what loads behind the first screen", async () => {
    const { context, page } = await newDevice()
    await page.goto('/')
    await lightCards(page).nth(3).waitFor()
    const loadedScripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname))
    for (const chunk of ['SyncStatus', 'syncStore', 'engine', 'HomeOverlay', 'LeaderChainPanel'])
      await expect
        .poll(async () => (await loadedScripts()).some((path) => path.startsWith(`/assets/${chunk}-`)), { message: chunk, timeout: 15_000 })
        .toBe(true)
    const preloaded = () => page.locator('link[rel="modulepreload"]').evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''))
    // The sync status line and engine, the guided steps' overlay, the dialogue chain and their imports
    // came without a link each.
    expect(await preloaded()).toEqual([])
    await page
      .getByTestId('light-budget')
      .getByRole('link', { name: /Se historik og detaljer/ })
      .click()
    await page.getByTestId('history-table').waitFor()
    // The indicator page came with its imports in one round trip, the history chart's too.
    const links = await preloaded()
    expect(
      links.some((href) => /\/IndicatorView-[\w-]+\.js$/.test(href)),
      links.join(', '),
    ).toBe(true)
    expect(
      links.some((href) => /\/HistoryChart-[\w-]+\.js$/.test(href)),
      links.join(', '),
    ).toBe(true)
    await context.close()
  })

  it('links the web app manifest only once its lights are there, not from the HTML', async () => {
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toContain('rel="manifest"')
    const { context, page } = await newDevice()
    await page.goto('/')
    await lightCards(page).nth(3).waitFor()
    const manifest = page.locator('link[rel="manifest"]')
    await manifest.waitFor({ state: 'attached' })
    expect(await manifest.getAttribute('href')).toBe('/manifest.webmanifest')
    expect(await page.evaluate(async () => (await fetch('/manifest.webmanifest')).ok)).toBe(true)
    await context.close()
  })

  it("has the first screen's texts in the entry chunk and the later screens' texts not", () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8')
    const entry = /<script type="module"[^>]*src="\/assets\/(index-[\w-]+\.js)"/.exec(html)?.[1]
    expect(entry, 'the entry script in index.html').toBeDefined()
    const code = readFileSync(join(dist, 'assets', entry!), 'utf8')
    // The home's and the sign-in page's.
    for (const text of ['Samlet vurdering', 'Se historik og detaljer', 'Adgangskode']) expect(code).toContain(text)
    // The sync status line's, the indicator page's, the guided steps' and the notes'.
    for (const text of ['Alt er gemt', 'De sidste 12 måneder', 'Forbered dialogen', 'Ny note til måltallet denne måned']) expect(code).not.toContain(text)
  })

  it("shows a later screen's own texts when it is opened directly", async () => {
    const { context, page } = await newDevice()
    await page.goto('/')
    await lightCards(page).nth(3).waitFor()
    const notes = await page.getByRole('link', { name: 'Noter om enheden' }).getAttribute('href')
    expect(notes).toMatch(/^\/enhed\/[^/]+\/noter$/)
    const direct = await context.newPage()
    await direct.goto(notes!)
    await expect.poll(() => direct.getByRole('heading', { level: 1 }).textContent()).toContain('Noter')
    // No message key shown in place of its text.
    expect(await direct.locator('main').textContent()).not.toMatch(/\b(notes|app|home|detail|records)\.[a-zA-Z]+/)
    await context.close()
  })
})
