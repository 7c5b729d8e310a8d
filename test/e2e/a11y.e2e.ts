// axe-core (WCAG 2.0/2.1 A and AA) finds nothing on sign-in, home and each indicator's detail,
// at phone size. The axe context bypasses the CSP only to inject axe itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { DEMO_LEADER, launchChromium, lightCards, openDetail, phoneContext, signIn } from '../helpers/browser'
import { ensureDist } from '../helpers/dist'
import { startServer, type ServerProcess } from '../helpers/server-process'
import { axeViolations } from './axe'

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let server: ServerProcess
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    server = await startServer({ staticDir: ensureDist() })
    browser = await launchChromium()
    const context = await phoneContext(browser, server.url, { bypassCSP: true })
    page = await context.newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('sign-in page', async () => {
    await page.goto('/logind')
    await page.getByRole('heading', { name: 'Log ind', level: 1 }).waitFor()
    // The demo accounts arrive after the first paint; check the page with them.
    await page.getByLabel('Vælg en demokonto').waitFor()
    expect(await axeViolations(page)).toEqual([])
  })

  it('sign-in page with a failed attempt', async () => {
    await page.getByLabel('E-mail', { exact: true }).fill(DEMO_LEADER)
    await page.getByLabel('Adgangskode', { exact: true }).fill('forkert')
    await page.getByRole('button', { name: 'Log ind' }).click()
    await page.getByTestId('login-error').waitFor()
    expect(await axeViolations(page)).toEqual([])
  })

  it('home page with four lights', async () => {
    await signIn(page, DEMO_LEADER)
    expect(await lightCards(page).count()).toBe(4)
    expect(await axeViolations(page)).toEqual([])
  })

  for (const indicator of ['budget', 'actionPlan', 'forecast', 'balance']) {
    it(`${indicator} detail page`, async () => {
      await page.goto('/')
      await openDetail(page, indicator)
      expect(await axeViolations(page)).toEqual([])
    })
  }
})
