import { describe, expect, it } from 'vitest'
import {
  colourRank,
  compareUnitsWorstFirst,
  latestPeriod,
  lightHistory,
  overallColour,
  unitLights,
  unitOverrun,
  type LightOptions,
  type UnitInput,
} from '../../src/core/lights'
import type { BudgetFacts, Colour, Light, UnitLights } from '../../src/core/types'
import { account, action, forecast, ruleSet, yearOfFigures } from './fixtures'

const input: UnitInput = {
  unit: { id: 'u1', municipalityId: 'm1', unitType: 'school' },
  figures: [...yearOfFigures(2024), ...yearOfFigures(2025)],
  forecasts: [forecast(0, 12_000_000), forecast(5, 12_050_000), forecast(11, 12_000_000, 2024), forecast(0, 12_000_000, 2024)],
  actionPlan: [action({ dueDate: '2025-03-31', status: 'done', doneOn: '2025-03-30' }), action({ dueDate: '2025-06-15' })],
  balanceAccounts: [account({ dueDate: '2025-02-28', reconciledOn: '2025-02-20' })],
}
const opts: LightOptions = { today: '2025-06-10', ruleSets: [ruleSet(), ruleSet({ budgetTolerance: 0.001 }, 'rs-2025-06', '2025-06-01')], closedYears: [2024] }

describe('unitLights', () => {
  it('computes the four lights with the rule set in force on the last day of the period', () => {
    const lights = unitLights(input, { year: 2025, month: 5 }, opts)
    expect(Object.keys(lights)).toEqual(['budget', 'actionPlan', 'forecast', 'balance'])
    expect(Object.values(lights).map((l) => [l.colour, l.ruleSetId, l.source])).toEqual([
      ['yellow', 'rs-default', 'computed'], // 12,05 mio. against 12 mio.: 0,42 %
      ['green', 'rs-default', 'computed'],
      ['green', 'rs-default', 'computed'],
      ['green', 'rs-default', 'computed'],
    ])
  })

  it('a threshold change applies from its date on and does not repaint May', () => {
    const history = lightHistory(input, { year: 2025, month: 6 }, 2, opts)
    expect(history.map((h) => [h.period.month, h.lights.budget!.ruleSetId, h.lights.budget!.colour])).toEqual([
      [5, 'rs-default', 'yellow'],
      [6, 'rs-2025-06', 'red'],
    ])
  })

  it('judges the running month as of today, a past month as of its last day', () => {
    expect(unitLights(input, { year: 2025, month: 6 }, opts).actionPlan!.facts).toMatchObject({ due: 1 }) // 15 June not yet
    expect(unitLights(input, { year: 2025, month: 6 }, { ...opts, today: '2025-07-02' }).actionPlan!.facts).toMatchObject({ due: 2 })
  })

  it('a closed year: a recorded light is returned as recorded, never repainted', () => {
    const recorded: Light = { ...unitLights(input, { year: 2024, month: 3 }, opts).budget!, colour: 'red', ruleSetId: 'rs-old' }
    const lights = unitLights(input, { year: 2024, month: 3 }, { ...opts, recorded: [recorded] })
    expect(lights.budget).toEqual({ ...recorded, source: 'recorded' })
    expect(lights.forecast!.source).toBe('computed') // no recording for it
  })

  it('a closed year without a recorded light uses the final spend', () => {
    expect(unitLights(input, { year: 2024, month: 3 }, opts).budget!.facts).toMatchObject({ forecast: 12_000_000, final: true })
  })

  it('a recorded light of an open year is ignored (the period may still change)', () => {
    const recorded: Light = { ...unitLights(input, { year: 2025, month: 3 }, opts).budget!, colour: 'red' }
    expect(unitLights(input, { year: 2025, month: 3 }, { ...opts, recorded: [recorded] }).budget!.source).toBe('computed')
  })

  it('a fully recorded closed period needs no rule set', () => {
    const base = unitLights(input, { year: 2024, month: 3 }, opts)
    const recorded = Object.values(base)
    expect(unitLights(input, { year: 2024, month: 3 }, { ...opts, ruleSets: [], recorded }).balance!.source).toBe('recorded')
  })

  it('an imported value wins over computing', () => {
    const lights = unitLights(input, { year: 2025, month: 5 }, { ...opts, imported: [{ indicator: 'balance', period: { year: 2025, month: 5 }, value: 0.9 }] })
    expect(lights.balance).toMatchObject({ colour: 'red', source: 'imported', ruleSetId: 'rs-default' })
  })

  it('throws when no rule set applies', () => {
    expect(() => unitLights(input, { year: 2025, month: 5 }, { ...opts, ruleSets: [] })).toThrow(/Ingen regelsæt/)
  })
})

