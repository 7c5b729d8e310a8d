// The dialogue chain's screens on the real records store (fake-indexeddb): the OC's work list, a
// dialogue's agenda with carried-over actions, "Dialog afholdt" proposing the follow-ups, who gets
// which controls (by the access policy), and the development plan's acknowledgement.
import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useSyncStore } from '../../src/client/features/sync/syncStore'
import { mountAt, leaderMe, ocMe } from './routed'
import { detailWithFigures, plain, summary } from './fixtures'
import { freshDevice, pulled, saved, stopDevice } from './realRecords'
import { dialogue as aDialogue, followUp, support } from '../core/dialogueFixtures'
import type { Dialogue } from '../../src/core/types'

const TODAY = '2026-11-20T10:00:00.000Z'

/** A dialogue's fields as pulled (core's test builder without the envelope): budget support, 25 November. */
function dialogue(over: Partial<Dialogue>): Omit<Dialogue, 'id' | 'unitId'> {
  const { id: _id, unitId: _unitId, ...fields } = aDialogue('x', { topics: support('budget'), scheduledOn: '2026-11-25', ...over })
  return fields
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(TODAY))
  await freshDevice()
  document.body.innerHTML = ''
})
afterEach(async () => {
  await stopDevice()
  vi.useRealTimers()
})

describe("the area chief's home: a work list", () => {
  it('lists what waits — an overdue follow-up, a ready preparation — and the units worst first, filtered and searched', async () => {
    await pulled('dialogue', 'd0', dialogue({ scheduledOn: '2026-09-10', heldOn: '2026-09-10' }))
    await pulled('dialogue', 'd0.opf1', dialogue({ kind: 'follow_up', topics: followUp('budget'), followsFrom: 'd0', scheduledOn: '2026-10-10' }))
    await pulled('dialoguePreparation', 'p1', { year: 2026, month: 11, questions: 'Vikarer?', readyAt: '2026-11-18T08:00:00.000Z' })
    const units = [summary('u2', 'Åby Børnehave', 'green'), summary('u1', 'Skovbo Skole', 'red')]
    const { wrapper } = await mountAt('/', detailWithFigures(), ocMe(), { units })
    const inbox = () => plain(wrapper.get('[data-testid="oc-inbox"]').text())
    await vi.waitFor(() => expect(inbox()).toContain('Opfølgning med Skovbo Skole'))
    expect(inbox()).toContain('Overskredet')
    expect(inbox()).toContain('Skovbo Skole har markeret forberedelsen klar til dialog')
    const names = () => wrapper.findAll('[data-testid="oc-units"] > li .name').map((n) => n.text())
    expect(names()).toEqual(['Skovbo Skole', 'Åby Børnehave'])
    expect(plain(wrapper.get('[data-testid="oc-units"]').text())).toContain('Forberedelse klar')

    await wrapper.get('#wl-colour').setValue('green')
    expect(names()).toEqual(['Åby Børnehave'])
    await wrapper.get('#wl-colour').setValue('')
    await wrapper.get('#wl-search').setValue('aaby')
    expect(names()).toEqual([])
    await wrapper.get('#wl-search').setValue('åby')
    expect(names()).toEqual(['Åby Børnehave'])
    expect(wrapper.get('[data-testid="worklist-count"]').text()).toContain('1 enhed')
    wrapper.unmount()
  })
})

describe("the area chief's home with an indicator switched off for the municipality", () => {
  it('offers it in no filter and tells no unit’s light of it', async () => {
    const me = { ...ocMe(), municipality: { id: 'm1', name: 'Demo Kommune', indicatorsOff: ['balance' as const] } }
    const { balance: _off, ...lights } = summary('u1', 'Skovbo Skole').lights
    const { wrapper } = await mountAt('/', detailWithFigures(), me, { units: [{ ...summary('u1', 'Skovbo Skole'), lights }] })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="oc-units"] > li').exists()).toBe(true))
    expect(wrapper.findAll('#wl-indicator option').map((o) => o.text())).toEqual([
      'Alle måltal',
      'Budgetoverholdelse',
      'Handleplan',
      'Korrekt estimering i prognoser',
    ])
    expect(wrapper.findAll('[data-testid="oc-units"] .chips li')).toHaveLength(3)
    expect(plain(wrapper.get('[data-testid="oc-units"]').text())).not.toContain('Balance')
    wrapper.unmount()
  })
})

describe("the area chief's home on a new device", () => {
  it('says it is loading, not that nothing waits, until the first sync has been', async () => {
    const { wrapper } = await mountAt('/', detailWithFigures(), ocMe(), { units: [summary('u1', 'Skovbo Skole', 'red')] })
    useSyncStore().lastSyncedAt = null
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="oc-inbox"]').exists()).toBe(true))
    const inbox = plain(wrapper.get('[data-testid="oc-inbox"]').text())
    expect(inbox).toContain('Henter …')
    expect(inbox).not.toContain('Intet venter')
    wrapper.unmount()
  })
})

