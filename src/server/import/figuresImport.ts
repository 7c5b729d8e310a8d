// The plan of a figures file: its lines checked against the municipality (a cost centre the app
// knows, importUnits.ts; no month after this one), summed per unit and month, compared with what is stored.
import { comparePeriod, periodKey, periodOf } from '../../core/dates'
import { sumFigures } from '../../core/import/figures'
import { cellIssue, readRows, type ImportIssue, type ReadRow } from '../../core/import/rows'
import type { IsoDate, Period } from '../../core/types'
import type { Db } from '../db/db'
import { planFigures, writeFigures } from './figures'
import { rowsOfKnownUnits, unitsByCostCentre } from './importUnits'
import type { ImportPlan } from './run'
import type { Source } from './source'

/** The lines whose month has begun; the others as issues. */
function linesUpToThisMonth(rows: ReadRow[], today: IsoDate): { known: ReadRow[]; issues: ImportIssue[] } {
  const thisMonth = periodOf(today)
  const issues: ImportIssue[] = []
  const known = rows.filter((row) => {
    if (comparePeriod(row.values.period as Period, thisMonth) <= 0) return true
    issues.push(cellIssue(row.line, row.headers.period!, row.cells.period!, `ligger efter denne måned (${periodKey(thisMonth)}).`))
    return false
  })
  return { known, issues }
}

export async function planFiguresImport(db: Db, source: Source, today: IsoDate): Promise<ImportPlan> {
  const read = readRows('figures', source.table, source.mapping, source.scale)
  const units = await unitsByCostCentre(db)
  const ofUnits = rowsOfKnownUnits(read.rows, units)
  const { known, issues: monthIssues } = linesUpToThisMonth(ofUnits.known, today)
  const issues = [...ofUnits.issues, ...monthIssues]
  const summed = sumFigures(known, source.excludeAccounts)
  const unitOf = (costCentre: string) => units.get(costCentre)!
  const changes = await planFigures(db, summed.sums, (cc) => unitOf(cc).id)
  const count = (c: string) => changes.filter((x) => x.change === c).length
  return {
    rows: changes
      .map((c) => ({
        unitName: unitOf(c.sum.costCentre).name,
        costCentre: c.sum.costCentre,
        label: periodKey(c.sum.period),
        values: { budget: c.after.budget, carryOver: c.after.carryOver, spendToDate: c.after.spendToDate, profileShare: c.after.profileShare },
        sourceLines: c.sum.lines.length,
        change: c.change,
      }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'da') || a.label.localeCompare(b.label)),
    counts: { new: count('new'), changed: count('changed'), unchanged: count('unchanged'), removed: 0 },
    lines: read.lines,
    leftOut: summed.leftOut,
    issues: [...read.issues, ...issues, ...summed.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    changedUnits: new Set(changes.filter((c) => c.change !== 'unchanged').map((c) => c.after.unitId)),
    write: (tx, personId, importId) => writeFigures(tx, changes, personId, importId),
  }
}
