// The dialogue chain over a season, in real Chromium with the clock controlled on both sides: the
// server is started on each day in turn (TODAY) over the same database, and the browsers' clocks
// are set to that day. Hedegårdsskolen (Område Vest) has budget and forecast red on 2 March 2026:
// its leader marks the preparation ready → it is in the OC's inbox → the OC plans the dialogue from
// the lights, adds a shared and a private note and an agreed action, writes minutes and marks it
// held → the follow-ups after 1 and 3 months are in both inboxes on their days → at the first the
// budget has improved, so a visit is proposed 6 months on; at the second the forecast has not, so a
// development plan starts → it prints on one A4 page → the leader acknowledges it on the phone →
// the leader sees the shared note and never the private one (screen and API) → the first dialogue,
// locked since, changes only after "Genåbn" with a reason, which its history shows.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/core/sync/protocol'
import { horizontalOverflow, launchChromium, printedA4Pages, signInOnDay, TABLET, type SignedInPerson } from '../helpers/browser'
import { ensureDist } from '../helpers/dist'
import { startServer, type ServerProcess } from '../helpers/server-process'
import { axeViolations } from './axe'

const UNIT = 'unit-035'
const UNIT_NAME = 'Hedegårdsskolen'
const LEADER = 'leder.maria-kjaergaard@demo.dk'
const AREA_CHIEF = 'oc.vest@demo.dk'
const NARROW = { width: 360, height: 780 }

const HELD_ON = '2026-03-02'
const FIRST_FOLLOW_UP = '2026-04-02'
const SECOND_FOLLOW_UP = '2026-06-02'

const QUESTIONS = 'Hvordan får vi styr på vikarudgifterne i indskolingen?'
const SHARED_NOTE = 'Delt: vikarforbruget gennemgås sammen hver måned.'
const PRIVATE_NOTE = 'Privat: lederen virker presset af sagen om kørsel.'
const ACTION = 'Gennemgå vikarforbruget med skolens sekretær'
const MINUTES = 'Vi gennemgik budget og prognose. Vikarforbruget er hovedårsagen.'
const GOAL = 'Prognosen rammer inden for intervallet tre måneder i træk.'

