// Budget adherence (Budgetoverholdelse — "Er budgettet overholdt?"): the latest year-end forecast P
// against the corrected budget B including carry-over. d = (P − B)/B; green d ≤ 0, yellow up to the
// tolerance, red above it. Once the year is closed, P is the final spend.
import type { BudgetFacts, ForecastEntry, Light, MonthlyFigure, Period, RuleSet } from '../types'
import { budgetBandKroner } from './bands'
import { figureFor, forecastInForce, makeLight } from './common'

export interface BudgetInput {
  period: Period
  figures: MonthlyFigure[]
  forecasts: ForecastEntry[]
  ruleSet: RuleSet
  /** The period's year is closed: December's spend to date is the final spend. */
  closed: boolean
  /** Count forecasts given up to this month of the period's year (default: the period's month). */
  forecastsUpToMonth?: number
}

export function budgetLight(input: BudgetInput): Light {
  const { period, ruleSet } = input
  const tolerance = ruleSet.thresholds.budgetTolerance
  const figure = figureFor(input.figures, period.year, period.month)
  const facts: BudgetFacts = {
    kind: 'budget',
    budget: figure?.budget ?? 0,
    forecast: null,
    spendToDate: figure?.spendToDate ?? 0,
    accruedBudget: figure ? figure.budget * figure.profileShare : 0,
    difference: null,
    deviation: null,
    tolerance,
    final: false,
  }
  if (!figure) return makeLight('budget', 'grey', period, ruleSet, facts, 'noFigures')

  const december = input.closed ? figureFor(input.figures, period.year, 12) : undefined
  const forecast = december ? december.spendToDate : forecastInForce(input.forecasts, period.year, input.forecastsUpToMonth ?? period.month)?.amount
  if (forecast === undefined) return makeLight('budget', 'grey', period, ruleSet, facts, 'noForecast')

  const B = figure.budget
  const difference = forecast - B
  facts.forecast = forecast
  facts.final = december !== undefined
  facts.difference = difference
  // Divided by |B| so that a positive deviation always means an overrun, also for a net-income unit.
  facts.deviation = B === 0 ? null : difference / Math.abs(B)
  return makeLight('budget', budgetBandKroner(difference, B, ruleSet.thresholds), period, ruleSet, facts)
}
