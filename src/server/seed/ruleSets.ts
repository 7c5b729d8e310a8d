// The demo's target figures (måltal): the defaults from the first year on, and a stricter set for
// daycare from January of the current year, so the versioning of rule sets can be seen.
import { ruleSetForPeriod, DEFAULT_THRESHOLDS } from '../../core/rules'
import type { Period, RuleSet, Thresholds, UnitType } from '../../core/types'
import { MUNICIPALITY_ID } from './org'

export function makeRuleSets(firstYear: number, currentYear: number): RuleSet[] {
  return [
    {
      id: `rules-demo-general-${firstYear}`,
      municipalityId: MUNICIPALITY_ID,
      unitType: null,
      effectiveFrom: `${firstYear}-01-01`,
      thresholds: { ...DEFAULT_THRESHOLDS },
    },
    {
      id: `rules-demo-daycare-${currentYear}`,
      municipalityId: MUNICIPALITY_ID,
      unitType: 'daycare',
      effectiveFrom: `${currentYear}-01-01`,
      // Small budgets leave little room: half the budget tolerance, and a plan that must be kept closer.
      thresholds: { ...DEFAULT_THRESHOLDS, budgetTolerance: 0.005, actionPlanTarget: 0.85 },
    },
  ]
}

export function thresholdsAt(ruleSets: RuleSet[], unitType: UnitType, period: Period): Thresholds {
  return ruleSetForPeriod(ruleSets, { municipalityId: MUNICIPALITY_ID, unitType, period }).thresholds
}
