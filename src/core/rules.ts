// Target figures (måltal) and which rule set judges a light. A rule set applies from its
// effectiveFrom date on, so a change of thresholds never repaints an earlier period: a period is
// always judged by the rule set in force on its last day.
import { compareIso, endOfMonthIso } from './dates'
import type { IsoDate, Period, RuleSet, Thresholds, UnitType } from './types'

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  budgetTolerance: 0.01,
  actionPlanTarget: 0.8,
  forecastInterval: 0.015,
  balanceTarget: 0.95,
  balanceGreenMargin: 0.03,
})

export interface RuleSetQuery {
  municipalityId: string
  unitType: UnitType
  date: IsoDate
}

/** The latest of the sets in force on a date; on equal dates the later one in the list wins. */
function latest(sets: readonly RuleSet[]): RuleSet | undefined {
  return sets.reduce<RuleSet | undefined>((best, set) => (best === undefined || compareIso(set.effectiveFrom, best.effectiveFrom) >= 0 ? set : best), undefined)
}

/**
 * The rule set in force for a unit on a date: the latest effectiveFrom ≤ date. A set made for the
 * unit's type beats a general one (unitType null) even when the general one is newer, because
 * the economics team chose to set that type apart. Throws when nothing applies.
 */
export function ruleSetFor(ruleSets: RuleSet[], query: RuleSetQuery): RuleSet {
  const found = ruleSetInForce(
    ruleSets.filter((s) => s.municipalityId === query.municipalityId),
    query.unitType,
    query.date,
  )
  if (!found) {
    throw new Error(`Ingen regelsæt gælder for kommune ${query.municipalityId}, enhedstype ${query.unitType} pr. ${query.date}`)
  }
  return found
}

/**
 * Of one municipality's sets, the one in force on a date for a unit type — or, for null, the
 * general one that units without a set of their own are judged by. Undefined when none has begun.
 */
export function ruleSetInForce(ruleSets: readonly RuleSet[], unitType: UnitType | null, date: IsoDate): RuleSet | undefined {
  const begun = ruleSets.filter((s) => compareIso(s.effectiveFrom, date) <= 0)
  return (unitType === null ? undefined : latest(begun.filter((s) => s.unitType === unitType))) ?? latest(begun.filter((s) => s.unitType === null))
}

/** The rule set that judges a period: the one in force on the period's last day. */
export function ruleSetForPeriod(ruleSets: RuleSet[], query: { municipalityId: string; unitType: UnitType; period: Period }): RuleSet {
  return ruleSetFor(ruleSets, { ...query, date: endOfMonthIso(query.period) })
}

/** A general rule set with the default thresholds, e.g. for a new municipality or a demo. */
export function defaultRuleSet(municipalityId: string, effectiveFrom: IsoDate = '2000-01-01'): RuleSet {
  return { id: `default-${municipalityId}`, municipalityId, unitType: null, effectiveFrom, thresholds: { ...DEFAULT_THRESHOLDS } }
}
