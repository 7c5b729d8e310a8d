import { describe, expect, it } from 'vitest'
import { forecastLight, impliedSpend } from '../../src/core/indicators/forecast'
import type { ForecastEntry, ForecastFacts, MonthlyFigure } from '../../src/core/types'
import { figure, forecast, ruleSet } from './fixtures'

// B = 12 mio. kr. on twelfths. End of September: spent 9 mio., forecast 12 mio. ⇒ E(October) = 10 mio.
// Interval ±1,5 % of B = 180.000 kr.; its inner 80 % = 144.000 kr.
const october = { year: 2025, month: 10 }
const sept = figure(9, { spendToDate: 9_000_000 })
const judge = (spend: number, forecasts: ForecastEntry[] = [forecast(9, 12_000_000)], figures?: MonthlyFigure[], rs = ruleSet()) =>
  forecastLight({ period: october, figures: figures ?? [sept, figure(10, { spendToDate: spend })], forecasts, ruleSet: rs })
const facts = (l: ReturnType<typeof judge>) => l.facts as ForecastFacts

describe('forecast accuracy: colour bands', () => {
  it.each([
    [10_000_000, 'green'],
    [10_144_000, 'green'], // exactly 0,8 × interval
    [10_144_000.01, 'yellow'], // one øre past it
    [10_180_000, 'yellow'], // exactly on the interval
    [10_180_000.01, 'red'], // one øre outside
    [9_856_000, 'green'], // the same on the low side
    [9_855_999.99, 'yellow'],
    [9_820_000, 'yellow'],
    [9_819_999.99, 'red'],
  ])('F = %d → %s', (spend, colour) => {
    expect(judge(spend).colour).toBe(colour)
  })

  it('tells the facts', () => {
    const light = judge(10_192_000)
    expect(light).toMatchObject({ indicator: 'forecast', colour: 'red', missing: null })
    const f = facts(light)
    expect(f).toMatchObject({ previousForecast: 12_000_000, actualSpend: 10_192_000, budget: 12_000_000, interval: 0.015 })
    expect(f.impliedSpend).toBeCloseTo(10_000_000, 6)
    expect(f.difference).toBeCloseTo(192_000, 6)
    expect(f.accuracy).toBeCloseTo(0.016, 9)
  })

  it('uses the interval of the rule set', () => {
    expect(judge(10_200_000, undefined, undefined, ruleSet({ forecastInterval: 0.02 })).colour).toBe('yellow')
    expect(judge(10_192_000, undefined, undefined, ruleSet({ forecastInterval: 0.02 })).colour).toBe('green')
  })
})

describe('forecast accuracy: the implied spend E', () => {
  it.each([
    // P', F', s(m−1), s(m), E
    [12_000_000, 9_000_000, 0.75, 10 / 12, 10_000_000],
    [12_600_000, 0, 0, 1 / 12, 1_050_000], // January: F' = 0, s(0) = 0
    [10_000_000, 4_000_000, 0.5, 0.5, 4_000_000], // a month with no share adds nothing
    [10_000_000, 9_500_000, 1, 1, 10_000_000], // s(m−1) = 1: the whole forecast is due, no division by zero
  ])("P' = %d, F' = %d, s(m−1) = %d, s(m) = %d → E = %d", (p, f, s0, s1, e) => {
    const value = impliedSpend(p, f, s0, s1)
    expect(Number.isFinite(value)).toBe(true)
    expect(value).toBeCloseTo(e, 6)
  })
})

describe('forecast accuracy: January and missing data', () => {
  const jan = { year: 2025, month: 1 }
  const janFigures = [figure(1, { spendToDate: 1_000_000 })]
  const judgeJan = (forecasts: ForecastEntry[]) => forecastLight({ period: jan, figures: janFigures, forecasts, ruleSet: ruleSet() })
  it('January uses the forecast given in month 0 and starts from nothing', () => {
    const light = judgeJan([forecast(0, 12_000_000)])
    expect(light.colour).toBe('green')
    expect(facts(light).impliedSpend).toBeCloseTo(1_000_000, 6)
  })
  it.each([
    ['no forecast at all', []],
    ['only a forecast given in January itself', [forecast(1, 12_000_000)]],
    ["only last year's forecast", [forecast(11, 12_000_000, 2024)]],
  ])('January with %s → grey noPriorForecast', (_name, forecasts) => {
    expect(judgeJan(forecasts)).toMatchObject({ colour: 'grey', missing: 'noPriorForecast' })
  })
  it('an older forecast still in force at the end of last month counts', () => {
    expect(facts(judge(10_000_000, [forecast(7, 12_000_000)])).previousForecast).toBe(12_000_000)
  })
  it('no figures for last month → grey noFigures', () => {
    expect(judge(0, undefined, [figure(10)])).toMatchObject({ colour: 'grey', missing: 'noFigures' })
  })
  it('no figures for the month → grey noFigures', () => {
    expect(judge(0, undefined, [sept])).toMatchObject({ colour: 'grey', missing: 'noFigures' })
  })
})
