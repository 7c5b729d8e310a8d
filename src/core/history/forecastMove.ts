// A forecast that moves by more than the interval needs an explanation (DOMAIN.md, forecast
// accuracy: "A forecast that moves by more than the interval asks for a short explanation"). The
// rule looks back at the record's history — the forecast in force before it, and the year's
// corrected budget B — so it is checked by the form while the leader types and by the server
// before it stores a pushed forecast, with this one function and this one message.
import { toOre } from '../indicators/bands'
import { forecastInForce } from '../indicators/common'
import { isBlank } from '../limits'
import type { ForecastEntry, MonthlyFigure, Period } from '../types'

/** Danish, shown by the form (da.json forecastEntry.errors.explanationRequired) and sent by the server. */
export const EXPLANATION_REQUIRED = 'Skriv en kort forklaring, fordi prognosen flytter sig mere end intervallet.'

/** The forecast in force before the target month: what a new one is compared with. */
export function previousForecast(forecasts: ForecastEntry[], target: Period): ForecastEntry | undefined {
  return forecastInForce(forecasts, target.year, target.month - 1)
}

/** The corrected budget B of a year: the latest month's figure of that year; null without figures. */
export function budgetOfYear(figures: Array<Pick<MonthlyFigure, 'year' | 'month' | 'budget'>>, year: number): number | null {
  let best: Pick<MonthlyFigure, 'year' | 'month' | 'budget'> | undefined
  for (const f of figures) if (f.year === year && (!best || f.month > best.month)) best = f
  return best ? best.budget : null
}

/**
 * True when the new amount moves more than the interval (thresholds.forecastInterval × |B|) from the
 * previous forecast. Exactly on the limit needs no explanation. Compared in whole øre, as the rules do.
 * Without a previous forecast or a budget there is nothing to move from.
 */
export function needsExplanation(amount: number, previous: number | null, budget: number | null, interval: number): boolean {
  if (previous === null || budget === null) return false
  return Math.abs(toOre(amount) - toOre(previous)) > toOre(interval * Math.abs(budget))
}

export interface ForecastMove {
  amount: number
  explanation: string | null
  /** The amount of the forecast in force before this one; null when there is none. */
  previous: number | null
  budget: number | null
  interval: number
}

/** The refusal of a forecast that moved too far without an explanation, or null when it may be saved. */
export function forecastMoveRefusal(move: ForecastMove): { field: 'explanation'; message: string } | null {
  if (!needsExplanation(move.amount, move.previous, move.budget, move.interval)) return null
  return isBlank(move.explanation ?? '') ? { field: 'explanation', message: EXPLANATION_REQUIRED } : null
}
