// An indicator switched off for the whole municipality, through the HTTP API on a fresh database:
// from the day of the settings version that switches it off, no unit's list entry, detail or history
// has its light, the overall colours and the worst-first order are judged without it, and every
// device is told which ones are off (/api/me, /api/session). Before that day nothing changes.
import { describe, expect, it } from 'vitest'
import type { MunicipalitySettings } from '../../src/core/config/settings'
import { compareUnitsWorstFirst, overallColour } from '../../src/core/lights'
import type { z } from 'zod'
import type { unitDetailSchema, unitListSchema } from '../../src/core/http/units'
import type { IsoDate } from '../../src/core/types'
import { get, saveSettings, signedInApp } from '../helpers/http'
import { IDS, PEOPLE, STARTING_SETTINGS } from '../helpers/fixtures'

type UnitDetail = z.infer<typeof unitDetailSchema>
type UnitList = z.infer<typeof unitListSchema>

let day: IsoDate = '2025-11-15'
const { t, c } = signedInApp({ eco: PEOPLE.economics, leaderA: PEOPLE.leaderA, dir: PEOPLE.directorate }, { today: () => day })

const WITHOUT_BUDGET: MunicipalitySettings = { ...STARTING_SETTINGS, indicatorsOff: ['budget'] }

const units = async () => (await get(t.app, '/api/units', c.dir)).json<UnitList>().units
const detailA = async () => (await get(t.app, `/api/units/${IDS.unitA}`, c.leaderA)).json<UnitDetail>()
const municipalityOf = async (url: string) => {
  const body = (await get(t.app, url, c.leaderA)).json<{ municipality?: unknown; me?: { municipality: unknown } }>()
  return (body.me ?? body).municipality as { indicatorsOff: string[] }
}

describe('an indicator switched off for the municipality', () => {
  it('before the version’s day: all four lights, and unit A red by its budget', async () => {
    const res = await saveSettings(t.app, c.eco, '2025-12-01', WITHOUT_BUDGET)
    expect(res.statusCode).toBe(201)
    const a = await detailA()
    expect(Object.keys(a.lights)).toEqual(['budget', 'actionPlan', 'forecast', 'balance'])
    expect([a.lights.budget?.colour, a.overall]).toEqual(['red', 'red'])
    expect((await units()).slice(0, 2).map((u) => u.id)).toEqual([IDS.unitD, IDS.unitA])
    expect((await municipalityOf('/api/me')).indicatorsOff).toEqual([])
  })

  it('from its day: no budget light in the list, the detail or any month of the history', async () => {
    day = '2025-12-01'
    const list = await units()
    expect(list).toHaveLength(4)
    expect(list.every((u) => Object.keys(u.lights).join() === 'actionPlan,forecast,balance')).toBe(true)
    const a = await detailA()
    expect(Object.keys(a.lights)).toEqual(['actionPlan', 'forecast', 'balance'])
    expect(a.history).toHaveLength(12)
    expect(a.history.every((h) => !('budget' in h.lights))).toBe(true)
  })

  it('judges the overall colour and the order without it: unit A no longer red, no overrun counted', async () => {
    const list = await units()
    for (const u of list) {
      expect(u.overall).toBe(overallColour(u.lights))
      expect(u.overrun).toBe(0)
    }
    expect(list.map((u) => u.id)).toEqual([...list].sort(compareUnitsWorstFirst).map((u) => u.id))
    const a = await detailA()
    expect(a.overall).not.toBe('red')
    expect(a.overall).toBe(overallColour(a.lights))
  })

  it('tells every device which are off, with who they are and with the session', async () => {
    expect((await municipalityOf('/api/me')).indicatorsOff).toEqual(['budget'])
    expect((await municipalityOf('/api/session')).indicatorsOff).toEqual(['budget'])
  })

  it('a later version switching it on again brings it back from its day', async () => {
    const res = await saveSettings(t.app, c.eco, '2026-01-01', { ...WITHOUT_BUDGET, indicatorsOff: [] })
    expect(res.statusCode).toBe(201)
    day = '2026-01-01'
    const a = await detailA()
    expect(a.lights.budget?.colour).toBe('red')
    expect(a.overall).toBe('red')
  })

  it('refuses switching all four off, naming the field', async () => {
    const res = await saveSettings(t.app, c.eco, '2026-02-01', { ...WITHOUT_BUDGET, indicatorsOff: ['budget', 'actionPlan', 'forecast', 'balance'] })
    expect(res.statusCode).toBe(400)
    expect(res.json<{ details: unknown[] }>().details).toEqual([{ path: 'settings.indicatorsOff', message: 'Mindst ét nøgletal skal være i brug.' }])
  })
})
