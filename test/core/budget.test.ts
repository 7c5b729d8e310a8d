import { describe, expect, it } from 'vitest'
import { budgetLight } from '../../src/core/indicators/budget'
import type { BudgetFacts, ForecastEntry, MonthlyFigure } from '../../src/core/types'
import { figure, forecast, ruleSet } from './fixtures'

const rs = ruleSet()
const period = { year: 2025, month: 4 }
const judge = (figures: MonthlyFigure[], forecasts: ForecastEntry[], closed = false, p = period) =>
  budgetLight({ period: p, figures, forecasts, ruleSet: rs, closed })
const facts = (l: ReturnType<typeof judge>) => l.facts as BudgetFacts

describe('budget: colour bands (B = 10 mio. kr. incl. carry-over)', () => {
  const figures = [figure(4, { budget: 10_000_000, carryOver: 200_000 })]
  it.each([
    [9_000_000, 'green'],
    [10_000_000, 'green'], // d = 0 exactly
    [10_000_000.01, 'yellow'], // one øre over
    [10_000_001, 'yellow'],
    [10_100_000, 'yellow'], // d = 1 % exactly
    [10_100_000.01, 'red'], // one øre past the tolerance
    [10_100_001, 'red'],
    [11_000_000, 'red'],
  ])('P = %d → %s', (amount, colour) => {
    expect(judge(figures, [forecast(4, amount)]).colour).toBe(colour)
  })

  it.each([
    [12_100_000, 12_221_000, 'yellow'], // (P − B)/B is 0.01 exactly
    [3_333_333, 3_366_666.33, 'yellow'], // 1 % of an odd budget, to the øre
    [3_333_333, 3_366_666.34, 'red'],
    [7_654_321.09, 7_730_864.3, 'yellow'], // 1 % = 76.543,2109 kr. → 76.543,21 kr.
  ])('B = %d, P = %d → %s (no float surprises on the line)', (budget, amount, colour) => {
    expect(judge([figure(4, { budget })], [forecast(4, amount)]).colour).toBe(colour)
  })

  it('uses the tolerance of the rule set', () => {
    const light = budgetLight({ period, figures, forecasts: [forecast(4, 10_150_000)], ruleSet: ruleSet({ budgetTolerance: 0.02 }, 'rs-2'), closed: false })
    expect(light).toMatchObject({ colour: 'yellow', ruleSetId: 'rs-2' })
    expect(facts(light).tolerance).toBe(0.02)
  })

  it('judges the budget including the carry-over', () => {
    // Original budget 10,0 mio. + 0,2 mio. carried over: a forecast of 10,15 mio. is within budget.
    const light = judge([figure(4, { budget: 10_200_000, carryOver: 200_000 })], [forecast(4, 10_150_000)])
    expect(light.colour).toBe('green')
    expect(facts(light)).toMatchObject({ budget: 10_200_000, difference: -50_000 })
  })

  it('tells the facts', () => {
    const light = judge([figure(4, { budget: 12_000_000, spendToDate: 4_300_000, profileShare: 0.25 })], [forecast(4, 12_300_000)])
    expect(light).toMatchObject({ indicator: 'budget', colour: 'red', source: 'computed', missing: null, ruleSetId: 'rs-default', period })
    expect(facts(light)).toEqual({
      kind: 'budget',
      budget: 12_000_000,
      forecast: 12_300_000,
      spendToDate: 4_300_000,
      accruedBudget: 3_000_000,
      difference: 300_000,
      deviation: 0.025,
      tolerance: 0.01,
      final: false,
    })
  })
})

describe('budget: which forecast counts', () => {
  const figures = [1, 2, 3, 4, 5].map((m) => figure(m, { budget: 10_000_000 }))
  const forecasts = [forecast(0, 9_000_000), forecast(3, 10_050_000), forecast(5, 11_000_000), forecast(2, 20_000_000, 2024)]
  it.each([
    [1, 9_000_000], // month 0 (December the year before) counts
    [2, 9_000_000],
    [3, 10_050_000],
    [4, 10_050_000], // latest month ≤ the period's
    [5, 11_000_000],
  ])('in month %i P = %d', (month, expected) => {
    expect(facts(judge(figures, forecasts, false, { year: 2025, month })).forecast).toBe(expected)
  })
  it('within one month the newest update wins', () => {
    const a = { ...forecast(4, 9_000_000), id: 'a', updatedAt: '2025-04-20T10:00:00Z' }
    const b = { ...forecast(4, 10_500_000), id: 'b', updatedAt: '2025-04-02T10:00:00Z' }
    expect(facts(judge(figures, [a, b])).forecast).toBe(9_000_000)
  })
})

describe('budget: missing data is grey, never green', () => {
  it('no forecast → grey noForecast, figures still told', () => {
    const light = judge([figure(4, { budget: 10_000_000, spendToDate: 3_000_000 })], [forecast(5, 9_000_000)])
    expect(light).toMatchObject({ colour: 'grey', missing: 'noForecast' })
    expect(facts(light)).toMatchObject({ budget: 10_000_000, spendToDate: 3_000_000, forecast: null, deviation: null })
  })
  it('no figures for the period → grey noFigures', () => {
    expect(judge([figure(3)], [forecast(4, 1)])).toMatchObject({ colour: 'grey', missing: 'noFigures' })
  })
  it.each([
    [0, 'green'],
    [1, 'red'],
  ])('a zero budget with P = %d is %s, deviation unknown', (amount, colour) => {
    const light = judge([figure(4, { budget: 0 })], [forecast(4, amount)])
    expect(light.colour).toBe(colour)
    expect(facts(light).deviation).toBeNull()
  })
})

describe('budget: a closed year uses the final spend', () => {
  const figures = [figure(4, { budget: 10_000_000 }), figure(12, { budget: 10_000_000, spendToDate: 10_050_000 })]
  const forecasts = [forecast(4, 9_000_000)]
  it('P = December spend to date, final = true', () => {
    const light = judge(figures, forecasts, true)
    expect(light.colour).toBe('yellow')
    expect(facts(light)).toMatchObject({ forecast: 10_050_000, final: true, difference: 50_000 })
  })
  it('an open year uses the forecast even when December figures exist', () => {
    expect(facts(judge(figures, forecasts, false))).toMatchObject({ forecast: 9_000_000, final: false })
  })
  it('a closed year without December figures falls back to the forecast', () => {
    expect(facts(judge([figures[0]!], forecasts, true))).toMatchObject({ forecast: 9_000_000, final: false })
  })
})