describe('a dialogue, as the area chief runs it', () => {
  it('opens with what was agreed before and not done, carried over with its date, beside the guidance', async () => {
    await pulled('dialogue', 'd0', dialogue({ scheduledOn: '2026-09-10', heldOn: '2026-09-10' }))
    await pulled('dialogueAction', 'a0', {
      dialogueId: 'd0',
      title: 'Gennemgå vikarforbruget',
      owner: 'Lea',
      dueOn: '2026-10-01',
      status: 'open',
      doneOn: null,
    })
    await pulled('dialogueAction', 'a-done', { dialogueId: 'd0', title: 'Allerede udført', owner: '', dueOn: null, status: 'done', doneOn: '2026-10-01' })
    await pulled('dialogue', 'd1', dialogue({}))
    const { wrapper } = await mountAt('/enhed/u1/dialog/d1', detailWithFigures(), ocMe())
    await vi.waitFor(() => expect(wrapper.find('[data-testid="agenda"]').exists()).toBe(true))
    await vi.waitFor(() => expect(plain(wrapper.get('[data-testid="agenda"]').text())).toContain('Gennemgå vikarforbruget'))
    const agenda = plain(wrapper.get('[data-testid="agenda"]').text())
    expect(agenda).toContain('overført fra 10. september 2026')
    expect(agenda).not.toContain('Allerede udført')
    expect(wrapper.find('[data-testid="guidance"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('"Dialog afholdt" saves the date and the follow-up the rules propose (budget: one month on)', async () => {
    await pulled('dialogue', 'd1', dialogue({}))
    const { wrapper } = await mountAt('/enhed/u1/dialog/d1', detailWithFigures(), ocMe())
    await vi.waitFor(() => expect(wrapper.find('input[type="date"][required]').exists()).toBe(true))
    await wrapper.get('input[type="date"][required]').setValue('2026-11-25')
    await wrapper.get('form.held').trigger('submit')
    await vi.waitFor(async () => expect((await saved()).map((s) => s.recordId)).toContain('d1.opf1'))
    const changes = await saved()
    expect(changes.find((c) => c.recordId === 'd1')?.fields).toMatchObject({ heldOn: '2026-11-25' })
    expect(changes.find((c) => c.recordId === 'd1.opf1')?.fields).toMatchObject({
      kind: 'follow_up',
      followsFrom: 'd1',
      scheduledOn: '2026-12-25',
      topics: [{ indicator: 'budget', purpose: 'follow_up' }],
    })
    wrapper.unmount()
  })
})

describe('a dialogue, as the leader sees it', () => {
  it('reads the minutes, writes shared notes only, and keeps the status of the agreed actions', async () => {
    await pulled('dialogue', 'd1', dialogue({ minutes: 'Vi aftalte at se på vikarerne.', heldOn: '2026-11-19' }))
    await pulled('dialogueAction', 'a1', { dialogueId: 'd1', title: 'Opsig vikaraftalen', owner: 'Lea', dueOn: '2026-12-15', status: 'open', doneOn: null })
    const { wrapper } = await mountAt('/enhed/u1/dialog/d1', detailWithFigures(), leaderMe())
    await vi.waitFor(() => expect(plain(wrapper.text())).toContain('Vi aftalte at se på vikarerne.'))
    await vi.waitFor(() => expect(plain(wrapper.text())).toContain('Opsig vikaraftalen'))
    expect(wrapper.find('[data-testid="guidance"]').exists()).toBe(false)
    expect(wrapper.find('form.held').exists()).toBe(false)
    expect(plain(wrapper.get('[data-testid="dialogue-notes"]').text())).not.toContain('Dine private noter')
    expect(plain(wrapper.get('[data-testid="dialogue-notes"]').text())).toContain('Ny delt note')
    await wrapper.get('[data-testid="dialogue-actions"] select').setValue('done')
    await vi.waitFor(async () => expect((await saved()).find((s) => s.recordId === 'a1')?.fields).toEqual({ status: 'done', doneOn: '2026-11-20' }))
    wrapper.unmount()
  })
})

describe('the development plan on one page', () => {
  const plan = {
    fromDialogueId: 'd1.opf1',
    indicators: ['budget'],
    startedOn: '2026-11-01',
    goals: ['Budgettet holder i december'],
    actions: [{ what: 'Ugentlig gennemgang af forbruget', owner: 'Lea', dueOn: '2026-12-01' }],
    leaderAcknowledgedOn: null,
    leaderAcknowledgedBy: null,
    ocAcknowledgedOn: '2026-11-02',
    ocAcknowledgedBy: 'p-oc',
    endedOn: null,
  }

  it('the leader acknowledges in their own name; the monthly rhythm shows its dates', async () => {
    await pulled('developmentPlan', 'pl1', plan)
    const { wrapper } = await mountAt('/enhed/u1/udviklingsplan/pl1', detailWithFigures(), leaderMe())
    await vi.waitFor(() => expect(wrapper.find('[data-testid="development-plan"]').exists()).toBe(true))
    const text = plain(wrapper.get('[data-testid="development-plan"]').text())
    expect(text).toContain('Budgettet holder i december')
    expect(text).toContain('1. december 2026')
    expect(plain(wrapper.get('[data-testid="oc-ack"]').text())).toContain('kvitteret 2. november 2026')
    expect(wrapper.get('[data-testid="oc-ack"]').find('button').exists()).toBe(false)
    await wrapper.get('[data-testid="leader-ack"] button').trigger('click')
    await vi.waitFor(async () =>
      expect((await saved()).find((s) => s.recordId === 'pl1')?.fields).toEqual({ leaderAcknowledgedOn: '2026-11-20', leaderAcknowledgedBy: 'p-leader' }),
    )
    wrapper.unmount()
  })
})
