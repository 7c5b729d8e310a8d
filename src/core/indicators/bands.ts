// The colour bands of each indicator, in one place so that computed and imported values are judged
// alike. Exactly on a threshold lands where DOMAIN.md puts it; to keep float noise (0.95 + 0.03 is
// not 0.98 in binary) from moving a value across a line, ratios are compared with a small epsilon
// and kroner are compared in whole øre.
import type { Colour, Thresholds } from '../types'

/** Far below any real difference between two ratios of counts or kroner, far above float noise. */
export const RATIO_EPSILON = 1e-9

/** Kroner to whole øre, so sums of kroner compare exactly. */
export function toOre(kroner: number): number {
  return Math.round(kroner * 100)
}

/** Budget by deviation d = (P − B)/|B|: green ≤ 0 < yellow ≤ tolerance < red. */
export function budgetBand(deviation: number, t: Thresholds): Colour {
  if (deviation <= RATIO_EPSILON) return 'green'
  return deviation <= t.budgetTolerance + RATIO_EPSILON ? 'yellow' : 'red'
}

/** Budget in kroner: the overrun P − B against the tolerance share of |B|. */
export function budgetBandKroner(difference: number, budget: number, t: Thresholds): Colour {
  const over = toOre(difference)
  if (over <= 0) return 'green'
  return over <= toOre(t.budgetTolerance * Math.abs(budget)) ? 'yellow' : 'red'
}

/** Forecast accuracy as a share of B: the outer fifth of ±interval is yellow, beyond it red. */
export function forecastBand(accuracy: number, t: Thresholds): Colour {
  const a = Math.abs(accuracy)
  if (a <= 0.8 * t.forecastInterval + RATIO_EPSILON) return 'green'
  return a <= t.forecastInterval + RATIO_EPSILON ? 'yellow' : 'red'
}

/** Forecast accuracy in kroner: |F − E| against the interval share of |B|. */
export function forecastBandKroner(difference: number, budget: number, t: Thresholds): Colour {
  const off = Math.abs(toOre(difference))
  const limit = t.forecastInterval * Math.abs(budget)
  if (off <= toOre(0.8 * limit)) return 'green'
  return off <= toOre(limit) ? 'yellow' : 'red'
}

/** Action plan fulfilment: red < target ≤ yellow < 1 = green. */
export function actionPlanBand(fulfilment: number, t: Thresholds): Colour {
  if (fulfilment >= 1 - RATIO_EPSILON) return 'green'
  return fulfilment >= t.actionPlanTarget - RATIO_EPSILON ? 'yellow' : 'red'
}

/** Balance accounts: red < target ≤ yellow ≤ target + margin < green. */
export function balanceBand(rate: number, t: Thresholds): Colour {
  if (rate < t.balanceTarget - RATIO_EPSILON) return 'red'
  return rate <= t.balanceTarget + t.balanceGreenMargin + RATIO_EPSILON ? 'yellow' : 'green'
}
