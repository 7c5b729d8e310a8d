// A leader of two units switches between them; at 360 px nothing scrolls sideways, on the home
// page or on any indicator's detail page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { horizontalOverflow, launchChromium, lightCards, openDetail, phoneContext, signIn, TWO_UNIT_LEADER } from '../helpers/browser'
import { ensureDist } from '../helpers/dist'
import { startServer, type ServerProcess } from '../helpers/server-process'

const INDICATORS = ['budget', 'actionPlan', 'forecast', 'balance']

describe('a leader of two units, on a 360 px phone', () => {
  let server: ServerProcess
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    server = await startServer({ staticDir: ensureDist() })
    browser = await launchChromium()
    context = await phoneContext(browser, server.url, { viewport: { width: 360, height: 780 } })
    page = await context.newPage()
    await signIn(page, TWO_UNIT_LEADER)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('switches between the two units', async () => {
    const select = page.getByLabel('Vælg enhed')
    const options = await select.locator('option').evaluateAll((els) => els.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })))
    expect(options).toHaveLength(2)
    const names = options.map((o) => o.text.replace(/\s*\(.*\)$/, ''))
    expect(names.sort()).toEqual(['Børnehuset Solsikken', 'Vuggestuen Mælkebøtten'])

    const heading = page.getByRole('heading', { level: 1 })
    const first = (await heading.textContent()) ?? ''
    const other = options.find((o) => !o.text.startsWith(first))
    expect(other, `an option other than ${first}`).toBeDefined()

    await select.selectOption(other!.value)
    await page.waitForURL(`**/enhed/${encodeURIComponent(other!.value)}`)
    await expect.poll(() => heading.textContent()).toBe(other!.text.replace(/\s*\(.*\)$/, ''))
    expect(await lightCards(page).count()).toBe(4)
    expect(await select.inputValue()).toBe(other!.value)

    // And back, through the browser's own history.
    await page.goBack()
    await expect.poll(() => heading.textContent()).toBe(first)
  })

  it('has no horizontal scroll on the home page', async () => {
    await page.goto('/')
    await lightCards(page).nth(3).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    expect(await horizontalOverflow(page)).toBe(0)
  })

  for (const indicator of INDICATORS) {
    it(`has no horizontal scroll on the ${indicator} detail page`, async () => {
      await page.goto('/')
      await openDetail(page, indicator)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      expect(await horizontalOverflow(page)).toBe(0)
    })
  }
})
