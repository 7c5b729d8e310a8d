// Forecast accuracy (Korrekt estimering i prognoser): from last month's forecast P' and the spend F'
// at the end of last month, the spend implied for the end of this month is
//   E = F' + (P' − F') × (s(m) − s(m−1)) ÷ (1 − s(m−1))
// and accuracy = (F − E)/B. Inside 80 % of ±interval green, the outer fifth yellow, outside red.
import type { ForecastEntry, ForecastFacts, Light, MonthlyFigure, Period, RuleSet } from '../types'
import { forecastBandKroner } from './bands'
import { figureFor, forecastInForce, makeLight } from './common'

export interface ForecastInput {
  period: Period
  figures: MonthlyFigure[]
  forecasts: ForecastEntry[]
  ruleSet: RuleSet
}

/**
 * The implied spend E. When the profile was already used up at the end of last month
 * (s(m−1) = 1) there is no share left to spread the rest over, so the whole forecast is due: E = P'.
 */
export function impliedSpend(prevForecast: number, prevSpend: number, prevShare: number, share: number): number {
  const remaining = 1 - prevShare
  if (remaining <= 1e-9) return prevForecast
  return prevSpend + ((prevForecast - prevSpend) * (share - prevShare)) / remaining
}

export function forecastLight(input: ForecastInput): Light {
  const { period, ruleSet } = input
  const interval = ruleSet.thresholds.forecastInterval
  const figure = figureFor(input.figures, period.year, period.month)
  // January starts the year from nothing: F' = 0 and s(0) = 0.
  const prev = period.month === 1 ? { spendToDate: 0, profileShare: 0 } : figureFor(input.figures, period.year, period.month - 1)
  const facts: ForecastFacts = {
    kind: 'forecast',
    previousForecast: null,
    impliedSpend: null,
    actualSpend: figure?.spendToDate ?? 0,
    budget: figure?.budget ?? 0,
    difference: null,
    accuracy: null,
    interval,
  }
  if (!figure || !prev) return makeLight('forecast', 'grey', period, ruleSet, facts, 'noFigures')

  // The forecast in force at the end of last month (month 0 in January).
  const previous = forecastInForce(input.forecasts, period.year, period.month - 1)
  if (!previous) return makeLight('forecast', 'grey', period, ruleSet, facts, 'noPriorForecast')

  const E = impliedSpend(previous.amount, prev.spendToDate, prev.profileShare, figure.profileShare)
  const difference = figure.spendToDate - E
  facts.previousForecast = previous.amount
  facts.impliedSpend = E
  facts.difference = difference
  facts.accuracy = figure.budget === 0 ? null : difference / Math.abs(figure.budget)
  return makeLight('forecast', forecastBandKroner(difference, figure.budget, ruleSet.thresholds), period, ruleSet, facts)
}
