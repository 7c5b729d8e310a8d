// The area chief's dialogue chain in real Chromium, on the demo seeded for a fixed day (the
// server's TODAY, the browser's clock): the work list with what waits, a follow-up's page with its
// agenda and guidance, the development plan printed on exactly one A4 page, the leader's
// acknowledgement on the phone, and the OC's private notes reaching the OC alone (UI and API).
// axe finds nothing on the new screens, and none scrolls sideways at 360 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/core/sync/protocol'
import {
  DEMO_LEADER,
  horizontalOverflow,
  launchChromium,
  printedA4Pages,
  signInOnDay,
  storedUnitDetails,
  TABLET,
  waitForServiceWorker,
  type SignedInPerson,
} from '../helpers/browser'
import { ensureDist } from '../helpers/dist'
import { startServer, type ServerProcess } from '../helpers/server-process'
import { axeViolations } from './axe'

const TODAY = '2026-11-23'
const AREA_CHIEF = 'oc.nord@demo.dk'
const PLAN = '/enhed/unit-003/udviklingsplan/dlg-unit-003-2026-10.opf1.plan'
const NARROW = { width: 360, height: 780 }

describe('the dialogue chain, as the area chief and the leader use it', () => {
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    server = await startServer({ staticDir: ensureDist(), env: { TODAY } })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  function signedIn(email: string, ready: string, viewport = NARROW): Promise<SignedInPerson> {
    return signInOnDay(browser, server.url, { email, day: TODAY, ready, viewport })
  }

  /** The records a person's device is handed by the sync pull (the real API, with their cookie). */
  async function pulledNotes(page: Page): Promise<Array<{ visibility: string }>> {
    return page.evaluate(
      async ({ header, version }) => {
        const answer = await fetch('/api/sync/pull?cursor=0&limit=2000', { headers: { [header]: String(version) } })
        const body = (await answer.json()) as { changes: Array<{ table: string; record: { visibility: string } | null }> }
        return body.changes.filter((c) => c.table === 'note' && c.record).map((c) => c.record!)
      },
      { header: PROTOCOL_HEADER, version: PROTOCOL_VERSION },
    )
  }

  it('the home is a work list: the follow-up due and the overdue one, the units worst first, searchable', async () => {
    const { context, page } = await signedIn(AREA_CHIEF, 'oc-inbox')
    const inbox = page.getByTestId('oc-inbox')
    await expect.poll(() => inbox.textContent(), { timeout: 20_000 }).toContain('Møllevangskolen')
    expect(await inbox.textContent()).toContain('Overskredet')
    await page.getByLabel('Søg på navn').fill('bakke')
    await expect.poll(() => page.getByTestId('oc-units').locator(':scope > li').count()).toBe(1)
    expect(await page.getByTestId('worklist-count').textContent()).toContain('1 enhed')
    expect(await horizontalOverflow(page)).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })

  it('an overdue follow-up opens with its agenda and the guidance; the OC is handed the private notes', async () => {
    const { context, page } = await signedIn(AREA_CHIEF, 'oc-inbox')
    const overdue = page.getByTestId('oc-inbox').locator('li.overdue a').first()
    await overdue.waitFor({ timeout: 20_000 })
    await overdue.click()
    await page.getByTestId('agenda').waitFor()
    expect(await page.getByTestId('agenda').textContent()).toContain('Status på det aftalte sidst')
    expect(await page.getByTestId('guidance').textContent()).toContain('forbedret')
    await page.getByTestId('follow-up-judgement').waitFor()
    expect(await horizontalOverflow(page)).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    expect((await pulledNotes(page)).some((n) => n.visibility === 'oc_private')).toBe(true)
    await context.close()
  })

  it('the OC opens the app with no connection: the work list, and the agenda of each meeting it names', async () => {
    const { context, page } = await signedIn(AREA_CHIEF, 'oc-inbox', TABLET)
    await waitForServiceWorker(page)
    const inbox = page.getByTestId('oc-inbox')
    await expect.poll(() => inbox.textContent(), { timeout: 20_000 }).toContain('Møllevangskolen')
    // Never opened on this device: their figures come to it by themselves, in turn.
    await expect.poll(() => storedUnitDetails(page), { timeout: 30_000 }).toEqual(expect.arrayContaining(['unit-001', 'unit-010']))
    await context.setOffline(true)
    await page.reload()
    await expect.poll(() => inbox.textContent(), { timeout: 20_000 }).toContain('Møllevangskolen')
    for (const unit of ['Møllevangskolen', 'Lindehøj Skole']) {
      await inbox
        .getByRole('link', { name: new RegExp(`Opfølgning med ${unit}`) })
        .first()
        .click()
      await page.getByTestId('agenda').waitFor({ timeout: 10_000 })
      expect(await page.locator('h1').textContent()).not.toBe('')
      expect(await page.getByTestId('guidance').textContent()).not.toBe('')
      await page.goBack()
      await inbox.waitFor()
    }
    await context.close()
  })

  it('the development plan prints on exactly one A4 page', async () => {
    const { context, page } = await signedIn(AREA_CHIEF, 'oc-inbox')
    await page.goto(PLAN)
    await page.getByTestId('development-plan').waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('development-plan').textContent()).toContain('Demo Kommune')
    expect(await horizontalOverflow(page)).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    expect(await printedA4Pages(page)).toBe(1)
    await context.close()
  })

  it('the OC writes minutes offline on a tablet; back online they reach the leader’s phone', async () => {
    const minutes = 'Referat skrevet uden net: vikarerne gennemgås hver uge.'
    const oc = await signedIn(AREA_CHIEF, 'oc-inbox', TABLET)
    await waitForServiceWorker(oc.page)
    // Bakkeskolen's next meeting: the first of its development plan, on 11 December.
    await oc.page.goto('/enhed/unit-003/dialog/dlg-unit-003-2026-10.opf1.plan1')
    await oc.page.getByTestId('agenda').waitFor({ timeout: 20_000 })
    const address = oc.page.url()
    await oc.context.setOffline(true)
    await oc.page.getByRole('textbox', { name: 'Referat', exact: true }).fill(minutes)
    await oc.page.getByRole('button', { name: 'Gem referat' }).click()
    await oc.page.getByText('Referatet er gemt.').waitFor()
    expect(await oc.page.getByTestId('sync-status').textContent()).toMatch(/venter|Offline|offline/)
    await oc.context.setOffline(false)
    await expect.poll(() => oc.page.getByTestId('sync-status').textContent(), { timeout: 30_000 }).toContain('Alt er gemt')

    const leader = await signedIn(DEMO_LEADER, 'light-budget')
    await leader.page.goto(new URL(address).pathname)
    await expect.poll(() => leader.page.locator('main').textContent(), { timeout: 30_000 }).toContain(minutes)
    await oc.context.close()
    await leader.context.close()
  })

  it('the leader acknowledges the plan on the phone, and is never handed a private note', async () => {
    const { context, page } = await signedIn(DEMO_LEADER, 'light-budget')
    const panel = page.getByTestId('leader-chain')
    await panel.waitFor({ timeout: 20_000 })
    await panel.getByRole('link', { name: /Udviklingsplanen venter på din kvittering/ }).click()
    await page.getByTestId('development-plan').waitFor()
    await page.getByTestId('leader-ack').getByRole('button', { name: 'Kvittér for planen' }).click()
    await expect.poll(() => page.getByTestId('leader-ack').textContent()).toContain('kvitteret 23. november 2026')
    expect(await axeViolations(page)).toEqual([])
    const notes = await pulledNotes(page)
    expect(notes.length).toBeGreaterThan(0)
    expect(notes.some((n) => n.visibility === 'oc_private')).toBe(false)
    await context.close()
  })
})
