// The home shows the server's lights and asks for nothing more, until the device holds a forecast
// the server has not judged: then it fetches the unit's figures and paints the device's lights.
import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { forecastAhead } from '../../src/client/features/lights/localLights'
import { useRecordsStore } from '../../src/client/features/records/recordsStore'
import { useUnitsStore } from '../../src/client/features/units/unitsStore'
import { detailWithFigures, record, summary } from './fixtures'
import { freshDevice, pulled, stopDevice } from './realRecords'
import { leaderMe, mountAt, requested } from './routed'

// The second layer waits for an idle main thread; here the thread is always idle.
vi.mock('../../src/client/shared/idle', () => ({ whenIdle: (work: () => void) => work() }))

beforeEach(async () => {
  await freshDevice()
  document.body.innerHTML = ''
})
afterEach(async () => {
  await stopDevice()
  vi.useRealTimers()
})

const LIST_AT = Date.parse('2026-11-20T12:00:00.000Z')
const synced = (updatedAt: string) => record('forecast', 'f-10', { year: 2026, month: 10, amount: 11_900_000, explanation: null, updatedAt })

async function home() {
  // The server's list (a red budget) is fetched at LIST_AT by the device's clock; only the clock is
  // faked, IndexedDB's tasks run for real.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(LIST_AT)
  const mounted = await mountAt('/enhed/u1', detailWithFigures(), leaderMe(), { units: [summary('u1', 'Skovbo Skole')] })
  const units = useUnitsStore()
  await vi.waitFor(() => expect(units.fetchedAt).not.toBeNull())
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

describe("the home and the device's lights", () => {
  it("with only forecasts the list already judged: the server's lights, no request for the detail", async () => {
    await pulled('forecast', 'f-10', { year: 2026, month: 10, amount: 11_900_000, explanation: null, updatedAt: '2026-11-20T11:00:00.000Z' })
    const { budget } = await home()
    // The home has read the device's forecasts (a list asked for after its own has its answer).
    const mine = useRecordsStore().list('forecast', 'u1')
    await vi.waitFor(() => expect(mine.value.map((r) => r.id)).toEqual(['f-10']))
    await flushPromises()
    expect(budget()).toBe('red')
    expect(requested).toEqual(['/api/units'])
  })

  it('a forecast saved on this device: the detail is asked for and the budget is painted by it', async () => {
    const { budget } = await home()
    expect(budget()).toBe('red')
    await useRecordsStore().save('forecast', { scopeId: 'u1', fields: { year: 2026, month: 11, amount: 11_900_000, explanation: null } })
    await vi.waitFor(() => expect(requested).toContain('/api/units/u1'))
    await vi.waitFor(() => expect(budget()).toBe('green'))
  })

  it('with the balance switched off for the municipality: three cards, and a forecast saved here does not bring it back', async () => {
    const { balance: _off, ...lights } = summary('u1', 'Skovbo Skole').lights
    const withoutBalance = detailWithFigures()
    withoutBalance.lights = { ...lights }
    withoutBalance.history = withoutBalance.history.map(({ period, lights: { balance: _b, ...rest } }) => ({ period, lights: rest }))
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(LIST_AT)
    const { wrapper } = await mountAt('/enhed/u1', withoutBalance, leaderMe(), { units: [{ ...summary('u1', 'Skovbo Skole'), lights }] })
    const cards = () => wrapper.findAll('[data-testid^="light-"]').map((c) => c.attributes('data-testid'))
    await vi.waitFor(() => expect(cards()).toEqual(['light-budget', 'light-actionPlan', 'light-forecast']))
    await useRecordsStore().save('forecast', { scopeId: 'u1', fields: { year: 2026, month: 11, amount: 11_900_000, explanation: null } })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="light-budget"]').attributes('data-colour')).toBe('green'))
    expect(cards()).toEqual(['light-budget', 'light-actionPlan', 'light-forecast'])
  })
})
