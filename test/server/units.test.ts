import { describe, expect, it } from 'vitest'
import { colourRank } from '../../src/core/lights'
import type { Colour } from '../../src/core/types'
import { IDS, PEOPLE } from '../helpers/fixtures'
import { get, signedInApp } from '../helpers/http'
import { anyOf } from '../helpers/match'
import type { z } from 'zod'
import type { unitDetailSchema } from '../../src/core/http/units'

const { t, c } = signedInApp({ directorate: PEOPLE.directorate, leaderA: PEOPLE.leaderA })

interface Summary {
  id: string
  overall: Colour
  overrun: number
  lights: Record<string, { colour: Colour }>
}

describe('GET /api/units', () => {
  it('lists every unit for the directorate, worst first, with the period judged', async () => {
    const res = await get(t.app, '/api/units', c.directorate)
    expect(res.statusCode).toBe(200)
    const body = res.json<{ asOf: string; units: Summary[] }>()
    expect(body.asOf).toBe('2025-10-31')
    expect(body.units.map((u) => u.id).sort()).toEqual([IDS.unitA, IDS.unitB, IDS.unitC, IDS.unitD].sort())
    for (let i = 1; i < body.units.length; i++) {
      const [a, b] = [body.units[i - 1]!, body.units[i]!]
      expect(colourRank(a.overall)).toBeLessThanOrEqual(colourRank(b.overall))
      if (a.overall === b.overall) expect(a.overrun).toBeGreaterThanOrEqual(b.overrun)
    }
    // D overruns by 1 mio., A by 0.5 mio.: both red, D first.
    expect(body.units.slice(0, 2).map((u) => u.id)).toEqual([IDS.unitD, IDS.unitA])
    expect(body.units[0]).toMatchObject({ overall: 'red', overrun: 1_000_000, unitType: 'school', areaName: 'Område Nord' })
    const byId = new Map(body.units.map((u) => [u.id, u]))
    expect(byId.get(IDS.unitB)?.lights.budget?.colour).toBe('green')
    expect(byId.get(IDS.unitC)?.lights.budget?.colour).toBe('yellow')
  })

  it('lists only the own unit for a leader', async () => {
    const res = await get(t.app, '/api/units', c.leaderA)
    expect(res.json<{ units: Summary[] }>().units.map((u) => u.id)).toEqual([IDS.unitA])
  })
})

describe('GET /api/units/:unitId', () => {
  it('returns the unit detail', async () => {
    const res = await get(t.app, `/api/units/${IDS.unitA}`, c.leaderA)
    expect(res.statusCode).toBe(200)
    const d = res.json<z.infer<typeof unitDetailSchema>>()
    expect(d.unit).toEqual({
      id: IDS.unitA,
      name: 'Askeskolen',
      unitType: 'school',
      areaId: IDS.areaNord,
      areaName: 'Område Nord',
      costCentre: `cc-${IDS.unitA}`,
      ean: anyOf(String),
      economicsContact: { name: 'Økonomi Øst', email: 'oekonomi@test.dk', phone: '11 22 33 44' },
    })
    expect(d.asOf).toBe('2025-10-31')
    expect(d.period).toEqual({ year: 2025, month: 10 })
    expect(d.figures).toHaveLength(10)
    expect(d.figures[0]).toEqual({ unitId: IDS.unitA, year: 2025, month: 1, budget: 10_000_000, carryOver: 0, spendToDate: 875_000, profileShare: 0.083333 })
    expect(d.forecasts).toHaveLength(11)
    expect(d.forecasts[0]).toMatchObject({ year: 2025, month: 0, amount: 10_500_000, explanation: null })
    expect(d.actionPlan).toEqual([
      {
        id: `ap-${IDS.unitA}`,
        unitId: IDS.unitA,
        year: 2025,
        title: 'Ny vagtplan',
        dueDate: '2025-06-30',
        status: 'done',
        doneOn: '2025-06-20',
        dropReason: null,
      },
    ])
    expect(d.balanceAccounts).toEqual([
      { id: `ba-${IDS.unitA}`, unitId: IDS.unitA, number: '9100', name: 'Mellemregning', dueDate: '2025-09-30', reconciledOn: '2025-09-28' },
    ])
    expect(Object.keys(d.lights).sort()).toEqual(['actionPlan', 'balance', 'budget', 'forecast'])
    expect(d.lights.budget).toMatchObject({ indicator: 'budget', colour: 'red', ruleSetId: 'rs-2020', period: { year: 2025, month: 10 } })
    expect(d.lights.budget!.facts).toMatchObject({ kind: 'budget', budget: 10_000_000, forecast: 10_500_000, difference: 500_000 })
    expect(d.lights.actionPlan!.colour).toBe('green')
    expect(d.lights.balance!.colour).toBe('green')
    expect(d.overall).toBe('red')
    expect(d.history).toHaveLength(12)
    expect(d.history[0]?.period).toEqual({ year: 2024, month: 11 })
    expect(d.history[11]?.period).toEqual({ year: 2025, month: 10 })
    expect(d.history[11]?.lights.budget!.colour).toBe('red')
    expect(d.ruleSet).toEqual({
      id: 'rs-2020',
      municipalityId: IDS.municipality,
      unitType: null,
      effectiveFrom: '2020-01-01',
      thresholds: { budgetTolerance: 0.01, actionPlanTarget: 0.8, forecastInterval: 0.015, balanceTarget: 0.95, balanceGreenMargin: 0.03 },
    })
  })

  it('is the one 404 for a unit that does not exist', async () => {
    const res = await get(t.app, '/api/units/findes-ikke', c.directorate)
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: 'not_found', message: 'Enheden findes ikke.' })
  })
})
