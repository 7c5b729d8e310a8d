// A unit's four lights for a period, its overall colour, and the worst-first order of lists.
// A closed period is never repainted: a light recorded for it is returned as recorded.
import { endOfMonthIso, minIso, periodOf, periodsBack } from './dates'
import { actionPlanLight } from './indicators/actionPlan'
import { balanceLight } from './indicators/balance'
import { budgetLight } from './indicators/budget'
import { forecastLight } from './indicators/forecast'
import { judgeImported } from './indicators/imported'
import { ruleSetFor } from './rules'
import type {
  ActionPlanItem, BalanceAccount, Colour, ForecastEntry, IndicatorKey, IsoDate, Light, MonthlyFigure,
  Period, RuleSet, UnitLights, UnitType,
} from './types'

// Re-exported so that everything about judging a unit's lights can be imported from here.
export { judgeImported }

/** One unit's records; every list holds that unit's records only. */
export interface UnitInput {
  unit: { id: string; municipalityId: string; unitType: UnitType }
  figures: MonthlyFigure[]
  forecasts: ForecastEntry[]
  actionPlan: ActionPlanItem[]
  balanceAccounts: BalanceAccount[]
}

/** An indicator value imported ready-made by the economics data team (see judgeImported). */
export interface ImportedValue {
  indicator: IndicatorKey
  period: Period
  value: number
}

export interface LightOptions {
  today: IsoDate
  ruleSets: RuleSet[]
  closedYears: number[]
  /** Lights recorded for closed periods of this unit. */
  recorded?: Light[]
  /** Imported values for this unit; they win over computing, but not over a recorded light. */
  imported?: ImportedValue[]
  /**
   * Set when the period judged is the latest, still open one: the budget is then judged by the
   * leader's latest forecast given up to this date (DOMAIN.md), also one given after the month the
   * figures are from. Earlier periods keep the forecast that was in force at their end.
   */
  latestForecastOn?: IsoDate
}

const samePeriod = (a: Period, b: Period): boolean => a.year === b.year && a.month === b.month

export function unitLights(input: UnitInput, period: Period, opts: LightOptions): UnitLights {
  const periodEnd = endOfMonthIso(period)
  const asOf = minIso(opts.today, periodEnd)
  const closed = opts.closedYears.includes(period.year)
  const latest = opts.latestForecastOn ? periodOf(opts.latestForecastOn) : null
  const forecastsUpToMonth = latest && latest.year === period.year ? Math.max(latest.month, period.month) : period.month
  // Resolved lazily: a closed period that is fully recorded needs no rule set at all.
  let ruleSet: RuleSet | undefined
  const rules = (): RuleSet =>
    (ruleSet ??= ruleSetFor(opts.ruleSets, { municipalityId: input.unit.municipalityId, unitType: input.unit.unitType, date: periodEnd }))

  const judge = (indicator: IndicatorKey, compute: () => Light): Light => {
    const recorded = closed ? opts.recorded?.find((l) => l.indicator === indicator && samePeriod(l.period, period)) : undefined
    if (recorded) return { ...recorded, source: 'recorded' }
    const imported = opts.imported?.find((v) => v.indicator === indicator && samePeriod(v.period, period))
    if (imported) return judgeImported(indicator, imported.value, period, rules())
    return compute()
  }

  return {
    budget: judge('budget', () =>
      budgetLight({ period, figures: input.figures, forecasts: input.forecasts, ruleSet: rules(), closed, forecastsUpToMonth })),
    actionPlan: judge('actionPlan', () => actionPlanLight({ period, asOf, items: input.actionPlan, ruleSet: rules() })),
    forecast: judge('forecast', () =>
      forecastLight({ period, figures: input.figures, forecasts: input.forecasts, ruleSet: rules() })),
    balance: judge('balance', () => balanceLight({ period, asOf, accounts: input.balanceAccounts, ruleSet: rules() })),
  }
}

/** The lights of the `months` periods ending with lastPeriod, oldest first. */
export function lightHistory(
  input: UnitInput,
  lastPeriod: Period,
  months: number,
  opts: LightOptions,
): Array<{ period: Period; lights: UnitLights }> {
  const { latestForecastOn: _latestOnly, ...earlier } = opts
  return periodsBack(lastPeriod, months).map((period) => ({
    period,
    lights: unitLights(input, period, samePeriod(period, lastPeriod) ? opts : earlier),
  }))
}

const RANK: Record<Colour, number> = { red: 0, yellow: 1, grey: 2, green: 3 }

/** Lower is worse: red 0, yellow 1, grey 2, green 3. Grey is never counted as green. */
export function colourRank(colour: Colour): number {
  return RANK[colour]
}

/** The worst colour of a unit's lights; grey when given none, since nothing known is never green. */
export function overallColour(lights: UnitLights | Light[]): Colour {
  const list = Array.isArray(lights) ? lights : Object.values(lights)
  if (list.length === 0) return 'grey'
  return list.reduce<Colour>((worst, l) => (colourRank(l.colour) < colourRank(worst) ? l.colour : worst), 'green')
}

/** Sort order for unit lists: red, yellow, grey, green; within a colour the bigger overrun first. */
export function compareUnitsWorstFirst(a: { overall: Colour; overrun: number }, b: { overall: Colour; overrun: number }): number {
  return colourRank(a.overall) - colourRank(b.overall) || b.overrun - a.overrun
}

/** The budget overrun in kroner (P − B), or 0 when within budget or unknown. */
export function unitOverrun(lights: Pick<UnitLights, 'budget'>): number {
  const facts = lights.budget.facts
  return facts.kind === 'budget' && facts.difference !== null ? Math.max(0, facts.difference) : 0
}

/** The latest month with figures, or null when there are none. */
export function latestPeriod(figures: Pick<MonthlyFigure, 'year' | 'month'>[]): Period | null {
  let best: Period | null = null
  for (const f of figures) {
    if (best === null || f.year > best.year || (f.year === best.year && f.month > best.month)) {
      best = { year: f.year, month: f.month }
    }
  }
  return best
}
