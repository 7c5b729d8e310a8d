// The economics team's import in real Chromium, on the demo seeded for a fixed day: a Windows-1252
// export with columns of its own (two mapped by hand) is previewed — its account lines summed, the
// light it repaints named — and imported; the leader's phone shows the new light after its next
// sync. The same file again changes nothing, and its mapping is offered; a file with an error
// says where, cannot be imported, and the leader's light stays as it is. An action plan file with a
// new action reaches the leader's phone the same way, and so does an indicator value imported
// ready-made, shown as imported.
import iconv from 'iconv-lite'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ECONOMICS, DEMO_LEADER, DESK, launchChromium, openDetail, type SignedInPerson, signInOnDay } from '../helpers/browser'
import { ensureDist } from '../helpers/dist'
import { loginCookie, startServer, type ServerProcess } from '../helpers/server-process'
import { axeViolations } from './axe'

const TODAY = '2026-11-23'

interface Unit {
  unit: { id: string; name: string; costCentre: string }
  figures: Array<{ year: number; month: number; budget: number; spendToDate: number }>
  forecasts: Array<{ year: number; month: number; amount: number }>
  lights: { budget: { colour: string } }
  actionPlan: Array<{ year: number; title: string; dueDate: string; status: string; doneOn: string | null; dropReason: string | null }>
}

const danishDate = (iso: string) => iso.split('-').reverse().join('-')
const STATUS_WORDS: Readonly<Record<string, string>> = { planned: 'Planlagt', in_progress: 'I gang', done: 'Udført', dropped: 'Udgået' }

