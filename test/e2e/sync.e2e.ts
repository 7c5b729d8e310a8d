// Sync in a real Chromium at phone size against the real server: a forecast typed offline is on
// the device at once, survives a reload and a closed tab, and reaches the server when the network returns; an
// expired session keeps the change and sends it after signing in again; logging out with a change
// that cannot be sent asks first, and "log out anyway" leaves nothing of the person on the device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { DEMO_LEADER, launchPhone, signIn, storedRecords, trackRequests, waitForServiceWorker, type PhoneSession } from '../helpers/browser'
import { ensureDist } from '../helpers/dist'
import { loginCookie, startServer, type ServerProcess } from '../helpers/server-process'

interface PulledChange {
  table: string
  deleted: boolean
  record: Record<string, unknown> | null
}

/** The forecast amounts the server holds for the leader, read through the pull as a second device. */
async function serverForecastAmounts(server: ServerProcess, cookie: string): Promise<number[]> {
  const amounts: number[] = []
  let cursor = 0
  for (;;) {
    const res = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}&limit=2000`, { headers: { cookie, 'x-sync-protocol': '2' } })
    if (!res.ok) throw new Error(`pull: ${res.status} ${await res.text()}`)
    const page = (await res.json()) as { changes: PulledChange[]; cursor: number; hasMore: boolean }
    for (const c of page.changes) if (c.table === 'forecast' && !c.deleted) amounts.push(Number(c.record?.amount))
    if (!page.hasMore) return amounts
    cursor = page.cursor
  }
}

function syncStatus(page: Page) {
  return page.getByTestId('sync-status').getByRole('status')
}

/** The sync status says that one change waits on the device, offline. */
async function expectOneWaiting(page: Page): Promise<void> {
  await expect.poll(() => syncStatus(page).textContent(), { timeout: 10_000 }).toBe('Offline – 1 ændring venter')
}

async function enterForecast(page: Page, amount: string): Promise<void> {
  await page.getByLabel(/Forventet forbrug for hele/).fill(amount)
  // A large move from last month's forecast needs a reason before it can be saved.
  const why = page.getByLabel(/Forklaring på afvigelsen/)
  if (await why.isVisible()) await why.fill('Ny prognose efter gennemgang af vikarforbruget.')
  await page.getByRole('button', { name: 'Gem prognose' }).click()
  await page
    .getByTestId('forecast-saved')
    .filter({ hasText: /er gemt på enheden/ })
    .waitFor()
}

describe('sync: nothing written is ever lost', () => {
  let server: ServerProcess
  let phone: PhoneSession
  let context: BrowserContext
  let page: Page
  /** Another device's session, to read what the server holds (login is rate-limited: once). */
  let secondDevice: string
  let requests: ReturnType<typeof trackRequests>

  beforeAll(async () => {
    server = await startServer({ staticDir: ensureDist() })
    secondDevice = await loginCookie(server.url, DEMO_LEADER)
    phone = await launchPhone(server.url)
    ;({ context, page } = phone)
    requests = trackRequests(context)
    await signIn(page, DEMO_LEADER)
    await waitForServiceWorker(page)
  })

  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('says all is saved once the first sync is done', async () => {
    await expect.poll(() => syncStatus(page).textContent(), { timeout: 15_000 }).toBe('Alt er gemt')
  })

  /** From the home, opens the forecast page, goes offline and saves a forecast there: it waits. */
  async function forecastOffline(amount: string): Promise<void> {
    await page.getByTestId('forecast-link').first().click()
    await page.waitForURL(/\/prognose$/)
    await page.getByLabel(/Forventet forbrug for hele/).waitFor()
    await context.setOffline(true)
    await enterForecast(page, amount)
    await expectOneWaiting(page)
  }

  it('a forecast typed offline waits on the device, survives a reload and a closed tab, and is sent when back online', async () => {
    await forecastOffline('12.345.678')

    // The app restarts offline (the service worker serves it): the change is still there, waiting.
    await page.reload()
    await expectOneWaiting(page)
    await expect.poll(() => page.getByLabel(/Forventet forbrug for hele/).inputValue()).toMatch(/12\.345\.678/)
    expect(await serverForecastAmounts(server, secondDevice)).not.toContain(12_345_678)

    // The tab is closed and the app opened again in a new one, still offline: still waiting.
    const url = page.url()
    await page.close()
    page = await context.newPage()
    await page.goto(url)
    await expectOneWaiting(page)
    await expect.poll(() => page.getByLabel(/Forventet forbrug for hele/).inputValue()).toMatch(/12\.345\.678/)

    await context.setOffline(false)
    await expect.poll(() => syncStatus(page).textContent(), { timeout: 15_000 }).toBe('Alt er gemt')
    expect(await serverForecastAmounts(server, secondDevice)).toContain(12_345_678)
  })

  it('an expired session keeps the change and sends it after signing in again', async () => {
    // Back online, the app checks the session and refreshes the unit after the sync has said "Alt er
    // gemt"; the cookie goes once that is done, so the first to meet the 401 is the sync of the
    // change below (a refresh meeting it first signs out to the login page: another test's case).
    await requests.quiet()
    expect(new URL(page.url()).pathname).toMatch(/\/prognose$/)
    await context.clearCookies()
    await enterForecast(page, '12.400.000')
    await expect.poll(() => syncStatus(page).textContent(), { timeout: 15_000 }).toMatch(/Du skal logge ind igen/)
    expect(await serverForecastAmounts(server, secondDevice)).not.toContain(12_400_000)

    await page.getByTestId('sync-status').getByRole('button', { name: 'Log ind igen' }).click()
    await page.waitForURL(/\/logind/)
    await signIn(page, DEMO_LEADER)
    await expect.poll(() => syncStatus(page).textContent(), { timeout: 15_000 }).toBe('Alt er gemt')
    expect(await serverForecastAmounts(server, secondDevice)).toContain(12_400_000)
  })

  it('logging out with a change that cannot be sent asks first; "log out anyway" wipes the device', async () => {
    await forecastOffline('12.500.000')

    await page.getByRole('button', { name: 'Log ud' }).click()
    const dialog = page.getByRole('dialog', { name: 'Log ud?' })
    await dialog.waitFor()
    await expect(dialog.textContent()).resolves.toContain('Du har 1 ændring, der ikke er sendt. Log ud alligevel?')
    await dialog.getByRole('button', { name: 'Bliv logget ind' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => syncStatus(page).textContent()).toBe('Offline – 1 ændring venter')

    await page.getByRole('button', { name: 'Log ud' }).click()
    await dialog.getByRole('button', { name: 'Log ud alligevel' }).click()
    await page.waitForURL(/\/logind/)
    expect(await storedRecords(page)).toBe(0)
    await context.setOffline(false)
  })
})
