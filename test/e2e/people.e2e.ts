// People and roles in real Chromium, on the demo seeded for a fixed day: the economics team makes a
// leader of a unit on the screen and a one-time link; the new leader opens the link on a phone,
// chooses a password, signs in and sees the unit's lights. Deactivated, the leader's next request
// signs them out, and the same link cannot be used again.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ECONOMICS, DESK, launchChromium, phoneContext, type SignedInPerson, signInOnDay } from '../helpers/browser'
import { ensureDist } from '../helpers/dist'
import { loginCookie, startServer, type ServerProcess } from '../helpers/server-process'
import { axeViolations } from './axe'

const TODAY = '2026-11-23'

describe('the economics team keeps people and roles', () => {
  let server: ServerProcess, browser: Browser, economics: SignedInPerson
  /** The first of the demo's units by name: the new leader's. */
  let unitName: string

  beforeAll(async () => {
    server = await startServer({ staticDir: ensureDist(), env: { TODAY } })
    browser = await launchChromium()
    const cookie = await loginCookie(server.url, DEMO_ECONOMICS)
    const units = (await (await fetch(`${server.url}/api/units`, { headers: { cookie } })).json()) as { units: Array<{ name: string }> }
    unitName = units.units.map((u) => u.name).sort((a, b) => a.localeCompare(b, 'da'))[0]!
    economics = await signInOnDay(browser, server.url, { email: DEMO_ECONOMICS, day: TODAY, ready: 'light-budget', viewport: DESK })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('makes a leader and a one-time link, with which the leader chooses a password, signs in and sees the unit', async () => {
    const page = economics.page
    await page.getByRole('link', { name: 'Import', exact: true }).click()
    await page.getByRole('link', { name: 'Personer og roller' }).click()
    await page.waitForURL(/\/import\/personer$/)
    await page.getByTestId('people-list').waitFor()
    await page.getByRole('button', { name: 'Ny person' }).click()
    await page.getByLabel('Navn', { exact: true }).fill('Nina Nyleder')
    await page.getByLabel('E-mail', { exact: true }).fill('nina.nyleder@demo.dk')
    await page.getByRole('button', { name: 'Tilføj rolle' }).click()
    await page.getByLabel('Enhed for rolle 1').selectOption({ label: unitName })
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Gem', exact: true }).click()
    await expect.poll(() => page.getByTestId('people-said').textContent()).toBe('Nina Nyleder er oprettet.')
    const row = page.locator('[data-person="nina.nyleder@demo.dk"]')
    expect(await row.textContent()).toContain(`Leder af ${unitName}`)
    expect(await row.textContent()).toContain('har ikke valgt adgangskode endnu')
    await page.getByRole('button', { name: 'Lav link til adgangskode Nina Nyleder' }).click()
    const linkUrl = await page.locator('#reset-link').inputValue()
    expect(linkUrl).toMatch(new RegExp(`^${server.url}/logind#nulstil=[\\w-]{43}$`))

    const context = await phoneContext(browser, server.url, { bypassCSP: true })
    await context.clock.setFixedTime(new Date(`${TODAY}T09:00:00+01:00`))
    const phone = await context.newPage()
    await phone.goto(linkUrl)
    await phone.getByLabel('Ny adgangskode').fill('sommerfugle i maven')
    await phone.getByLabel('Gentag adgangskoden').fill('sommerfugle i maven')
    await phone.getByRole('button', { name: 'Gem adgangskode' }).click()
    await phone.getByTestId('password-chosen').waitFor()
    expect(phone.url()).toBe(`${server.url}/logind`)
    await phone.getByLabel('E-mail', { exact: true }).fill('nina.nyleder@demo.dk')
    await phone.getByLabel('Adgangskode', { exact: true }).fill('sommerfugle i maven')
    await phone.getByRole('button', { name: 'Log ind' }).click()
    await phone.getByTestId('light-budget').waitFor({ timeout: 20_000 })
    expect(await phone.getByRole('heading', { level: 1 }).textContent()).toContain(unitName)

    // Deactivated: the leader's next request signs them out, and the used link cannot be used again.
    await page.getByRole('button', { name: 'Deaktivér Nina Nyleder' }).click()
    await expect.poll(() => page.getByTestId('people-said').textContent()).toBe('Nina Nyleder er deaktiveret og logget ud.')
    await phone.reload()
    await phone.waitForURL(/\/logind/, { timeout: 20_000 })
    await phone.goto(linkUrl)
    await phone.getByLabel('Ny adgangskode').fill('sommerfugle i maven')
    await phone.getByLabel('Gentag adgangskoden').fill('sommerfugle i maven')
    await phone.getByRole('button', { name: 'Gem adgangskode' }).click()
    await expect.poll(() => phone.getByTestId('password-reset-error').textContent()).toContain('Linket kan ikke bruges')
    await context.close()
  })
})