describe('the dialogue chain over a season, the server and the browsers on each day in turn', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mls-journey-'))
  let browser: Browser
  let server: ServerProcess | null = null
  /** The first dialogue's address, found when the OC plans it. */
  let firstDialogue = ''
  let planAddress = ''

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  /** The server on a given day, over the database the earlier days left. */
  async function serverOn(day: string): Promise<void> {
    await server?.stop()
    server = await startServer({ staticDir: ensureDist(), dataDir, env: { TODAY: day } })
  }

  function signedIn(email: string, day: string, ready: string, viewport = NARROW): Promise<SignedInPerson> {
    return signInOnDay(browser, server!.url, { email, day, ready, viewport })
  }

  async function allSaved(page: Page): Promise<void> {
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 30_000 }).toContain('Alt er gemt')
  }

  /** The OC's inbox item with these words (and this date), once the first sync has brought it. */
  async function ocInboxItem(page: Page, words: string, date = '') {
    const item = page.getByTestId('oc-inbox').getByRole('link').filter({ hasText: words }).filter({ hasText: date })
    await item.first().waitFor({ timeout: 30_000 })
    return item.first()
  }

  function leaderChain(page: Page) {
    return page.getByTestId('leader-chain')
  }

  /**
   * From the OC's inbox, the follow-up on this date: it is about these indicators alone; judged
   * (improved or not) and marked held, which proposes what follows.
   */
  async function holdFollowUp(page: Page, date: string, indicator: string, choice: 'Forbedret' | 'Ikke forbedret'): Promise<void> {
    await (await ocInboxItem(page, `Opfølgning med ${UNIT_NAME}`, date)).click()
    const judgement = page.getByTestId('follow-up-judgement')
    await judgement.waitFor()
    expect(await judgement.locator('legend').allTextContents()).toEqual([expect.stringContaining(indicator)])
    await judgement.getByRole('radio', { name: choice, exact: true }).check()
    await page.getByRole('button', { name: 'Dialog afholdt' }).click()
    await page.getByText('Opfølgningerne er planlagt.').waitFor()
  }

  /** The leader's item of a follow-up on this date. */
  function followUpOn(chain: ReturnType<typeof leaderChain>, date: string) {
    return chain.getByRole('link', { name: `${date} Opfølgning`, exact: true })
  }

  function noteForm(page: Page, label: string) {
    return page.locator('form.note-editor').filter({ has: page.getByLabel(label, { exact: true }) })
  }

  /** The notes a person's device is handed by the sync pull (the real API, with their cookie). */
  async function pulledNoteBodies(page: Page): Promise<Array<{ body: string; visibility: string }>> {
    return page.evaluate(
      async ({ header, version }) => {
        const found: Array<{ body: string; visibility: string }> = []
        let cursor = 0
        for (;;) {
          const answer = await fetch(`/api/sync/pull?cursor=${cursor}&limit=2000`, { headers: { [header]: String(version) } })
          const body = (await answer.json()) as { changes: Array<{ table: string; record: { body: string; visibility: string } | null }>; cursor: number }
          for (const c of body.changes) if (c.table === 'note' && c.record) found.push(c.record)
          if (body.changes.length < 2000) return found
          cursor = body.cursor
        }
      },
      { header: PROTOCOL_HEADER, version: PROTOCOL_VERSION },
    )
  }

  it('2 March: the leader marks the preparation ready; the OC plans the dialogue from the lights and holds it', async () => {
    await serverOn(HELD_ON)
    const leader = await signedIn(LEADER, HELD_ON, 'light-budget')
    await leader.page.goto(`/enhed/${UNIT}/budget/trin/5`)
    await leader.page.getByLabel('Dine spørgsmål til områdechefen', { exact: false }).fill(QUESTIONS)
    await leader.page.getByTestId('mark-ready').click()
    await leader.page.getByTestId('ready-state').waitFor()
    await allSaved(leader.page)

    const oc = await signedIn(AREA_CHIEF, HELD_ON, 'oc-inbox', TABLET)
    const ready = await ocInboxItem(oc.page, `${UNIT_NAME} har markeret forberedelsen klar til dialog`)
    await ready.click()
    await oc.page.waitForURL(new RegExp(`/enhed/${UNIT}/dialog$`))
    await oc.page.getByLabel('Dato for næste dialog').fill(HELD_ON)
    await oc.page.getByRole('button', { name: 'Planlæg dialog ud fra lysene' }).click()
    await oc.page.getByTestId('agenda').waitFor()
    firstDialogue = new URL(oc.page.url()).pathname

    // The lights proposed support for the two red ones; the agenda has the leader's question.
    const topics = oc.page.getByTestId('topics-editor')
    expect(await topics.getByLabel('Budgetoverholdelse').inputValue()).toBe('support')
    expect(await topics.getByLabel('Korrekt estimering i prognoser').inputValue()).toBe('support')
    expect(await oc.page.getByTestId('agenda').textContent()).toContain(QUESTIONS)
    expect(await oc.page.getByTestId('guidance').textContent()).not.toBe('')

    await noteForm(oc.page, 'Ny delt note').getByRole('textbox').fill(SHARED_NOTE)
    await noteForm(oc.page, 'Ny delt note').getByRole('button', { name: 'Gem note' }).click()
    await oc.page.getByTestId('shared-note').filter({ hasText: SHARED_NOTE }).waitFor()
    await noteForm(oc.page, 'Ny privat note').getByRole('textbox').fill(PRIVATE_NOTE)
    await noteForm(oc.page, 'Ny privat note').getByRole('button', { name: 'Gem note' }).click()
    await oc.page.getByTestId('private-note').filter({ hasText: PRIVATE_NOTE }).waitFor()

    const actions = oc.page.getByTestId('dialogue-actions')
    await actions.getByLabel('Hvad').fill(ACTION)
    await actions.getByLabel('Hvem').fill('Maria Kjærgaard')
    await actions.getByLabel('Hvornår').fill('2026-03-31')
    await actions.getByRole('button', { name: 'Tilføj handling' }).click()
    await actions.getByText(ACTION, { exact: true }).waitFor()

    await oc.page.getByRole('textbox', { name: 'Referat', exact: true }).fill(MINUTES)
    await oc.page.getByRole('button', { name: 'Gem referat' }).click()
    await oc.page.getByText('Referatet er gemt.').waitFor()
    expect(await oc.page.getByLabel('Afholdt den').inputValue()).toBe(HELD_ON)
    await oc.page.getByRole('button', { name: 'Dialog afholdt' }).click()
    await oc.page.getByText('Opfølgningerne er planlagt.').waitFor()
    expect(await oc.page.getByTestId('lock-panel').textContent()).toContain('Referatet låses 16. marts 2026')
    expect(await horizontalOverflow(oc.page)).toBe(0)
    expect(await axeViolations(oc.page)).toEqual([])
    await allSaved(oc.page)

    // The follow-ups the rules propose: the budget after 1 month, the forecast after 3.
    await oc.page.goto(`/enhed/${UNIT}/dialog`)
    const list = oc.page.getByTestId('unit-dialogues')
    await expect.poll(() => list.textContent()).toContain('Planlagt 2. april 2026')
    expect(await list.textContent()).toContain('Planlagt 2. juni 2026')
    await oc.context.close()
    await leader.context.close()
  })

  it('2 April: the budget follow-up is in both inboxes; improved, so a visit is proposed 6 months on', async () => {
    await serverOn(FIRST_FOLLOW_UP)
    const leader = await signedIn(LEADER, FIRST_FOLLOW_UP, 'light-budget')
    const chain = leaderChain(leader.page)
    await chain.waitFor({ timeout: 30_000 })
    await expect.poll(() => followUpOn(chain, '2. april 2026').count(), { timeout: 30_000 }).toBe(1)
    // The agreed action is the leader's own to-do, overdue since 31 March.
    expect(await chain.textContent()).toContain(`Aftalt: ${ACTION}`)
    expect(await chain.locator('li.overdue').filter({ hasText: ACTION }).count()).toBe(1)

    const oc = await signedIn(AREA_CHIEF, FIRST_FOLLOW_UP, 'oc-inbox', TABLET)
    await holdFollowUp(oc.page, '2. april 2026', 'Budgetoverholdelse', 'Forbedret')
    await allSaved(oc.page)

    await oc.page.goto(`/enhed/${UNIT}/dialog`)
    const list = oc.page.getByTestId('unit-dialogues')
    await expect.poll(() => list.locator('li').filter({ hasText: 'Besøg' }).filter({ hasText: 'Planlagt 2. oktober 2026' }).count()).toBe(1)
    await oc.context.close()
    await leader.context.close()
  })

  it('2 June: the forecast follow-up is in both inboxes; not improved, so a development plan on one A4 page', async () => {
    await serverOn(SECOND_FOLLOW_UP)
    const leader = await signedIn(LEADER, SECOND_FOLLOW_UP, 'light-budget')
    await expect.poll(() => followUpOn(leaderChain(leader.page), '2. juni 2026').count(), { timeout: 30_000 }).toBe(1)
    await leader.context.close()

    const oc = await signedIn(AREA_CHIEF, SECOND_FOLLOW_UP, 'oc-inbox', TABLET)
    // (The visit the demo's autumn round left for 30 April is overdue beside it.)
    await holdFollowUp(oc.page, '2. juni 2026', 'Korrekt estimering i prognoser', 'Ikke forbedret')

    await oc.page.goto('/')
    const plan = await ocInboxItem(oc.page, `Udviklingsplanen for ${UNIT_NAME} venter på din kvittering`)
    await plan.click()
    const sheet = oc.page.getByTestId('development-plan')
    await sheet.waitFor()
    planAddress = new URL(oc.page.url()).pathname
    await oc.page.getByLabel('Nyt mål').fill(GOAL)
    await oc.page.getByRole('button', { name: 'Tilføj mål' }).click()
    await sheet.getByText(GOAL).waitFor()
    await oc.page.getByTestId('oc-ack').getByRole('button', { name: 'Kvittér for planen' }).click()
    await expect.poll(() => oc.page.getByTestId('oc-ack').textContent()).toContain('kvitteret 2. juni 2026')
    // Every 3 months for the forecast, from the day it started.
    expect(await sheet.textContent()).toContain('Opfølgning hver 3. måned')
    expect(await sheet.textContent()).toContain('2. september 2026')
    expect(await axeViolations(oc.page)).toEqual([])

    expect(await printedA4Pages(oc.page)).toBe(1)
    await allSaved(oc.page)
    await oc.context.close()
  })

  it('2 June: the leader acknowledges the plan on the phone, and sees the shared note but never the private one', async () => {
    const leader = await signedIn(LEADER, SECOND_FOLLOW_UP, 'light-budget')
    const chain = leaderChain(leader.page)
    await chain.waitFor({ timeout: 30_000 })
    const ack = chain.getByRole('link', { name: /Udviklingsplanen venter på din kvittering/ })
    await expect.poll(() => ack.count(), { timeout: 30_000 }).toBe(1)
    await ack.click()
    await leader.page.waitForURL(`**${planAddress}`)
    const sheet = leader.page.getByTestId('development-plan')
    await sheet.getByText(GOAL).waitFor()
    await leader.page.getByTestId('leader-ack').getByRole('button', { name: 'Kvittér for planen' }).click()
    await expect.poll(() => leader.page.getByTestId('leader-ack').textContent()).toContain('kvitteret 2. juni 2026')
    expect(await horizontalOverflow(leader.page)).toBe(0)
    await allSaved(leader.page)

    await leader.page.goto(firstDialogue)
    const notes = leader.page.getByTestId('dialogue-notes')
    await notes.getByText(SHARED_NOTE).waitFor()
    expect(await leader.page.locator('main').textContent()).toContain(MINUTES)
    expect(await leader.page.locator('main').textContent()).not.toContain(PRIVATE_NOTE)
    expect(await leader.page.getByRole('textbox', { name: 'Referat', exact: true }).count()).toBe(0)
    expect(await horizontalOverflow(leader.page)).toBe(0)
    expect(await axeViolations(leader.page)).toEqual([])
    const pulled = await pulledNoteBodies(leader.page)
    expect(pulled.map((n) => n.body)).toContain(SHARED_NOTE)
    expect(pulled.map((n) => n.body)).not.toContain(PRIVATE_NOTE)
    expect(pulled.some((n) => n.visibility === 'oc_private')).toBe(false)
    await leader.context.close()
  })

  it('2 June: the first dialogue is locked; its minutes change only after "Genåbn", and the reopening is in its history', async () => {
    const oc = await signedIn(AREA_CHIEF, SECOND_FOLLOW_UP, 'oc-inbox', TABLET)
    await oc.page.goto(firstDialogue)
    const lock = oc.page.getByTestId('lock-panel')
    await lock.getByText('Dialogen er låst siden 16. marts 2026').waitFor({ timeout: 30_000 })
    expect(await oc.page.getByRole('textbox', { name: 'Referat', exact: true }).count()).toBe(0)
    expect(await oc.page.getByTestId('private-note').textContent()).toContain(PRIVATE_NOTE)

    await lock.getByLabel('Begrundelse for at genåbne').fill('Lederen bad om at få rettet årsagen i referatet.')
    await lock.getByRole('button', { name: 'Genåbn' }).click()
    await lock.getByText('Dialogen er genåbnet.').waitFor()
    const minutes = oc.page.getByRole('textbox', { name: 'Referat', exact: true })
    await minutes.waitFor()
    await minutes.fill(`${MINUTES} Rettet: også kørsel.`)
    await oc.page.getByRole('button', { name: 'Gem referat' }).click()
    await oc.page.getByText('Referatet er gemt.').waitFor()
    await allSaved(oc.page)

    await lock.getByText('Vis historik').click()
    const history = lock.getByTestId('dialogue-history')
    await history.waitFor()
    await expect.poll(() => history.textContent()).toContain('Lederen bad om at få rettet årsagen i referatet.')
    expect(await history.textContent()).toContain('Rettet: også kørsel.')
    expect(await axeViolations(oc.page)).toEqual([])
    await oc.context.close()
  })
})