describe("the latest open period is judged by the leader's latest forecast", () => {
  // Figures are in for April 2025; on 10 June the leader has given a June forecast of 12,5 mio.
  const withJune = { ...input, forecasts: [...input.forecasts, forecast(6, 12_500_000)] }
  const april = { year: 2025, month: 4 }
  const budgetOf = (lights: UnitLights) => lights.budget!.facts as BudgetFacts

  it.each([
    ['without latestForecastOn: the forecast in force at the end of April', undefined, 12_000_000, 'green'],
    ['on 10 June: the June forecast counts', '2025-06-10', 12_500_000, 'red'],
    ["on 31 May: the May forecast, not yet June's", '2025-05-31', 12_050_000, 'yellow'],
    // The year is over but not closed: its latest forecast is still the leader's word on its spend, as
    // it was on 31 December. (It used to fall back to April's, so the light changed at New Year.)
    ["in January of the next year: the latest forecast of the period's year", '2026-01-05', 12_500_000, 'red'],
    ["dated before the period's year: the forecast in force at the end of April", '2024-12-31', 12_000_000, 'green'],
  ] as const)('%s', (_name, on, amount, colour) => {
    const lights = unitLights(withJune, april, { ...opts, latestForecastOn: on })
    expect(budgetOf(lights).forecast).toBe(amount)
    expect(lights.budget!.colour).toBe(colour)
  })

  it('lightHistory applies it to the last period only, never repainting earlier months', () => {
    const history = lightHistory(withJune, april, 3, { ...opts, latestForecastOn: '2025-06-10' })
    expect(history.map((h) => budgetOf(h.lights).forecast)).toEqual([12_000_000, 12_000_000, 12_500_000])
  })
})

describe('lightHistory', () => {
  it('lists the months ending with the last one, oldest first, across a year end', () => {
    const history = lightHistory(input, { year: 2025, month: 2 }, 12, opts)
    expect(history).toHaveLength(12)
    expect(history[0]!.period).toEqual({ year: 2024, month: 3 })
    expect(history[11]!.period).toEqual({ year: 2025, month: 2 })
  })
})

const light = (colour: Colour): Light => ({ ...unitLights(input, { year: 2025, month: 5 }, opts).budget!, colour })

describe('overallColour: the worst light; grey is never green', () => {
  it.each<[Colour[], Colour]>([
    [['green', 'green', 'green', 'green'], 'green'],
    [['green', 'grey', 'green', 'green'], 'grey'],
    [['grey', 'yellow', 'green', 'green'], 'yellow'],
    [['yellow', 'grey', 'red', 'green'], 'red'],
    [['red', 'red', 'red', 'red'], 'red'],
    [[], 'grey'],
  ])('%o → %s', (colours, expected) => {
    expect(overallColour(colours.map(light))).toBe(expected)
  })
  it('takes UnitLights too', () => {
    const [b, a, f, bal] = ['green', 'yellow', 'green', 'green'].map((c) => light(c as Colour))
    expect(overallColour({ budget: b!, actionPlan: a!, forecast: f!, balance: bal! })).toBe('yellow')
  })
})

describe('sorting units worst first', () => {
  it('ranks red, yellow, grey, green', () => {
    expect((['green', 'grey', 'red', 'yellow'] as Colour[]).sort((a, b) => colourRank(a) - colourRank(b))).toEqual(['red', 'yellow', 'grey', 'green'])
  })
  // Judged lights, as the server's unit list carries them (more cases in worklist.test.ts).
  const judged = (name: string, colours: [Colour, Colour, Colour, Colour], overrun: number) => {
    const [budget, actionPlan, forecast, balance] = colours.map(light) as [Light, Light, Light, Light]
    const lights: UnitLights = { budget, actionPlan, forecast, balance }
    return { name, lights, overall: overallColour(lights), overrun }
  }
  it('puts more red lights first within red, then the bigger overrun, then the name', () => {
    const units = [
      judged('a', ['green', 'green', 'green', 'green'], 0),
      judged('b', ['red', 'green', 'green', 'green'], 100),
      judged('c', ['grey', 'green', 'green', 'green'], 0),
      judged('d', ['red', 'green', 'green', 'green'], 5_000),
      judged('e', ['yellow', 'green', 'green', 'green'], 10),
      judged('f', ['green', 'red', 'yellow', 'red'], 0),
      judged('Ø', ['green', 'green', 'green', 'green'], 0),
      judged('z', ['green', 'green', 'green', 'green'], 0),
    ]
    expect(units.sort(compareUnitsWorstFirst).map((u) => u.name)).toEqual(['f', 'd', 'b', 'e', 'c', 'a', 'z', 'Ø'])
  })
})

describe('unitOverrun and latestPeriod', () => {
  const withDifference = (difference: number | null): Pick<UnitLights, 'budget'> => {
    const budget = light('red')
    return { budget: { ...budget, facts: { ...(budget.facts as BudgetFacts), difference } } }
  }
  it.each([
    [250_000, 250_000],
    [-40_000, 0],
    [null, 0],
  ])('difference %s → overrun %d', (difference, overrun) => {
    expect(unitOverrun(withDifference(difference))).toBe(overrun)
  })
  it('finds the latest month with figures', () => {
    expect(latestPeriod([])).toBeNull()
    expect(
      latestPeriod([
        { year: 2024, month: 12 },
        { year: 2025, month: 2 },
        { year: 2025, month: 1 },
      ]),
    ).toEqual({ year: 2025, month: 2 })
  })
})
