// Monthly figures in: the file's sums per unit and month compared with what is stored (so a file
// imported twice changes nothing), then the new and changed ones written in bulk with an audit row
// each (old and new value), inside the import's transaction. Figures are not synced records: the
// unit's figures stamp (stamps.ts) tells the devices to fetch them.
import { periodKey } from '../../core/dates'
import type { FigureSum } from '../../core/import/figures'
import type { MonthlyFigure } from '../../core/types'
import type { Db } from '../db/db'
import { figureOf } from '../repos/figures'
import { auditImport, IMPORT_ACTION } from './changes'

export interface FigureChange {
  change: 'new' | 'changed' | 'unchanged'
  before: MonthlyFigure | null
  after: MonthlyFigure
  sum: FigureSum
}

const key = (unitId: string, year: number, month: number) => `${unitId}|${year}|${month}`
const øre = (kroner: number) => Math.round(kroner * 100)

function sameFigure(a: MonthlyFigure, b: MonthlyFigure): boolean {
  return (
    øre(a.budget) === øre(b.budget) &&
    øre(a.carryOver) === øre(b.carryOver) &&
    øre(a.spendToDate) === øre(b.spendToDate) &&
    Math.round(a.profileShare * 1e6) === Math.round(b.profileShare * 1e6)
  )
}

async function storedFigures(db: Db, unitIds: string[]): Promise<Map<string, MonthlyFigure>> {
  const rows = await db.query<Record<string, string | number>>(
    'select unit_id, year, month, budget, carry_over, spend_to_date, profile_share from monthly_figure where unit_id = any($1)',
    [unitIds],
  )
  return new Map(rows.map(figureOf).map((row) => [key(row.unitId, row.year, row.month), row]))
}

/**
 * What the sums would do to the stored figures. A file without a budget profile keeps the stored
 * profile of the month, or spreads the budget evenly (month/12) for a month not seen before.
 */
export async function planFigures(db: Db, sums: readonly FigureSum[], unitOf: (costCentre: string) => string): Promise<FigureChange[]> {
  const stored = await storedFigures(db, [...new Set(sums.map((s) => unitOf(s.costCentre)))])
  return sums.map((sum) => {
    const unitId = unitOf(sum.costCentre)
    const before = stored.get(key(unitId, sum.period.year, sum.period.month)) ?? null
    const after: MonthlyFigure = {
      unitId,
      year: sum.period.year,
      month: sum.period.month,
      budget: sum.budget,
      carryOver: sum.carryOver,
      spendToDate: sum.spendToDate,
      profileShare: sum.profileShare ?? before?.profileShare ?? Math.round((sum.period.month / 12) * 1e6) / 1e6,
    }
    const change = before === null ? 'new' : sameFigure(before, after) ? 'unchanged' : 'changed'
    return { change, before, after, sum }
  })
}

const asJson = (f: MonthlyFigure) => ({
  unit_id: f.unitId,
  year: f.year,
  month: f.month,
  budget: f.budget,
  carry_over: f.carryOver,
  spend_to_date: f.spendToDate,
  profile_share: f.profileShare,
})

/** Writes the new and changed figures and their audit rows: two statements, whatever the number. */
export async function writeFigures(tx: Db, changes: readonly FigureChange[], personId: string, importId: string): Promise<void> {
  const written = changes.filter((c) => c.change !== 'unchanged')
  if (written.length === 0) return
  await tx.query(
    `insert into monthly_figure (unit_id, year, month, budget, carry_over, spend_to_date, profile_share, imported_at)
     select x.unit_id, x.year, x.month, x.budget, x.carry_over, x.spend_to_date, x.profile_share, now()
       from jsonb_to_recordset($1::jsonb) as x(unit_id text, year int, month int, budget numeric, carry_over numeric, spend_to_date numeric, profile_share numeric)
     on conflict (unit_id, year, month) do update set budget = excluded.budget, carry_over = excluded.carry_over,
       spend_to_date = excluded.spend_to_date, profile_share = excluded.profile_share, imported_at = excluded.imported_at`,
    [JSON.stringify(written.map((c) => asJson(c.after)))],
  )
  const audit = written.map((c) => ({
    action: IMPORT_ACTION[c.change as 'new' | 'changed'],
    table: 'monthly_figure',
    recordId: `${c.after.unitId}:${periodKey({ year: c.after.year, month: c.after.month })}`,
    oldValue: c.before,
    newValue: c.after,
  }))
  await auditImport(tx, audit, personId, importId)
}
