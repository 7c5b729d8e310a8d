// A value the economics data team imports ready-made: the app applies the same thresholds and says
// the value was imported. Only the value and the target are known; amounts and counts the import
// does not carry are 0 (budget, spend) or null, and the UI should show the value alone when
// source is 'imported'.
import type { IndicatorFacts, IndicatorKey, Light, Period, RuleSet } from '../types'
import { actionPlanBand, balanceBand, budgetBand, forecastBand } from './bands'

/**
 * value: budget → deviation (P − B)/B; actionPlan → fulfilment; forecast → accuracy (F − E)/B;
 * balance → reconciliation rate. All fractions (0.01 is 1 %).
 */
export function judgeImported(indicator: IndicatorKey, value: number, period: Period, ruleSet: RuleSet): Light {
  if (!Number.isFinite(value)) throw new Error(`Importeret værdi for ${indicator} er ikke et tal: ${value}`)
  const t = ruleSet.thresholds
  let facts: IndicatorFacts
  let colour
  switch (indicator) {
    case 'budget':
      colour = budgetBand(value, t)
      facts = {
        kind: 'budget',
        budget: 0,
        forecast: null,
        spendToDate: 0,
        accruedBudget: 0,
        difference: null,
        deviation: value,
        tolerance: t.budgetTolerance,
        final: false,
      }
      break
    case 'actionPlan':
      colour = actionPlanBand(value, t)
      facts = { kind: 'actionPlan', due: 0, doneOnTime: 0, fulfilment: value, target: t.actionPlanTarget }
      break
    case 'forecast':
      colour = forecastBand(value, t)
      facts = {
        kind: 'forecast',
        previousForecast: null,
        impliedSpend: null,
        actualSpend: 0,
        budget: 0,
        difference: null,
        accuracy: value,
        interval: t.forecastInterval,
      }
      break
    case 'balance':
      colour = balanceBand(value, t)
      facts = {
        kind: 'balance',
        due: 0,
        reconciledOnTime: 0,
        rate: value,
        target: t.balanceTarget,
        greenAbove: Math.round((t.balanceTarget + t.balanceGreenMargin) * 1e9) / 1e9,
        open: 0,
        late: 0,
      }
      break
  }
  return { indicator, colour, period: { ...period }, ruleSetId: ruleSet.id, source: 'imported', missing: null, facts }
}
