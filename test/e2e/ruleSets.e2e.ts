// The economics team's rule sets in real Chromium, on the demo seeded for a fixed day: a new set for
// the leader's unit type from October is made on the screen, which lists it as in force; the
// leader's phone, after its next sync, shows the budget light judged by it — and says from when —
// while September keeps the colour the old set gave it. The municipality's settings change from
// today on the same screens, and the devices are told — the balance accounts switched off among
// them, gone from the leader's phone at its next start.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ECONOMICS, DEMO_LEADER, DESK, launchChromium, openDetail, type SignedInPerson, signInOnDay } from '../helpers/browser'
import { ensureDist } from '../helpers/dist'
import { loginCookie, startServer, type ServerProcess } from '../helpers/server-process'
import { axeViolations } from './axe'

const TODAY = '2026-11-23'

interface Detail {
  unit: { id: string; name: string; unitType: 'school' | 'daycare' }
  lights: { budget: { colour: string } }
  history: Array<{ period: { year: number; month: number }; lights: { budget: { colour: string } } }>
}

describe('the economics team makes a rule set', () => {
  let server: ServerProcess
  let browser: Browser
  let leader: SignedInPerson, economics: SignedInPerson
  let detail: () => Promise<Detail>

  beforeAll(async () => {
    server = await startServer({ staticDir: ensureDist(), env: { TODAY } })
    browser = await launchChromium()
    const cookie = await loginCookie(server.url, DEMO_LEADER)
    const get = async <T>(path: string) => (await fetch(`${server.url}${path}`, { headers: { cookie } })).json() as Promise<T>
    const unitId = (await get<{ units: Array<{ id: string }> }>('/api/units')).units[0]!.id
    detail = () => get<Detail>(`/api/units/${unitId}`)
    leader = await signInOnDay(browser, server.url, { email: DEMO_LEADER, day: TODAY, ready: 'light-budget' })
    economics = await signInOnDay(browser, server.url, { email: DEMO_ECONOMICS, day: TODAY, ready: 'light-budget', viewport: DESK })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const budgetLight = (page: Page) => page.getByTestId('light-budget').getAttribute('data-colour')
  const september = (d: Detail) => d.history.find((h) => h.period.year === 2026 && h.period.month === 9)!.lights.budget.colour

  it('a set for the leader’s unit type from 1 October repaints October on, on the leader’s phone after its sync, and not September', async () => {
    const before = await detail()
    expect(before.lights.budget.colour).not.toBe('green')
    await openDetail(leader.page, 'budget')
    expect(await budgetLight(leader.page)).toBe(before.lights.budget.colour)

    const page = economics.page
    await page.getByRole('link', { name: 'Import', exact: true }).click()
    await page.getByRole('link', { name: 'Måltal og intervaller' }).click()
    await page.waitForURL(/\/import\/maaltal$/)
    await page.getByTestId('rule-sets-table').waitFor()
    expect(await axeViolations(page)).toEqual([])

    await page.getByLabel('Gælder for').selectOption({ label: before.unit.unitType === 'school' ? 'Skoler' : 'Dagtilbud' })
    await page.getByLabel('Gælder fra', { exact: true }).fill('2026-10-01')
    // A tolerance so wide that any overrun is within it: yellow, or green when there is none.
    await page.getByLabel('Budget: tolerance for overskridelse').fill('90')
    await page.getByRole('button', { name: 'Gem regelsæt' }).click()
    await expect.poll(() => page.getByTestId('rule-set-saved').textContent()).toContain('fra 01.10.2026 er gemt')
    const row = page.getByTestId('rule-sets-table').locator('tbody tr', { hasText: '1. oktober 2026' })
    await expect.poll(() => row.textContent()).toContain('Gælder nu')
    expect(await row.textContent()).toMatch(/90\s%/)

    const after = await detail()
    expect(after.lights.budget.colour).toMatch(/^(yellow|green)$/)
    expect(september(after)).toBe(september(before))

    // The leader's phone learns of it by its next sync (here, the one after a note), on the page it has open.
    await leader.page.getByLabel('Ny note til måltallet denne måned').fill('Nye måltal fra økonomi')
    await leader.page.getByRole('button', { name: 'Gem note' }).click()
    await expect.poll(() => budgetLight(leader.page), { timeout: 20_000 }).toBe(after.lights.budget.colour)
    await expect.poll(() => leader.page.getByText(/Vurderet efter måltal gældende fra 1\.\s+oktober\s+2026/).count()).toBe(1)
  })

  it('refuses a date already taken on the screen, beside the date, and makes nothing', async () => {
    const page = economics.page
    const rows = await page.getByTestId('rule-sets-table').locator('tbody tr').count()
    await page.getByRole('button', { name: 'Gem regelsæt' }).click()
    await expect.poll(() => page.locator('#rule-set-effectiveFrom-error').textContent()).toContain('Der findes allerede et regelsæt')
    await page.reload()
    await page.getByTestId('rule-sets-table').waitFor()
    expect(await page.getByTestId('rule-sets-table').locator('tbody tr').count()).toBe(rows)
  })

  it('the municipality’s settings: a new logo text and lock days from today, listed as in force, and the devices are told', async () => {
    const page = economics.page
    await page.goto('/import')
    await page.getByRole('link', { name: 'Kommunens indstillinger' }).click()
    await page.waitForURL(/\/import\/kommune$/)
    await page.getByTestId('settings-form').waitFor()
    expect(await page.getByTestId('settings-empty').count()).toBe(1)
    await page.getByLabel('Logotekst (står øverst på udskrifter)').fill('DEMO KOMMUNE · Børn og Unge')
    await page.getByLabel('Dage et referat kan rettes efter "Dialog afholdt"').fill('7')
    // The municipality does not steer by balance accounts: off for everyone from today.
    await page.getByLabel('Afstemte balancekonti').uncheck()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Gem ændringen' }).click()
    await expect.poll(() => page.getByTestId('settings-saved').textContent()).toBe('Ændringen er gemt og gælder fra 23.11.2026.')
    const row = page.getByTestId('settings-table').locator('tbody tr')
    await expect.poll(() => row.textContent()).toContain('Gælder nu')
    expect(await row.textContent()).toContain('Logotekst')

    const cookie = await loginCookie(server.url, DEMO_LEADER)
    const session = (await (await fetch(`${server.url}/api/session`, { headers: { cookie } })).json()) as {
      me: { municipality: { logoText: string } }
      settings: { dialogueLockDays: number }
    }
    expect(session.me.municipality.logoText).toBe('DEMO KOMMUNE · Børn og Unge')
    expect(session.settings.dialogueLockDays).toBe(7)
  })

  it('the balance accounts switched off: the leader’s phone shows three lights at its next start, and the page of the fourth is gone', async () => {
    const p = leader.page
    await p.goto('/')
    await p.getByTestId('light-budget').waitFor()
    await expect.poll(() => p.locator('[data-testid^="light-"]').count()).toBe(3)
    expect(await p.getByTestId('light-balance').count()).toBe(0)
    const colours = await p.locator('[data-testid^="light-"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-colour')))
    const worst = ['red', 'yellow', 'grey', 'green'].find((c) => colours.includes(c))
    expect(await p.getByTestId('overall').getAttribute('data-colour')).toBe(worst)
    const unitId = (await detail()).unit.id
    await p.goto(`/enhed/${unitId}/balancekonti`)
    await expect.poll(() => p.getByRole('alert').first().textContent()).toBe('Det måltal findes ikke.')
  })
})
