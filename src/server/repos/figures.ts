// The inputs of the indicators, read for many units at once (one query per table, not per unit).
// numeric columns arrive as strings on both engines and are converted here with Number().
import type { ActionPlanItem, ActionStatus, BalanceAccount, ForecastEntry, MonthlyFigure } from '../../core/types'
import type { Db } from '../db/db'

export interface UnitFacts {
  figures: MonthlyFigure[]
  forecasts: ForecastEntry[]
  actionPlan: ActionPlanItem[]
  balanceAccounts: BalanceAccount[]
}

function group<T extends { unitId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const row of rows) {
    const list = map.get(row.unitId)
    if (list) list.push(row)
    else map.set(row.unitId, [row])
  }
  return map
}

/** A monthly_figure row as core's figure (numerics arrive as strings). */
export function figureOf(r: Record<string, string | number>): MonthlyFigure {
  return {
    unitId: String(r.unit_id),
    year: Number(r.year),
    month: Number(r.month),
    budget: Number(r.budget),
    carryOver: Number(r.carry_over),
    spendToDate: Number(r.spend_to_date),
    profileShare: Number(r.profile_share),
  }
}

/** A balance_account row (id, unit_id, number, name, due_date, reconciled_on) as core's account. */
/** An action_plan_item row as core's action. */
export function actionPlanItemOf(r: Record<string, unknown>): ActionPlanItem {
  return {
    id: String(r.id),
    unitId: String(r.unit_id),
    year: Number(r.year),
    title: String(r.title),
    dueDate: String(r.due_date),
    status: r.status as ActionStatus,
    doneOn: (r.done_on as string | null) ?? null,
    dropReason: (r.drop_reason as string | null) ?? null,
  }
}

export function balanceAccountOf(r: Record<string, unknown>): BalanceAccount {
  return {
    id: String(r.id),
    unitId: String(r.unit_id),
    number: String(r.number),
    name: String(r.name),
    dueDate: String(r.due_date),
    reconciledOn: (r.reconciled_on as string | null) ?? null,
  }
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value))

/** Everything the indicators need for the given units, from January of `fromYear` on. */
export async function loadUnitFacts(db: Db, unitIds: string[], fromYear: number): Promise<Map<string, UnitFacts>> {
  const [figures, forecasts, actions, accounts] = await Promise.all([
    db.query<Record<string, string | number>>(
      `select unit_id, year, month, budget, carry_over, spend_to_date, profile_share from monthly_figure
        where unit_id = any($1) and year >= $2 order by unit_id, year, month`,
      [unitIds, fromYear],
    ),
    db.query<Record<string, unknown>>(
      `select id, unit_id, year, month, amount, explanation, updated_by, updated_at from forecast
        where unit_id = any($1) and year >= $2 and not deleted order by unit_id, year, month`,
      [unitIds, fromYear],
    ),
    db.query<Record<string, unknown>>(
      `select id, unit_id, year, title, due_date, status, done_on, drop_reason from action_plan_item
        where unit_id = any($1) and year >= $2 and not deleted order by unit_id, due_date, title`,
      [unitIds, fromYear],
    ),
    db.query<Record<string, unknown>>(
      `select id, unit_id, number, name, due_date, reconciled_on from balance_account
        where unit_id = any($1) and due_date >= make_date($2::int, 1, 1) order by unit_id, due_date, number`,
      [unitIds, fromYear],
    ),
  ])
  const byUnitFigures = group(figures.map(figureOf))
  const byUnitForecasts = group(
    forecasts.map<ForecastEntry>((r) => ({
      id: String(r.id),
      unitId: String(r.unit_id),
      year: Number(r.year),
      month: Number(r.month),
      amount: Number(r.amount),
      explanation: (r.explanation as string | null) ?? null,
      updatedBy: (r.updated_by as string | null) ?? null,
      updatedAt: iso(r.updated_at),
    })),
  )
  const byUnitActions = group(actions.map(actionPlanItemOf))
  const byUnitAccounts = group(accounts.map(balanceAccountOf))
  const result = new Map<string, UnitFacts>()
  for (const id of unitIds) {
    result.set(id, {
      figures: byUnitFigures.get(id) ?? [],
      forecasts: byUnitForecasts.get(id) ?? [],
      actionPlan: byUnitActions.get(id) ?? [],
      balanceAccounts: byUnitAccounts.get(id) ?? [],
    })
  }
  return result
}
