// The leaders' year-end forecasts (prognoser), one per month given (0 = December of the year
// before), and the spend of the latest month, set so that last month's forecast implied it as
// closely as the unit's designed forecast-accuracy colour says.
import { forecastInForce } from '../../core/indicators/common'
import { impliedSpend } from '../../core/indicators/forecast'
import { recordIdFor } from '../../core/sync/kind'
import { forecastKind } from '../../core/sync/kinds'
import type { Colour, Period } from '../../core/types'
import { FORECAST_EXPLANATIONS } from './names'
import { rngFor } from './prng'
import type { YearBudget } from './budgets'
import type { DemoForecast, UnitDesign } from './types'

export interface ForecastContext {
  design: UnitDesign
  leaderId: string
  first: Period
  last: Period
  /** The forecast interval of the rule set in force, to know when a move needs an explanation. */
  interval: number
}

const pad = (n: number): string => String(n).padStart(2, '0')
const within = (p: Period, a: Period, b: Period): boolean => {
  const k = p.year * 12 + p.month
  return k >= a.year * 12 + a.month && k <= b.year * 12 + b.month
}

function noise(ctx: ForecastContext, rng: ReturnType<typeof rngFor>, month: number): number {
  if (ctx.design.erratic) return (rng.chance(0.5) ? 1 : -1) * rng.between(0.02, 0.06)
  return rng.between(-1, 1) * (0.012 * (1 - month / 12) + 0.002)
}

/** The forecasts of one year. The current year's latest one is exactly its designed year-end. */
export function yearForecasts(ctx: ForecastContext, yb: YearBudget): DemoForecast[] {
  const { design, last } = ctx
  const isCurrent = yb.year === last.year
  if (isCurrent && design.colours.budget === 'grey') return [] // never given this year: the grey light
  const rng = rngFor(`forecasts:${design.unitId}:${yb.year}`)
  const out: DemoForecast[] = []
  let previous: number | null = null
  for (let month = 0; month <= 12; month++) {
    const given: Period = month === 0 ? { year: yb.year - 1, month: 12 } : { year: yb.year, month }
    if (!within(given, ctx.first, last)) continue
    const skip = design.profile === 'missing' && rng.chance(0.35)
    const wobble = noise(ctx, rng, month)
    const day = rng.int(3, 26)
    if (skip) continue
    const exact = isCurrent && month === last.month
    const amount = exact ? yb.yearEnd : Math.round((yb.yearEnd * (1 + wobble)) / 1000) * 1000
    const moved = previous !== null && Math.abs(amount - previous) > ctx.interval * yb.budget
    out.push({
      id: recordIdFor(forecastKind, { unitId: design.unitId, year: yb.year, month }),
      unitId: design.unitId,
      year: yb.year,
      month,
      amount,
      explanation: moved ? rng.pick(FORECAST_EXPLANATIONS) : null,
      updatedBy: ctx.leaderId,
      updatedAt: `${given.year}-${pad(given.month)}-${pad(day)}T09:30:00.000Z`,
    })
    previous = amount
  }
  return out
}

/** How far off the implied spend the latest month lands, as a share of B, for each colour. */
function accuracyFor(colour: Colour, interval: number, rng: ReturnType<typeof rngFor>): number | null {
  const sign = rng.chance(0.5) ? 1 : -1
  switch (colour) {
    case 'green':
      return rng.between(-0.6, 0.6) * interval
    case 'yellow':
      return sign * rng.between(0.86, 0.95) * interval
    case 'red':
      return sign * (1.4 * interval + rng.between(0, 0.01))
    default:
      return null
  }
}

/**
 * The spend to date at the end of the latest month m: E (implied by last month's forecast) plus the
 * designed miss. `spend` and `shares` are months 1..m of the current year; returns the new F(m).
 */
export function settleLatestSpend(
  design: UnitDesign,
  forecasts: DemoForecast[],
  yb: YearBudget,
  spend: number[],
  shares: number[],
  month: number,
  interval: number,
): number {
  const current = spend[month - 1] as number
  const previous = forecastInForce(forecasts, yb.year, month - 1)
  const a = accuracyFor(design.colours.forecast, interval, rngFor(`accuracy:${design.unitId}`))
  if (!previous || a === null) return current
  const prevSpend = month === 1 ? 0 : (spend[month - 2] as number)
  const prevShare = month === 1 ? 0 : (shares[month - 2] as number)
  const E = impliedSpend(previous.amount, prevSpend, prevShare, shares[month - 1] as number)
  return Math.round((E + a * yb.budget) * 100) / 100
}
