// Builders for core tests: small, explicit records with sensible defaults.
import { DEFAULT_THRESHOLDS } from '../../src/core/rules'
import type { ActionPlanItem, BalanceAccount, ForecastEntry, MonthlyFigure, RuleSet, Thresholds } from '../../src/core/types'

export function ruleSet(overrides: Partial<Thresholds> = {}, id = 'rs-default', effectiveFrom = '2000-01-01'): RuleSet {
  return { id, municipalityId: 'm1', unitType: null, effectiveFrom, thresholds: { ...DEFAULT_THRESHOLDS, ...overrides } }
}

export function figure(month: number, fields: Partial<MonthlyFigure> = {}, year = 2025): MonthlyFigure {
  return { unitId: 'u1', year, month, budget: 12_000_000, carryOver: 0, spendToDate: 1_000_000 * month, profileShare: month / 12, ...fields }
}

/** Twelve months of figures on a straight twelfths profile and spend. */
export function yearOfFigures(year = 2025, budget = 12_000_000): MonthlyFigure[] {
  return Array.from({ length: 12 }, (_, i) => figure(i + 1, { budget, spendToDate: (budget * (i + 1)) / 12 }, year))
}

export function forecast(month: number, amount: number, year = 2025, id = `f-${year}-${month}`): ForecastEntry {
  return { id, unitId: 'u1', year, month, amount, explanation: null }
}

let seq = 0
export function action(fields: Partial<ActionPlanItem> = {}): ActionPlanItem {
  seq += 1
  return {
    id: `a${seq}`,
    unitId: 'u1',
    year: 2025,
    title: `Handling ${seq}`,
    dueDate: '2025-03-31',
    status: 'planned',
    doneOn: null,
    dropReason: null,
    ...fields,
  }
}

/** `due` actions due by 2025-03-31, of which `onTime` were done on their due date. */
export function actions(due: number, onTime: number): ActionPlanItem[] {
  return Array.from({ length: due }, (_, i) => (i < onTime ? action({ status: 'done', doneOn: '2025-03-31' }) : action({ status: 'in_progress' })))
}

export function account(fields: Partial<BalanceAccount> = {}): BalanceAccount {
  seq += 1
  return { id: `b${seq}`, unitId: 'u1', number: String(9000 + seq), name: `Konto ${seq}`, dueDate: '2025-05-31', reconciledOn: null, ...fields }
}

/** `due` accounts due 2025-05-31, of which `onTime` were reconciled on time; the rest are open. */
export function accounts(due: number, onTime: number): BalanceAccount[] {
  return Array.from({ length: due }, (_, i) => account({ reconciledOn: i < onTime ? '2025-05-20' : null }))
}
