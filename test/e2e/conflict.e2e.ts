// The conflict journey in real Chromium against the real server: one leader on a phone and a
// tablet. An initiative made on the phone reaches the tablet; both edit it offline — different
// fields merge, the same field becomes a conflict on the device that syncs second, which the leader
// settles there ("Behold min"); both devices end with the chosen value and no conflict. The area
// chief then reads the initiative, with the leader's name, on the unit's page, and the server holds
// the resolved title and the other field's change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { DEMO_LEADER, launchChromium, phoneContext, PHONE, signIn, TABLET, waitForServiceWorker } from '../helpers/browser'
import { ensureDist } from '../helpers/dist'
import { startServer, type ServerProcess } from '../helpers/server-process'

const AREA_CHIEF = 'oc.nord@demo.dk'
/** Two cores shared with others: a sync (2 s debounce, then push and pull) may take a while. */
const SYNC_TIMEOUT = 45_000
const STEP_TIMEOUT = 180_000

const FIRST_TITLE = 'Færre vikartimer i indskolingen'
const TABLET_TITLE = 'Færre vikartimer i indskolingen og SFO'
const NEW_OWNER = 'Pia Pedersen, viceskoleleder'
const PHONE_CLASH = 'Vikarpulje delt med Skovbo Skole'
const TABLET_CLASH = 'Fast vikarkorps på tre personer'

interface Device {
  context: BrowserContext
  page: Page
}

interface PulledChange {
  table: string
  id: string
  deleted: boolean
  record: Record<string, unknown> | null
}

function syncStatus(page: Page) {
  return page.getByTestId('sync-status').getByRole('status')
}

async function expectStatus(page: Page, text: string): Promise<void> {
  await expect.poll(() => syncStatus(page).textContent(), { timeout: SYNC_TIMEOUT }).toBe(text)
}

/** The unit's one budget initiative on the steps page. */
function card(page: Page) {
  return page.getByTestId('initiative')
}

// Read without waiting (all… never waits for an element), so a poll asks again instead of hanging.
async function shownTitle(page: Page): Promise<string> {
  return (await card(page).getByRole('heading').allTextContents()).join(' | ')
}

async function shownOwner(page: Page): Promise<string> {
  return (await card(page).locator('div:has(> dt:text-is("Hvem har ansvaret?")) > dd').allTextContents()).join(' | ')
}

/** Waits until the device shows the initiative with these values, fully sent, without a conflict. */
async function expectSettled(page: Page, want: { title: string; owner: string }): Promise<void> {
  await expect.poll(() => shownTitle(page), { timeout: SYNC_TIMEOUT }).toBe(want.title)
  await expect.poll(() => shownOwner(page), { timeout: SYNC_TIMEOUT }).toBe(want.owner)
  await expect.poll(() => card(page).getByTestId('pending').count(), { timeout: SYNC_TIMEOUT }).toBe(0)
  expect(await card(page).count()).toBe(1)
  expect(await card(page).getByTestId('conflict').count()).toBe(0)
}

/** Opens the edit form of the one initiative, changes the given fields and saves on the device. */
async function editInitiative(page: Page, currentTitle: string, change: { title?: string; owner?: string }): Promise<void> {
  await page.getByRole('button', { name: `Rediger ${currentTitle}`, exact: true }).click()
  const form = page.getByRole('form', { name: 'Rediger initiativ' })
  await form.waitFor()
  if (change.title !== undefined) await form.getByLabel(/Hvad vil du gøre\?/).fill(change.title)
  if (change.owner !== undefined) await form.getByLabel('Hvem har ansvaret?').fill(change.owner)
  await form.getByRole('button', { name: 'Gem initiativ' }).click()
  await form.waitFor({ state: 'detached' })
  await expect.poll(() => page.getByText('Initiativet er gemt.').count()).toBe(1)
}

/** Danish date and time as the app shows them ("23. november 2026 kl. 09.30"), in the devices' zone. */
function danishDateTime(iso: string): string {
  const at = new Date(iso)
  const zone = { timeZone: 'Europe/Copenhagen' } as const
  const date = new Intl.DateTimeFormat('da-DK', { ...zone, day: 'numeric', month: 'long', year: 'numeric' }).format(at)
  const time = new Intl.DateTimeFormat('da-DK', { ...zone, hour: '2-digit', minute: '2-digit' }).format(at)
  return `${date} kl. ${time}`
}

