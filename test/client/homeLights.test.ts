// The home shows the server's lights and asks for nothing more, until the device holds a forecast
// the server has not judged: then it fetches the unit's figures and paints the device's lights.
import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { forecastAhead } from '../../src/client/features/lights/localLights'
import { useUnitsStore } from '../../src/client/features/units/unitsStore'
import { createFakeRecords, detailWithFigures, record, type FakeRecords } from './fakeRecords'
import { summary } from './fixtures'
import { mountAt } from './routed'

const fake = vi.hoisted((): { store: unknown } => ({ store: null }))
vi.mock('../../src/client/features/records/recordsStore', () => ({ useRecordsStore: () => fake.store }))
// The second layer waits for an idle main thread; here the thread is always idle.
vi.mock('../../src/client/shared/idle', () => ({ whenIdle: (work: () => void) => work() }))

let records: FakeRecords
beforeEach(() => {
  records = createFakeRecords()
  fake.store = records
  document.body.innerHTML = ''
})

const LIST_AT = Date.parse('2026-11-20T12:00:00.000Z')
const synced = (updatedAt: string) => record('forecast', 'f-10', { year: 2026, month: 10, amount: 11_900_000, explanation: null, updatedAt })

async function home() {
  const mounted = await mountAt('/enhed/u1', detailWithFigures())
  const units = useUnitsStore()
  // The server's list: a red budget.
  units.units = [summary('u1', 'Skovbo Skole')]
  units.fetchedAt = LIST_AT
  units.state = 'ready'
  // The second layer (HomeOverlay) is a lazy chunk: it is there once the steps' buttons are.
  await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="steps-budget"]').exists()).toBe(true))
  const budget = () => mounted.wrapper.get('[data-testid="light-budget"]').attributes('data-colour')
  return { ...mounted, units, budget }
}

describe('forecastAhead', () => {
  it.each([
    ['synced before the list was fetched', synced('2026-11-20T11:59:00.000Z'), false],
    ['synced after the list was fetched', synced('2026-11-20T12:01:00.000Z'), true],
    ['a change not yet accepted', { ...synced('2026-11-01T00:00:00.000Z'), pendingFields: ['amount'] }, true],
    ['a conflict', { ...synced('2026-11-01T00:00:00.000Z'), conflicts: [{ field: 'amount', mine: 1, theirs: 2 }] }, true],
    ['a refusal', { ...synced('2026-11-01T00:00:00.000Z'), rejection: { reason: 'invalid' as const, message: 'x' } }, true],
  ])('%s', (_name, r, expected) => {
    expect(forecastAhead(r, LIST_AT)).toBe(expected)
  })

  it('anything is ahead of a list never fetched', () => {
    expect(forecastAhead(synced('2026-11-01T00:00:00.000Z'), null)).toBe(true)
  })
})

describe('the home and the device\'s lights', () => {
  it('with only forecasts the list already judged: the server\'s lights, no request for the detail', async () => {
    records.rows.value = [synced('2026-11-20T11:00:00.000Z')]
    const { units, budget } = await home()
    expect(budget()).toBe('red')
    expect(units.loadDetail).not.toHaveBeenCalled()
  })

  it('a forecast saved on this device: the detail is asked for and the budget is painted by it', async () => {
    const { units, budget } = await home()
    expect(budget()).toBe('red')
    await records.save('forecast', { scopeId: 'u1', fields: { year: 2026, month: 11, amount: 11_900_000, explanation: null } })
    await flushPromises()
    expect(units.loadDetail).toHaveBeenCalledWith('u1')
    expect(budget()).toBe('green')
  })
})
