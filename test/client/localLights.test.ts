import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick } from 'vue'
import { useLocalLights } from '../../src/client/features/lights/useLocalLights'
import { localLights } from '../../src/client/features/lights/localLights'
import { useRecordsStore } from '../../src/client/features/records/recordsStore'
import { useSyncStore } from '../../src/client/features/sync/syncStore'
import { useUnitsStore } from '../../src/client/features/units/unitsStore'
import { detailWithFigures } from './fixtures'
import { freshDevice, pulled } from './realRecords'

beforeEach(() => freshDevice())
afterEach(() => useSyncStore().stop())

describe('useLocalLights: the core rules on the device', () => {
  it('repaints the budget light the moment a forecast is saved', async () => {
    const detail = detailWithFigures()
    useUnitsStore().details.u1 = { detail, fetchedAt: 1, state: 'ready', stale: false }
    const scope = effectScope()
    const local = scope.run(() => useLocalLights('u1', '2026-11-15'))!
    await nextTick()
    expect(local.lights.value?.budget!.colour).toBe('green')

    // 12,3 mio. against 12 mio.: 2,5 % over, the tolerance is 1 % → red.
    const records = useRecordsStore()
    const id = await records.save('forecast', { scopeId: 'u1', fields: { year: 2026, month: 11, amount: 12_300_000, explanation: 'Vikarer' } })
    await vi.waitFor(() => expect(local.lights.value?.budget!.colour).toBe('red'))
    expect(local.lights.value?.budget!.facts).toMatchObject({ forecast: 12_300_000, budget: 12_000_000 })
    expect(local.overall.value).toBe('red')

    // 12,1 mio.: 0,8 % over → yellow.
    await records.save('forecast', { id, scopeId: 'u1', fields: { amount: 12_100_000 } })
    await vi.waitFor(() => expect(local.lights.value?.budget!.colour).toBe('yellow'))
    scope.stop()
  })

  it("judges forecast accuracy from last month's forecast, as the server does", () => {
    // October: September's forecast of 12 mio. implied 10 mio. spent by October's end, and 10 mio. was spent.
    const detail = detailWithFigures()
    expect(localLights(detail, detail.forecasts, '2026-11-15').forecast!.colour).toBe('green')
    const off = [
      ...detail.forecasts,
      { id: 'f-8', unitId: 'u1', year: 2026, month: 9, amount: 14_000_000, explanation: 'x', updatedAt: '2026-09-20T00:00:00.000Z' },
    ]
    expect(localLights(detail, off, '2026-11-15').forecast!.colour).toBe('red')
  })

  it('a local record replaces the server copy of the same forecast', async () => {
    const detail = detailWithFigures()
    useUnitsStore().details.u1 = { detail, fetchedAt: 1, state: 'ready', stale: false }
    await pulled('forecast', 'f-9', { year: 2026, month: 9, amount: 12_500_000, explanation: 'x' })
    const scope = effectScope()
    const local = scope.run(() => useLocalLights('u1', '2026-11-15'))!
    await vi.waitFor(() => expect(local.forecasts.value.map((f) => f.amount)).toEqual([12_500_000]))
    expect(local.lights.value?.budget!.colour).toBe('red')
    scope.stop()
  })

  it('keeps a light the server recorded for a closed period', () => {
    const detail = detailWithFigures()
    detail.lights = { ...detail.lights, budget: { ...detail.lights.budget!, source: 'recorded', colour: 'yellow' } }
    expect(localLights(detail, [], '2026-11-15').budget!.colour).toBe('yellow')
  })
})
