// The leader's journey in a real Chromium at phone size, against the real server on a fresh
// embedded database with the demo municipality: sign in → four lights → a red one's history →
// offline and back → installable → a newer release waits for the leader's choice → sign out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page, Response } from 'playwright-core'
import { DEMO_LEADER, launchPhone, lightCards, signIn, waitForServiceWorker, type PhoneSession } from '../helpers/browser'
import { copyOfBuild, ensureDist } from '../helpers/dist'
import { startServer, type ServerProcess } from '../helpers/server-process'
import { publishNewerRelease } from './release'

const WORDS: Record<string, string> = { green: 'grøn', yellow: 'gul', red: 'rød', grey: 'ukendt' }

describe('a leader with a red budget, on a phone', () => {
  let served: ReturnType<typeof copyOfBuild>
  let server: ServerProcess
  let phone: PhoneSession
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    served = copyOfBuild(ensureDist())
    server = await startServer({ staticDir: served.dir })
    phone = await launchPhone(server.url)
    ;({ context, page } = phone)
  })

  afterAll(async () => {
    await phone?.close()
    await server?.stop()
    served?.remove()
  })

  it('signs in and sees four lights, each with a word and a reason', async () => {
    await signIn(page, DEMO_LEADER)
    await expect.poll(() => page.url()).toBe(`${server.url}/`)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Bakkeskolen')

    const cards = lightCards(page)
    expect(await cards.count()).toBe(4)
    const colours: string[] = []
    for (const card of await cards.all()) {
      const colour = (await card.getAttribute('data-colour')) ?? ''
      expect(Object.keys(WORDS)).toContain(colour)
      colours.push(colour)
      await expect(card.locator('.word').textContent()).resolves.toBe(WORDS[colour])
      const reason = ((await card.getByTestId('reason').textContent()) ?? '').trim()
      expect(reason.split(/\s+/).length, `reason "${reason}"`).toBeGreaterThanOrEqual(4)
    }
    expect(colours).toContain('red')
    expect(await page.getByTestId('light-budget').getAttribute('data-colour')).toBe('red')
  })

  it('opens a red light: a chart and a table of 12 months', async () => {
    const red = lightCards(page).and(page.locator('[data-colour="red"]')).first()
    await red.getByRole('link', { name: /Se historik og detaljer/ }).click()
    await page.waitForURL(/\/enhed\/[^/]+\/budget$/)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Budgetoverholdelse')

    const canvas = page.locator('canvas')
    await canvas.waitFor()
    const box = await canvas.boundingBox()
    expect(box?.width ?? 0).toBeGreaterThan(200)
    expect(box?.height ?? 0).toBeGreaterThan(100)
    await expect.poll(() => page.getByTestId('history-table').locator('tbody tr').count()).toBe(12)
  })

  it('is installable: Chromium reports no installability errors', async () => {
    await waitForServiceWorker(page)
    // The app links its manifest once its first screen is up (src/client/pwa/manifestLink.ts).
    await page.locator('link[rel="manifest"]').waitFor({ state: 'attached' })
    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    await cdp.detach()
    expect(installabilityErrors).toEqual([])
  })

  it('opens offline with the lights and says from when the data is', async () => {
    await page.goto('/')
    await lightCards(page).nth(3).waitFor()
    await waitForServiceWorker(page)
    // The lights show from the device before the page's own requests have answered: let those
    // finish online first, so an answer still on its way is not taken for one during the offline reload.
    await page.waitForLoadState('networkidle')
    // Anything the network answered during the offline reload would make this test a lie.
    const fromNetwork: string[] = []
    const record = (r: Response) => {
      if (!r.fromServiceWorker()) fromNetwork.push(`${r.status()} ${r.url()}`)
    }
    await context.setOffline(true)
    page.on('response', record)
    await page.reload()
    await expect.poll(() => lightCards(page).count()).toBe(4)
    page.off('response', record)
    expect(fromNetwork).toEqual([])
    const banner = page.getByTestId('offline-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toMatch(/Offline — data pr\. \d/)
    expect(await page.getByTestId('light-budget').getAttribute('data-colour')).toBe('red')
  })

  it('fetches fresh data when back online, and the offline notice goes away', async () => {
    const fresh = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/units' && r.status() === 200)
    await context.setOffline(false)
    await fresh
    await page.getByTestId('offline-banner').waitFor({ state: 'detached' })
    expect(await lightCards(page).count()).toBe(4)
  })

  it('offers a newer release and does not reload by itself', async () => {
    await page.evaluate(() => {
      ;(window as unknown as { __marker: number }).__marker = 1
    })
    let navigations = 0
    const countNavigation = (frame: { parentFrame(): unknown }) => {
      if (!frame.parentFrame()) navigations++
    }
    page.on('framenavigated', countNavigation)

    publishNewerRelease(served.dir, 'b')
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      if (!registration) throw new Error('no service worker registration')
      await registration.update()
    })
    const prompt = page.getByRole('region', { name: 'Ny version klar' })
    await prompt.waitFor({ timeout: 20_000 })
    await expect(prompt.getByRole('button', { name: 'Opdater' }).isVisible()).resolves.toBe(true)

    // A few seconds more: the page must still be the same document (an automatic reload would
    // lose the marker and fire a navigation).
    await page.waitForTimeout(3_000)
    page.off('framenavigated', countNavigation)
    expect(navigations).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1)
    expect(await prompt.isVisible()).toBe(true)
  })

  it('signs out back to the sign-in page', async () => {
    await page.getByRole('button', { name: 'Senere' }).click()
    await page.getByRole('button', { name: 'Log ud' }).click()
    await page.waitForURL(/\/logind$/)
    await page.getByRole('heading', { name: 'Log ind', level: 1 }).waitFor()
    expect(await lightCards(page).count()).toBe(0)
    // Signed out for real: the server no longer knows the session.
    const status = await page.evaluate(async () => (await fetch('/api/me')).status)
    expect(status).toBe(401)
  })
})
