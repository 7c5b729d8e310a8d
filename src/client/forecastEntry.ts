// Which forecast the leader gives now, and when it moved too far to go without an explanation.
//
// The forecast (prognose) is "given in" a month: the leader gives it during the calendar month of
// `today`, for the year-end of today's year. That is the month the server stores it under
// (forecast.month) and the one the forecast-accuracy rule measures against next month. In January,
// before any figures of the new year, it is the new year's forecast. DOMAIN.md: "A forecast that
// moves by more than the interval asks for a short explanation".
import { forecastInForce } from '../core/indicators/common'
import { toOre } from '../core/indicators/bands'
import { periodOf } from '../core/dates'
import type { ForecastEntry, IsoDate, MonthlyFigure, Period } from '../core/types'

export function forecastTarget(today: IsoDate): Period {
  return periodOf(today)
}

/** The forecast already given in the target month (the leader corrects it rather than adding one). */
export function forecastGivenIn(forecasts: ForecastEntry[], target: Period): ForecastEntry | undefined {
  return forecasts.find((f) => f.year === target.year && f.month === target.month)
}

/** The forecast in force before the target month: what a new one is compared with. */
export function previousForecast(forecasts: ForecastEntry[], target: Period): ForecastEntry | undefined {
  return forecastInForce(forecasts, target.year, target.month - 1)
}

/** The corrected budget B of a year: the latest month's figure of that year; null without figures. */
export function budgetOfYear(figures: MonthlyFigure[], year: number): number | null {
  let best: MonthlyFigure | undefined
  for (const f of figures) if (f.year === year && (!best || f.month > best.month)) best = f
  return best ? best.budget : null
}

/**
 * True when the new amount moves more than the interval (thresholds.forecastInterval × |B|) from the
 * previous forecast. Exactly on the limit needs no explanation. Compared in whole øre, as the rules do.
 */
export function needsExplanation(amount: number, previous: number | null, budget: number | null, interval: number): boolean {
  if (previous === null || budget === null) return false
  return Math.abs(toOre(amount) - toOre(previous)) > toOre(interval * Math.abs(budget))
}
