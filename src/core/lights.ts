// A unit's lights for a period (the four, but those switched off for the municipality), its overall
// colour, and the worst-first order of lists. A closed period is never repainted: a light recorded
// for it is returned as recorded.
import { endOfMonthIso, minIso, periodOf, periodsBack, samePeriod } from './dates'
import { actionPlanLight } from './indicators/actionPlan'
import { balanceLight } from './indicators/balance'
import { budgetLight } from './indicators/budget'
import { forecastLight } from './indicators/forecast'
import { judgeImported } from './indicators/imported'
import { indicatorsInUse } from './indicators/inUse'
import { ruleSetFor } from './rules'
import type {
  ActionPlanItem,
  BalanceAccount,
  Colour,
  ForecastEntry,
  IndicatorKey,
  IsoDate,
  Light,
  MonthlyFigure,
  Period,
  RuleSet,
  UnitLights,
  UnitType,
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
  /** The indicators switched off for the municipality: they are not judged, and not in the result. */
  indicatorsOff?: readonly IndicatorKey[]
}

export function unitLights(input: UnitInput, period: Period, opts: LightOptions): UnitLights {
  const periodEnd = endOfMonthIso(period)
  const asOf = minIso(opts.today, periodEnd)
  const closed = opts.closedYears.includes(period.year)
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

  const byForecasts = (): ForecastsJudged => ({
    period,
    figures: input.figures,
    forecasts: input.forecasts,
    ruleSet: rules(),
    closed,
    latestForecastOn: opts.latestForecastOn,
  })
  const compute: Record<IndicatorKey, () => Light> = {
    budget: () => budgetByForecasts(byForecasts()),
    actionPlan: () => actionPlanLight({ period, asOf, items: input.actionPlan, ruleSet: rules() }),
    forecast: () => forecastLight(byForecasts()),
    balance: () => balanceLight({ period, asOf, accounts: input.balanceAccounts, ruleSet: rules() }),
  }
  return Object.fromEntries(indicatorsInUse(opts.indicatorsOff).map((key) => [key, judge(key, compute[key])]))
}

/**
 * The month of the period's year up to which forecasts count for its budget light. Without
 * latestForecastOn, the forecast in force at the period's end. With it (the latest, open period),
 * the leader's latest forecast given up to that date (DOMAIN.md), also one given after the month
 * the figures are from — and, once that date is in a later year, every forecast of the period's
 * year: figures up to November and today in January, December's forecast is the latest word.
 */
export function forecastsCountedUpTo(period: Period, latestForecastOn?: IsoDate): number {
  if (!latestForecastOn) return period.month
  const on = periodOf(latestForecastOn)
  if (on.year > period.year) return 12
  return on.year === period.year ? Math.max(on.month, period.month) : period.month
}

/** What the two lights a forecast moves (budget adherence and forecast accuracy) are judged from. */
export interface ForecastsJudged {
  period: Period
  figures: MonthlyFigure[]
  forecasts: ForecastEntry[]
  ruleSet: RuleSet
  closed: boolean
  latestForecastOn?: IsoDate
}

function budgetByForecasts(input: ForecastsJudged): Light {
  return budgetLight({ ...input, forecastsUpToMonth: forecastsCountedUpTo(input.period, input.latestForecastOn) })
}

/** True for a light that no forecast can move: recorded or imported, or a closed year's final spend. */
function settledLight(light: Light): boolean {
  return light.source !== 'computed' || (light.facts.kind === 'budget' && light.facts.final)
}

/**
 * A period's lights judged again with other forecasts — the device's own, merged over the ones the
 * server judged by — so a saved forecast repaints the budget at once, offline too, by the very rules
 * of unitLights: the budget and forecast-accuracy lights are computed anew unless settled (see
 * settledLight); action plan and balance do not depend on forecasts and stay as judged.
 */
export function relightWithForecasts(judged: UnitLights, input: Omit<ForecastsJudged, 'closed'>): UnitLights {
  // A closed year's budget is either final (settled) or, without December's figures, judged as an
  // open one, so `closed` never changes what is computed here.
  const by = { ...input, closed: false }
  const lights = { ...judged }
  // A light switched off was not judged, and is not judged here either.
  if (judged.budget && !settledLight(judged.budget)) lights.budget = budgetByForecasts(by)
  if (judged.forecast && !settledLight(judged.forecast)) lights.forecast = forecastLight(by)
  return lights
}

/** The lights of the `months` periods ending with lastPeriod, oldest first. */
export function lightHistory(input: UnitInput, lastPeriod: Period, months: number, opts: LightOptions): Array<{ period: Period; lights: UnitLights }> {
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

/** What the worst-first order reads of a unit (a unit summary of the unit list has it all). */
export interface WorstFirstUnit {
  overall: Colour
  /** The budget overrun in kroner (unitOverrun). */
  overrun: number
  lights: Partial<Record<IndicatorKey, { colour: Colour }>>
  name: string
}

/** How many of the unit's lights are red. */
export function redCount(lights: Partial<Record<IndicatorKey, { colour: Colour }>>): number {
  let count = 0
  for (const light of Object.values(lights)) if (light?.colour === 'red') count += 1
  return count
}

/**
 * Sort order for unit lists (DOMAIN.md): red, yellow, grey, green; within a colour more red
 * indicators first, then the bigger overrun in kroner, then the name in Danish order (æ, ø, å last).
 */
export function compareUnitsWorstFirst(a: WorstFirstUnit, b: WorstFirstUnit): number {
  return colourRank(a.overall) - colourRank(b.overall) || redCount(b.lights) - redCount(a.lights) || b.overrun - a.overrun || a.name.localeCompare(b.name, 'da')
}

/** The budget overrun in kroner (P − B), or 0 when within budget or unknown. */
export function unitOverrun(lights: Pick<UnitLights, 'budget'>): number {
  const facts = lights.budget?.facts
  return facts?.kind === 'budget' && facts.difference !== null ? Math.max(0, facts.difference) : 0
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