describe('one leader, two devices, one initiative: merge, conflict, and the area chief reads the result', () => {
  let server: ServerProcess
  let browser: Browser
  let phone: Device
  let tablet: Device
  let unitId = ''
  let leaderName = ''
  let leaderCookie = ''
  let stepsUrl = ''

  /** The initiative as the server holds it, read through the pull with the leader's session. */
  async function serverInitiatives(): Promise<Array<Record<string, unknown>>> {
    const found = new Map<string, Record<string, unknown> | null>()
    let cursor = 0
    for (;;) {
      const res = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}&limit=2000`, {
        headers: { cookie: leaderCookie, 'X-Sync-Protocol': '2' },
      })
      if (!res.ok) throw new Error(`pull: ${res.status} ${await res.text()}`)
      const page = (await res.json()) as { changes: PulledChange[]; cursor: number; hasMore: boolean }
      for (const c of page.changes) if (c.table === 'initiative') found.set(c.id, c.deleted ? null : c.record)
      if (!page.hasMore) break
      cursor = page.cursor
    }
    return [...found.values()].filter((r): r is Record<string, unknown> => r !== null && r.unitId === unitId)
  }

  async function openDevice(viewport: { width: number; height: number }): Promise<Device> {
    const context = await phoneContext(browser, server.url, { viewport })
    const page = await context.newPage()
    await signIn(page, DEMO_LEADER)
    await waitForServiceWorker(page)
    return { context, page }
  }

  /** Both devices go offline and each saves its own change to the one initiative, which waits there. */
  async function editBothOffline(
    currentTitle: string,
    onPhone: { title?: string; owner?: string },
    onTablet: { title?: string; owner?: string },
  ): Promise<void> {
    await phone.context.setOffline(true)
    await tablet.context.setOffline(true)
    await editInitiative(phone.page, currentTitle, onPhone)
    await editInitiative(tablet.page, currentTitle, onTablet)
    await expectStatus(phone.page, 'Offline – 1 ændring venter')
    await expectStatus(tablet.page, 'Offline – 1 ændring venter')
  }

  beforeAll(async () => {
    server = await startServer({ staticDir: ensureDist() })
    browser = await launchChromium()
  }, STEP_TIMEOUT)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it(
    'the leader is signed in on a phone and a tablet, each with its service worker, all saved',
    async () => {
      phone = await openDevice(PHONE)
      tablet = await openDevice(TABLET)
      await expectStatus(phone.page, 'Alt er gemt')
      await expectStatus(tablet.page, 'Alt er gemt')
      expect(await phone.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
      expect(await tablet.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
      expect(await phone.page.evaluate(() => [innerWidth, innerHeight])).toEqual([PHONE.width, PHONE.height])
      expect(await tablet.page.evaluate(() => [innerWidth, innerHeight])).toEqual([TABLET.width, TABLET.height])
      const cookie = (await phone.context.cookies()).find((c) => c.name === 'mls_session')
      if (!cookie) throw new Error('the phone has no session cookie')
      leaderCookie = `${cookie.name}=${cookie.value}`
      const me = (await (await fetch(`${server.url}/api/me`, { headers: { cookie: leaderCookie } })).json()) as {
        person: { name: string }
        units: Array<{ id: string; name: string }>
      }
      leaderName = me.person.name
      const unit = me.units.find((u) => u.name === 'Bakkeskolen')
      if (!unit) throw new Error(`the demo leader does not lead Bakkeskolen: ${JSON.stringify(me.units)}`)
      unitId = unit.id
      stepsUrl = `/enhed/${encodeURIComponent(unitId)}/budget/trin/3`
    },
    STEP_TIMEOUT,
  )

  it(
    'an initiative made on the phone (guided step 3) reaches the server and the tablet',
    async () => {
      const { page } = phone
      await page.goto(stepsUrl)
      await page.getByRole('heading', { level: 2, name: 'Sæt initiativer i gang' }).waitFor()
      await expect.poll(() => page.getByTestId('no-initiatives').textContent()).toBe('Der er ingen initiativer endnu.')
      expect(await card(page).count()).toBe(0)
      await page.getByRole('button', { name: 'Nyt initiativ' }).click()
      const form = page.getByRole('form', { name: 'Nyt initiativ' })
      await form.getByLabel(/Hvad vil du gøre\?/).fill(FIRST_TITLE)
      await form.getByLabel('Hvem har ansvaret?').fill('Lars')
      await form.getByRole('button', { name: 'Gem initiativ' }).click()
      await form.waitFor({ state: 'detached' })
      expect(await shownTitle(page)).toBe(FIRST_TITLE)

      await expect.poll(async () => (await serverInitiatives()).map((r) => r.title), { timeout: SYNC_TIMEOUT }).toEqual([FIRST_TITLE])
      await expectSettled(page, { title: FIRST_TITLE, owner: 'Lars' })
      await expectStatus(page, 'Alt er gemt')
      // The leader's own synced record: "dig", with the server's Danish date and time.
      const [made] = await serverInitiatives()
      expect(made).toMatchObject({ updatedByName: leaderName, createdByName: leaderName })
      await expect.poll(() => card(page).locator('.byline').textContent()).toBe(`Skrevet af dig · ${danishDateTime(String(made!.updatedAt))}`)

      // The tablet opens the same step; the app starts, syncs and shows it.
      await tablet.page.goto(stepsUrl)
      await expectSettled(tablet.page, { title: FIRST_TITLE, owner: 'Lars' })
    },
    STEP_TIMEOUT,
  )

  it(
    'offline, the phone changes the owner and the tablet the title; back online both show both changes',
    async () => {
      await editBothOffline(FIRST_TITLE, { owner: NEW_OWNER }, { title: TABLET_TITLE })
      // Each device shows its own change at once, waiting to be sent.
      expect(await shownOwner(phone.page)).toBe(NEW_OWNER)
      expect(await shownTitle(phone.page)).toBe(FIRST_TITLE)
      expect(await shownTitle(tablet.page)).toBe(TABLET_TITLE)
      expect(await shownOwner(tablet.page)).toBe('Lars')
      expect(await card(phone.page).getByTestId('pending').count()).toBe(1)
      expect(await card(tablet.page).getByTestId('pending').count()).toBe(1)

      // One after the other, so the order is known: the phone first ('online' starts a sync)…
      await phone.context.setOffline(false)
      await expectSettled(phone.page, { title: FIRST_TITLE, owner: NEW_OWNER })
      await expectStatus(phone.page, 'Alt er gemt')
      // …then the tablet: its title merges with the phone's owner, no conflict.
      await tablet.context.setOffline(false)
      await expectSettled(tablet.page, { title: TABLET_TITLE, owner: NEW_OWNER })
      await expectStatus(tablet.page, 'Alt er gemt')
      const [merged] = await serverInitiatives()
      expect(merged).toMatchObject({ title: TABLET_TITLE, owner: NEW_OWNER })

      // The phone opens the app again and pulls the tablet's title.
      await phone.page.reload()
      await expectSettled(phone.page, { title: TABLET_TITLE, owner: NEW_OWNER })
      await expectStatus(phone.page, 'Alt er gemt')
    },
    STEP_TIMEOUT,
  )

  it(
    'offline, both change the title; the tablet, second to sync, shows a conflict and keeps its own',
    async () => {
      await editBothOffline(TABLET_TITLE, { title: PHONE_CLASH }, { title: TABLET_CLASH })

      await phone.context.setOffline(false)
      await expectSettled(phone.page, { title: PHONE_CLASH, owner: NEW_OWNER })
      await expectStatus(phone.page, 'Alt er gemt')
      await expect.poll(async () => (await serverInitiatives())[0]?.title, { timeout: SYNC_TIMEOUT }).toBe(PHONE_CLASH)

      await tablet.context.setOffline(false)
      const conflict = card(tablet.page).getByTestId('conflict')
      await conflict.waitFor({ timeout: SYNC_TIMEOUT })
      await expect.poll(() => conflict.count()).toBe(1)
      // Not "Alt er gemt": the status line says a conflict waits for the leader, and leads to it.
      await expectStatus(tablet.page, '1 konflikt — vælg version')
      expect(await tablet.page.getByTestId('sync-attention').getAttribute('href')).toBe(stepsUrl)
      expect(await conflict.textContent()).toContain('Titel er ændret et andet sted. Hvilken version skal gælde?')
      expect(await conflict.locator('dt').allTextContents()).toEqual(['Din version', 'Serverens version'])
      expect(await conflict.getByTestId('conflict-mine').textContent()).toBe(TABLET_CLASH)
      expect(await conflict.getByTestId('conflict-theirs').textContent()).toBe(PHONE_CLASH)
      // Until the leader chooses, the tablet shows its own value and the server keeps the phone's.
      expect(await shownTitle(tablet.page)).toBe(TABLET_CLASH)
      expect(await shownOwner(tablet.page)).toBe(NEW_OWNER)
      expect((await serverInitiatives())[0]?.title).toBe(PHONE_CLASH)
      expect(await conflict.getByRole('button', { name: 'Brug serverens' }).isVisible()).toBe(true)

      await conflict.getByRole('button', { name: 'Behold min' }).click()
      await expect.poll(async () => (await serverInitiatives())[0]?.title, { timeout: SYNC_TIMEOUT }).toBe(TABLET_CLASH)
      await expectSettled(tablet.page, { title: TABLET_CLASH, owner: NEW_OWNER })
      await expectStatus(tablet.page, 'Alt er gemt')

      // The phone opens the app again: the chosen title, and no conflict there either.
      await phone.page.reload()
      await expectSettled(phone.page, { title: TABLET_CLASH, owner: NEW_OWNER })
      await expectStatus(phone.page, 'Alt er gemt')
    },
    STEP_TIMEOUT,
  )

  it('the server holds the resolved title and the other field’s change, stamped with the leader', async () => {
    const initiatives = await serverInitiatives()
    expect(initiatives).toHaveLength(1)
    expect(initiatives[0]).toMatchObject({
      indicator: 'budget',
      title: TABLET_CLASH,
      owner: NEW_OWNER,
      status: 'planned',
      updatedByName: leaderName,
      createdByName: leaderName,
    })
    expect(Date.parse(String(initiatives[0]!.updatedAt))).toBeGreaterThan(Date.now() - 10 * 60_000)
  })

  it(
    'the area chief sees the initiative on the unit’s page, read-only, with the leader’s name and time',
    async () => {
      const context = await phoneContext(browser, server.url)
      try {
        const page = await context.newPage()
        await page.goto('/')
        await page.getByLabel('E-mail', { exact: true }).fill(AREA_CHIEF)
        await page.getByLabel('Adgangskode', { exact: true }).fill('demo')
        await page.getByRole('button', { name: 'Log ind' }).click()
        await page.getByTestId('oc-units').getByRole('link', { name: 'Bakkeskolen', exact: true }).click()
        await page.waitForURL(`**/enhed/${encodeURIComponent(unitId)}/dialog`)
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: SYNC_TIMEOUT }).toBe('Bakkeskolen')

        const item = page.getByTestId('initiative')
        await expect.poll(() => shownTitle(page), { timeout: SYNC_TIMEOUT }).toBe(TABLET_CLASH)
        expect(await item.count()).toBe(1)
        expect(await shownOwner(page)).toBe(NEW_OWNER)
        const [final] = await serverInitiatives()
        expect(await item.locator('.byline').textContent()).toBe(`Skrevet af ${leaderName} · ${danishDateTime(String(final!.updatedAt))}`)
        // Read-only: nothing to press or type, and no conflict or pending marker.
        expect(await item.locator('button, input, select, textarea').count()).toBe(0)
        expect(await item.getByTestId('conflict').count()).toBe(0)
        expect(await item.getByTestId('pending').count()).toBe(0)
      } finally {
        await context.close()
      }
    },
    STEP_TIMEOUT,
  )
})