const kroner = (øre: number) => (øre / 100).toLocaleString('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** October's figures of the unit as the finance system exports them: two account lines, its own column names. */
function exportOf(costCentre: string, budgetØre: number, spendØre: number, spendCell?: string): Buffer {
  const wages = Math.round(budgetØre * 0.8)
  const spentOnWages = Math.round(spendØre * 0.7)
  const lines = [
    'Omkostningssted;Art;Regnskabsmåned;Korr. budget;Realiseret i alt;Bemærkning',
    `${costCentre};4010;10-2026;${kroner(wages)};${kroner(spentOnWages)};"Løn; faste og vikarer"`,
    `${costCentre};4510;10-2026;${kroner(budgetØre - wages)};${spendCell ?? kroner(spendØre - spentOnWages)};Indkøb og øvrige udgifter`,
  ]
  return iconv.encode(lines.join('\r\n'), 'win1252')
}

describe('the economics team imports figures', () => {
  let server: ServerProcess
  let browser: Browser
  let leader: SignedInPerson, economics: SignedInPerson
  let bakkeskolen: Unit

  beforeAll(async () => {
    server = await startServer({ staticDir: ensureDist(), env: { TODAY } })
    browser = await launchChromium()
    const cookie = await loginCookie(server.url, DEMO_ECONOMICS)
    const get = async <T>(path: string) => (await fetch(`${server.url}${path}`, { headers: { cookie } })).json() as Promise<T>
    const units = await get<{ units: Array<{ id: string; name: string }> }>('/api/units')
    bakkeskolen = await get<Unit>(`/api/units/${units.units.find((u) => u.name === 'Bakkeskolen')!.id}`)
    leader = await signInOnDay(browser, server.url, { email: DEMO_LEADER, day: TODAY, ready: 'light-budget' })
    economics = await signInOnDay(browser, server.url, { email: DEMO_ECONOMICS, day: TODAY, ready: 'light-budget', viewport: DESK })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const october = () => bakkeskolen.figures.find((f) => f.year === 2026 && f.month === 10)!
  /** A budget as large as the leader's latest forecast: no overrun, so the budget light is green. */
  const enough = () => Math.round(Math.max(...bakkeskolen.forecasts.filter((f) => f.year === 2026).map((f) => f.amount)) * 100)
  const budgetLight = (page: Page) => page.getByTestId('light-budget').getAttribute('data-colour')

  /**
   * The leader writes a note on the budget page: the sync that follows a write (and nothing else:
   * no page is loaded, no units list asked for) is what brings the unit's new figures stamp.
   */
  async function leaderWritesANote(text: string): Promise<void> {
    const page = leader.page
    await page.getByLabel('Ny note til måltallet denne måned').fill(text)
    await page.getByRole('button', { name: 'Gem note' }).click()
    await page.getByText('Noten er gemt.').waitFor()
  }

  async function choose(page: Page, name: string, file: Buffer): Promise<void> {
    await page.getByLabel('Fil (CSV, TXT eller XLSX)').setInputFiles({ name, mimeType: 'text/csv', buffer: file })
    await page.getByTestId('column-mapping').waitFor()
  }

  it('previews the file with its own column names, maps two by hand, and imports it; the leader’s phone then shows the new light', async () => {
    await openDetail(leader.page, 'budget')
    expect(await budgetLight(leader.page)).toBe('red')
    const page = economics.page
    await page.getByRole('link', { name: 'Import', exact: true }).click()
    await page.waitForURL(/\/import$/)
    await choose(page, 'prisme-oktober.csv', exportOf(bakkeskolen.unit.costCentre, enough(), Math.round(october().spendToDate * 100)))
    await expect.poll(() => page.getByTestId('missing-fields').textContent()).toContain('Periode')
    expect(await page.getByText('Windows-1252').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('import-commit').count()).toBe(0)

    await page.getByLabel('Regnskabsmåned', { exact: true }).selectOption({ label: 'Periode (skal bruges)' })
    await page.getByLabel('Realiseret i alt', { exact: true }).selectOption({ label: 'Forbrug år til dato (skal bruges)' })
    await expect.poll(() => page.getByTestId('missing-fields').count()).toBe(0)
    const preview = page.locator('.preview')
    await expect.poll(() => preview.textContent()).toContain('0 nye, 1 ændrede, 0 uændrede, 0 fjernede')
    expect(await preview.textContent()).toContain('2 linjer')
    expect(await page.getByTestId('light-changes').textContent()).toMatch(/Bakkeskolen: Budget\w* går fra rød til grøn/)
    expect(await axeViolations(page)).toEqual([])

    await page.getByTestId('import-commit').click()
    await expect.poll(() => page.getByText(/Importeret: 0 nye, 1 ændrede/).count()).toBe(1)

    // The leader's phone learns of it by its next sync, on the page it has open.
    expect(await budgetLight(leader.page)).toBe('red')
    await leaderWritesANote('Budgettet er rettet i Prisme')
    await expect.poll(() => budgetLight(leader.page), { timeout: 20_000 }).toBe('green')
  })

  it('imports the same file again as no change, offering the mapping it remembered', async () => {
    const page = economics.page
    await page.goto('/import')
    await choose(page, 'prisme-oktober.csv', exportOf(bakkeskolen.unit.costCentre, enough(), Math.round(october().spendToDate * 100)))
    await expect.poll(() => page.getByTestId('mapping-source').textContent()).toBe('Husket fra sidste import af en fil med de samme kolonner')
    await expect.poll(() => page.locator('.preview').textContent()).toContain('0 nye, 0 ændrede, 1 uændrede, 0 fjernede')
    expect(await page.locator('.preview').textContent()).toContain('Ingen lys skifter farve.')
    await page.getByTestId('import-commit').click()
    await expect.poll(() => page.getByText(/Importeret: 0 nye, 0 ændrede, 1 uændrede/).count()).toBe(1)
  })

  it('shows a bad file’s error by line and column, offers no import, and the leader’s light stays', async () => {
    const page = economics.page
    await page.goto('/import')
    await choose(page, 'prisme-rettet.csv', exportOf(bakkeskolen.unit.costCentre, enough() - 100_000_000, 0, '12,3,4'))
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain("Linje 3, kolonne Realiseret i alt: '12,3,4' er ikke et beløb")
    expect(await page.getByTestId('import-commit').count()).toBe(0)
    await leaderWritesANote('Intet nyt fra økonomi')
    await leader.page.reload()
    await leader.page.getByTestId('light-budget').waitFor()
    expect(await budgetLight(leader.page)).toBe('green')

    await page.getByRole('link', { name: 'Tidligere importer' }).click()
    await expect.poll(() => page.getByText('prisme-oktober.csv').count()).toBe(2)
  })

  it('imports the action plan with one new action, and the leader’s phone lists it, overdue, after its next sync', async () => {
    const page = economics.page
    await page.goto('/import')
    await page.getByTestId('import-kind').selectOption({ label: 'Handleplan' })
    const kept = bakkeskolen.actionPlan
      .filter((a) => a.year === 2026)
      .map((a) =>
        [bakkeskolen.unit.costCentre, a.title, danishDate(a.dueDate), STATUS_WORDS[a.status], a.doneOn ? danishDate(a.doneOn) : '', a.dropReason ?? ''].join(
          ';',
        ),
      )
    const lines = [
      'Omk.sted;Aktivitet;Deadline;Status;Udført;Begrundelse',
      ...kept,
      `${bakkeskolen.unit.costCentre};Aftale om vikarforbrug;31-10-2026;Planlagt;;`,
    ]
    await choose(page, 'handleplan.csv', Buffer.from(lines.join('\r\n')))
    await expect.poll(() => page.locator('.preview').textContent()).toContain(`1 nye, 0 ændrede, ${kept.length} uændrede, 0 fjernede`)
    expect(await page.getByTestId('preview-rows').textContent()).toContain('Planlagt')
    await page.getByTestId('import-commit').click()
    await expect.poll(() => page.getByText(/Importeret: 1 nye/).count()).toBe(1)

    await leaderWritesANote('Handleplanen er opdateret')
    await leader.page.goto('/')
    await openDetail(leader.page, 'actionPlan')
    const item = leader.page.locator('li', { hasText: 'Aftale om vikarforbrug' })
    await expect.poll(() => item.count(), { timeout: 20_000 }).toBe(1)
    expect(await item.textContent()).toContain('over frist')
  })

  it('imports a ready-made reconciliation rate, and the leader’s home shows it as imported, judged by the target', async () => {
    const page = economics.page
    await page.goto('/import')
    await page.getByTestId('import-kind').selectOption({ label: 'Færdige nøgletal' })
    const latest = bakkeskolen.figures.reduce((a, b) => (a.year * 12 + a.month >= b.year * 12 + b.month ? a : b))
    const month = `${latest.year}-${String(latest.month).padStart(2, '0')}`
    const file = ['Omkostningssted;Periode;Nøgletal;Værdi', `${bakkeskolen.unit.costCentre};${month};Statuskonti;40 %`].join('\r\n')
    await choose(page, 'noegletal.csv', Buffer.from(file))
    await expect.poll(() => page.locator('.preview').textContent()).toContain('1 nye, 0 ændrede, 0 uændrede, 0 fjernede')
    expect(await page.getByTestId('preview-rows').textContent()).toContain('40')
    await page.getByTestId('import-commit').click()
    await expect.poll(() => page.getByText(/Importeret: 1 nye/).count()).toBe(1)

    await leader.page.goto('/')
    await leader.page.getByTestId('light-balance').waitFor()
    const reason = leader.page.getByTestId('light-balance').getByTestId('reason')
    await expect.poll(() => reason.textContent(), { timeout: 20_000 }).toMatch(/^Importeret af økonomiteamet: 40\s%\s\(mål ≥ 95\s%\)$/)
    expect(await leader.page.getByTestId('light-balance').getAttribute('data-colour')).toBe('red')
  })
})
