// The shared vocabulary of the domain (DOMAIN.md). Dates are ISO strings 'YYYY-MM-DD' and months
// are 1–12, so nothing here depends on a time zone or on the clock.

export type IsoDate = string

export const INDICATORS = ['budget', 'actionPlan', 'forecast', 'balance'] as const
export type IndicatorKey = (typeof INDICATORS)[number]

export const COLOURS = ['green', 'yellow', 'red', 'grey'] as const
export type Colour = (typeof COLOURS)[number]

export type UnitType = 'school' | 'daycare'
export type Role = 'leader' | 'area_chief' | 'directorate' | 'economics'

export interface Period {
  year: number
  month: number // 1–12
}

/** Target figures (måltal). Fractions, not per cent: 0.01 is 1 %. */
export interface Thresholds {
  /** Budget: yellow while 0 < (P − B)/B ≤ this; red above. */
  budgetTolerance: number
  /** Action plan: red below this fulfilment; yellow from it up to (not incl.) 1; green at 1. */
  actionPlanTarget: number
  /** Forecast accuracy: ± this share of B is inside; the outer fifth of it is yellow. */
  forecastInterval: number
  /** Balance accounts: red below this rate. */
  balanceTarget: number
  /** Balance accounts: yellow from the target up to target + this; green above. */
  balanceGreenMargin: number
}

export interface RuleSet {
  id: string
  municipalityId: string
  unitType: UnitType | null // null: applies to every unit type
  effectiveFrom: IsoDate
  thresholds: Thresholds
}

/** Imported per unit and month. */
export interface MonthlyFigure {
  unitId: string
  year: number
  month: number
  /** Corrected annual budget B, including the carry-over from last year. */
  budget: number
  carryOver: number
  /** Spend so far this year F, at the end of the month. */
  spendToDate: number
  /** Cumulative share s(m) of the year's budget profile at the end of the month (0–1). */
  profileShare: number
}

export interface ForecastEntry {
  id: string
  unitId: string
  year: number // the year whose year-end spend is forecast
  month: number // 0–12: the month it was given in; 0 = December of the year before
  amount: number
  explanation: string | null
  updatedBy?: string | null
  updatedAt?: string
}

export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'dropped'

export interface ActionPlanItem {
  id: string
  unitId: string
  year: number
  title: string
  dueDate: IsoDate
  status: ActionStatus
  doneOn: IsoDate | null
  dropReason: string | null
}

export interface BalanceAccount {
  id: string
  unitId: string
  number: string
  name: string
  dueDate: IsoDate
  reconciledOn: IsoDate | null
}

export type MissingReason = 'noFigures' | 'noForecast' | 'noPriorForecast' | 'noActionsDue' | 'noAccountsDue'

export interface BudgetFacts {
  kind: 'budget'
  budget: number // B
  forecast: number | null // P (the final spend once the year is closed)
  spendToDate: number // F
  accruedBudget: number // the budget accumulated to date by the monthly profile: B × s(m)
  difference: number | null // P − B in kroner
  deviation: number | null // (P − B) / B
  tolerance: number
  final: boolean // true when the year is closed and P is the final spend
}

export interface ActionPlanFacts {
  kind: 'actionPlan'
  due: number // actions due so far (dropped ones excluded)
  doneOnTime: number
  fulfilment: number | null // doneOnTime / due
  target: number
}

export interface ForecastFacts {
  kind: 'forecast'
  previousForecast: number | null // P', given last month
  impliedSpend: number | null // E
  actualSpend: number // F at the end of the month
  budget: number // B
  difference: number | null // F − E in kroner
  accuracy: number | null // (F − E) / B
  interval: number
}

export interface BalanceFacts {
  kind: 'balance'
  due: number // accounts due so far
  reconciledOnTime: number
  rate: number | null
  target: number
  greenAbove: number // target + margin
  open: number // due, not reconciled
  late: number // reconciled after their due date
}

export type IndicatorFacts = BudgetFacts | ActionPlanFacts | ForecastFacts | BalanceFacts

export interface Light {
  indicator: IndicatorKey
  colour: Colour
  period: Period
  /** The rule set the light was judged by. */
  ruleSetId: string
  /** computed from figures; imported ready-made by the economics team; recorded for a closed period. */
  source: 'computed' | 'imported' | 'recorded'
  missing: MissingReason | null
  facts: IndicatorFacts
}

export type UnitLights = Record<IndicatorKey, Light>
