// Small lookups shared by the indicator functions.
import type { Colour, ForecastEntry, IndicatorFacts, IndicatorKey, Light, MissingReason, MonthlyFigure, Period, RuleSet } from '../types'

export function figureFor(figures: MonthlyFigure[], year: number, month: number): MonthlyFigure | undefined {
  return figures.find((f) => f.year === year && f.month === month)
}

/**
 * The forecast in force for a year at the end of a month: the one given in the latest month
 * ≤ upToMonth (month 0 = December of the year before). Within one month the newest updatedAt wins,
 * then the later one in the list.
 */
export function forecastInForce(forecasts: ForecastEntry[], year: number, upToMonth: number): ForecastEntry | undefined {
  let best: ForecastEntry | undefined
  for (const f of forecasts) {
    if (f.year !== year || f.month > upToMonth) continue
    if (best === undefined || f.month > best.month || (f.month === best.month && (f.updatedAt ?? '') >= (best.updatedAt ?? ''))) {
      best = f
    }
  }
  return best
}

export function makeLight(
  indicator: IndicatorKey,
  colour: Colour,
  period: Period,
  ruleSet: RuleSet,
  facts: IndicatorFacts,
  missing: MissingReason | null = null,
): Light {
  return { indicator, colour, period: { ...period }, ruleSetId: ruleSet.id, source: 'computed', missing, facts }
}
