import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { mountAt, ocMe } from './routed'
import { detailWithFigures, INITIATIVE, plain } from './fixtures'
import { eachTestOnAFreshDevice, pulled, saved, watchSaves } from './realRecords'

eachTestOnAFreshDevice()

async function theUnitsRecords() {
  await pulled('dialoguePreparation', 'p-ready', { year: 2026, month: 10, questions: 'Kan vi tale om vikarbudgettet?', readyAt: '2026-11-12T08:00:00.000Z' })
  await pulled('dialoguePreparation', 'p-draft', { year: 2026, month: 9, questions: 'Et udkast, der ikke er klar', readyAt: null })
  await pulled('initiative', 'i1', INITIATIVE)
  await pulled('note', 'n-shared', { indicator: null, year: null, month: null, body: 'En delt note', visibility: 'shared' })
  await pulled('note', 'n-private', { indicator: null, year: null, month: null, body: 'Privat for OC', visibility: 'oc_private' })
}

describe('OcUnitView: the area chief reads the unit', () => {
  it('shows ready preparations, initiatives, forecasts and shared notes — read-only, beside the planning of dialogues', async () => {
    await theUnitsRecords()
    const { wrapper } = await mountAt('/enhed/u1/dialog', detailWithFigures(), ocMe())
    const saves = watchSaves()
    // The device's records arrive from IndexedDB: the last of them on screen, everything is.
    await vi.waitFor(() => expect(plain(wrapper.text())).toContain('En delt note'))
    await vi.waitFor(() => expect(plain(wrapper.text())).toContain('Kan vi tale om vikarbudgettet?'))
    await vi.waitFor(() => expect(plain(wrapper.text())).toContain('Færre vikarer'))
    const text = plain(wrapper.text())
    expect(wrapper.get('h1').text()).toBe('Skovbo Skole')
    expect(text).toContain('Kan vi tale om vikarbudgettet?')
    expect(text).not.toContain('Et udkast, der ikke er klar')
    expect(text).toContain('Færre vikarer')
    expect(text).toContain('Skrevet af Leder')
    expect(plain(wrapper.get('[data-testid="oc-forecasts"]').text())).toContain('september: 12,0 mio. kr.')
    expect(text).toContain('En delt note')
    expect(text).not.toContain('Privat for OC')
    // The leader's records read-only: the only thing to type in or press is the area chief's own —
    // planning the next dialogue (issue 8) — and nothing is saved by opening the page.
    const controls = wrapper.findAll('input, textarea, select, form, button')
    const planning = wrapper.get('[data-testid="unit-dialogues"]').findAll('input, textarea, select, form, button')
    expect(planning.length).toBeGreaterThan(0)
    expect(controls).toHaveLength(planning.length)
    expect(saves).not.toHaveBeenCalled()
    expect(await saved()).toEqual([])
    wrapper.unmount()
  })
})

describe('OcUnitView: who wrote what, and when', () => {
  it('names the leader and gives a Danish date and time, from the stamps the server puts on synced records', async () => {
    const stamps = {
      updatedBy: 'p-leader',
      updatedByName: 'Lars Thomsen',
      updatedAt: '2026-11-12T12:00:00.000Z',
      createdBy: 'p-leader',
      createdByName: 'Lars Thomsen',
    }
    await pulled('initiative', 'i2', {
      indicator: 'budget',
      title: 'Fælles indkøb',
      owner: 'Pia',
      dueDate: null,
      expectedEffect: null,
      status: 'planned',
      ...stamps,
    })
    await pulled('forecast', 'f-10', { year: 2026, month: 10, amount: 12_500_000, explanation: null, ...stamps })
    const { wrapper } = await mountAt('/enhed/u1/dialog', detailWithFigures(), ocMe())
    await vi.waitFor(() => expect(wrapper.find('[data-testid="initiative"]').exists()).toBe(true))
    await vi.waitFor(() => expect(plain(wrapper.get('[data-testid="oc-forecasts"]').text())).toContain('oktober'))
    const initiative = plain(wrapper.get('[data-testid="initiative"]').text())
    expect(initiative).toMatch(/Skrevet af Lars Thomsen · 12\. november 2026 kl\. \d\d\.\d\d/)
    const forecasts = plain(wrapper.get('[data-testid="oc-forecasts"]').text())
    expect(forecasts).toMatch(/oktober: 12,5 mio\. kr\.\s*Skrevet af Lars Thomsen · 12\. november 2026 kl\. \d\d\.\d\d/)
    // A forecast only the unit detail knows (not synced yet) is told by the role.
    expect(forecasts).toMatch(/september: 12,0 mio\. kr\.\s*Skrevet af Leder/)
    wrapper.unmount()
  })
})
