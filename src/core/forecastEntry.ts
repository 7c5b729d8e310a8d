// Which forecast the leader gives now. When it moved too far to go without an explanation is a rule
// over the forecast's history, checked by the server too: src/core/history/forecastMove.ts.
//
// The forecast (prognose) is "given in" a month: the leader gives it during the calendar month of
// `today`, for the year-end of today's year. That is the month the server stores it under
// (forecast.month) and the one the forecast-accuracy rule measures against next month. In January,
// before any figures of the new year, it is the new year's forecast.
import { periodOf } from './dates'
import type { ForecastEntry, IsoDate, Period } from './types'

export function forecastTarget(today: IsoDate): Period {
  return periodOf(today)
}

/** The forecast already given in the target month (the leader corrects it rather than adding one). */
export function forecastGivenIn(forecasts: ForecastEntry[], target: Period): ForecastEntry | undefined {
  return forecasts.find((f) => f.year === target.year && f.month === target.month)
}
